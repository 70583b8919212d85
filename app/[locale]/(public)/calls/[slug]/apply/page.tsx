import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { StartApplicationForm } from '@/components/applicant/start-application-form';
import { PageHeader } from '@/components/layout/page-header';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { acceptsApplications, publicPhase } from '@/lib/calls/phase';
import { listMyApplicationsToCall } from '@/lib/data/applications';
import { getCallBySlug } from '@/lib/data/calls';
import { listMyOrganisations } from '@/lib/data/organisations';
import { callTitleIn } from '@/lib/calls/languages';
import type { Locale } from '@/lib/i18n/config';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apply');
  return { title: t('title') };
}

/**
 * The way into an application from a call's page: opens the organisation's application
 * if it has one, else offers to start it (only while the call is open by the server's clock).
 */
export default async function ApplyPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePermission('application:edit', `/calls/${slug}/apply`);
  const detail = await getCallBySlug(user, slug);
  if (!detail) notFound();
  const { call } = detail;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('apply');
  const orgs = await listMyOrganisations(user);

  const existing = orgs.length ? await listMyApplicationsToCall(user, call.id) : [];
  // One organisation that has already started: straight to its application.
  if (orgs.length === 1 && existing.length === 1) {
    const [app] = existing;
    await redirectInLocale(app.status === 'draft' && acceptsApplications(call) ? `/applications/${app.id}/edit` : `/applications/${app.id}`);
  }

  const back = (
    <Link href={`/calls/${call.slug}`} className={buttonClass('secondary')}>
      {t('backToCall')}
    </Link>
  );

  if (!acceptsApplications(call)) {
    const phase = publicPhase(call);
    return (
      <div className="space-y-6">
        <PageHeader title={t('title')} intro={callTitleIn(call, locale)} />
        <Alert tone="error">
          {phase === 'upcoming' && call.opensAt
            ? t.rich('notYetOpen', { date: () => <Instant date={call.opensAt!} timeZone={call.timeZone} /> })
            : t('closed')}
        </Alert>
        {back}
      </div>
    );
  }

  if (!orgs.length) {
    const next = `/calls/${call.slug}/apply`;
    return (
      <div className="space-y-6">
        <PageHeader title={t('title')} intro={callTitleIn(call, locale)} />
        <Alert tone="info">{t('noOrganisation')}</Alert>
        <Link href={`/organisation?next=${encodeURIComponent(next)}`} className={buttonClass('primary')}>
          {t('createOrganisation')}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={callTitleIn(call, locale)} />
      <Card className="space-y-4">
        <p>{t.rich('deadline', { date: () => <Instant date={call.closesAt!} timeZone={call.timeZone} /> })}</p>
        <p className="text-sm text-slate-600">{t('oneApplication')}</p>
        <ClientMessages namespaces={['apply', 'validation']}>
          <StartApplicationForm
            callSlug={call.slug}
            organisations={orgs.map((o) => ({ id: o.id, name: o.legalName, applicationId: existing.find((e) => e.organisationId === o.id)?.id ?? null }))}
          />
        </ClientMessages>
      </Card>
      {back}
    </div>
  );
}
