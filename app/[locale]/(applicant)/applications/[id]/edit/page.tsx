import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationForm } from '@/components/applicant/application-form';
import { filesForForm, rulesForForm } from '@/components/applicant/detail-props';
import { PageHeader } from '@/components/layout/page-header';
import { Instant } from '@/components/time/instant';
import { requirePermission } from '@/lib/auth/session';
import { getApplicationDetail } from '@/lib/data/applications';
import { listOrganisationDocuments } from '@/lib/data/verification';
import { applicationStepOrder, type ApplicationFormStep } from '@/lib/validations/application';
import { callTitleIn } from '@/lib/calls/languages';
import type { Locale } from '@/lib/i18n/config';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('application');
  return { title: t('editTitle') };
}

export default async function EditApplicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { step } = await searchParams;
  const user = await requirePermission('application:edit', `/applications/${id}/edit`);
  const detail = await getApplicationDetail(user, id);
  if (!detail || detail.access !== 'member') notFound();
  // Submitted, withdrawn or past the deadline: the status page says where it stands.
  if (!detail.editable) await redirectInLocale(`/applications/${id}`);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('application');
  const { application, rules } = detail;
  // The organisation's library: a document kept there can go into a slot without uploading it again.
  const library = (await listOrganisationDocuments(user, application.organisationId)) ?? [];
  const initialStep = (applicationStepOrder as readonly string[]).includes(step ?? '') ? (step as ApplicationFormStep) : 'project';

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('editTitle')}
        intro={t.rich('editIntro', {
          call: () => (
            <Link href={`/calls/${rules.call.slug}`} className="font-medium text-brand-700 underline">
              {callTitleIn(rules.call, locale)}
            </Link>
          ),
          organisation: detail.organisation.legalName,
        })}
        actions={
          <Link href={`/applications/${id}`} className="text-sm font-medium text-brand-700 underline">
            {t('viewStatus')}
          </Link>
        }
      />
      <ApplicationForm
        applicationId={application.id}
        version={application.version}
        savedAt={application.updatedAt.toISOString()}
        reference={application.reference}
        initial={detail.values}
        rules={rulesForForm(detail, locale)}
        files={filesForForm(detail)}
        library={library.map(({ id, kind, fileName, expiresOn, expiry, size }) => ({ id, kind, fileName, expiresOn, expiry, size }))}
        initialStep={initialStep}
        deadline={t.rich('closes', { date: () => <Instant date={rules.call.closesAt!} timeZone={rules.call.timeZone} /> })}
      />
    </div>
  );
}
