import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationView } from '@/components/applications/application-view';
import { Countdown } from '@/components/time/countdown';
import { filesForForm, rulesForForm } from '@/components/applicant/detail-props';
import { documentsForView } from '@/components/applicant/types';
import { StatusActions } from '@/components/applicant/status-actions';
import { StatusBadge } from '@/components/applicant/status-badge';
import { PageHeader } from '@/components/layout/page-header';
import { PrintButton } from '@/components/applicant/print-button';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { getApplicationDetail } from '@/lib/data/applications';
import { getPublishedOutcome } from '@/lib/data/selection';
import { getAwardForMember } from '@/lib/data/awards';
import { OutcomePanel } from '@/components/applicant/outcome-panel';
import { callTitleIn } from '@/lib/calls/languages';
import type { Locale } from '@/lib/i18n/config';
import { applicationValuesOf } from '@/lib/validations/application';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('applicationStatus');
  return { title: t('title') };
}

/**
 * Where an application stands, for its organisation's members (and admins, read-only):
 * status, reference, dates, what is missing, the content and the files.
 */
export default async function ApplicationStatusPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { submitted } = await searchParams;
  // Members and admins; anyone else gets "not found" from the data function.
  const user = await requireUser(`/applications/${id}`);
  const detail = await getApplicationDetail(user, id);
  if (!detail) notFound();
  const locale = (await getLocale()) as Locale;
  const outcome = detail.access === 'member' ? await getPublishedOutcome(user, id, locale) : null;
  const award = detail.access === 'member' ? await getAwardForMember(user, id) : null;
  const tw = await getTranslations('awards');
  const t = await getTranslations('applicationStatus');
  const ta = await getTranslations('application');
  const { application: app, rules, access, open } = detail;
  const member = access === 'member';
  const missingSteps = [...new Set(detail.issues.map((i) => i.step))];
  const shown = rulesForForm(detail, locale);

  return (
    <div className="space-y-6">
      <PageHeader title={app.title || callTitleIn(rules.call, locale)} intro={t('intro', { call: callTitleIn(rules.call, locale), organisation: detail.organisation.legalName })} />

      {submitted === '1' && app.status === 'submitted' && app.reference && (
        <Alert tone="success" data-testid="submitted-banner">
          {t('justSubmitted', { reference: app.reference })}
        </Alert>
      )}

      <Card>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('status')}</dt>
            <dd className="mt-1">
              <StatusBadge status={app.status} reopened={app.status === 'draft' && !!app.reference} outcome={outcome?.outcome} />
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('reference')}</dt>
            <dd className="mt-1 font-mono" data-testid="reference">
              {app.reference ?? t('noReference')}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">
              {app.status === 'withdrawn' ? t('withdrawnAt') : t('submittedAt')}
            </dt>
            <dd className="mt-1 text-sm">
              {app.status === 'withdrawn' && app.withdrawnAt ? (
                <Instant date={app.withdrawnAt} timeZone={rules.call.timeZone} />
              ) : app.submittedAt ? (
                <Instant date={app.submittedAt} timeZone={rules.call.timeZone} />
              ) : (
                t('notSubmitted')
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('deadline')}</dt>
            <dd className="mt-1 space-y-1 text-sm">
              {rules.call.closesAt && <Instant date={rules.call.closesAt} timeZone={rules.call.timeZone} />}
              {rules.call.closesAt && (
                <div>
                  <Countdown until={rules.call.closesAt.toISOString()} />
                </div>
              )}
            </dd>
          </div>
        </dl>
      </Card>

      {member && open && app.status === 'draft' && (
        <Card className="space-y-3">
          {app.reference && <Alert tone="warning">{t('reopenedNotice', { reference: app.reference })}</Alert>}
          {missingSteps.length > 0 ? (
            <p className="text-sm">{t('missing', { steps: missingSteps.map((s) => ta(`steps.${s}`)).join(', ') })}</p>
          ) : (
            <p className="text-sm">{t('readyToSubmit')}</p>
          )}
          <Link href={`/applications/${app.id}/edit`} className={buttonClass('primary')}>
            {t('continue')}
          </Link>
        </Card>
      )}
      {member && open && app.status !== 'draft' && (
        <Card>
          <StatusActions applicationId={app.id} version={app.version} status={app.status} />
        </Card>
      )}
      {!open && <Alert tone="info">{t('readOnly')}</Alert>}

      {/* Only once the call's results are published, from the frozen record. */}
      {outcome && <OutcomePanel outcome={outcome} />}
      {award && (
        <Alert tone={award.award.status === 'offered' ? 'warning' : 'info'} data-testid="award-link">
          <Link href={`/applications/${id}/award`} className="font-medium underline">
            {tw('open')}
          </Link>{' '}
          ({tw(`statusLabel.${award.award.status}`)})
        </Alert>
      )}

      <section aria-labelledby="content" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="content">{app.status === 'draft' ? t('contentDraft') : t('content')}</h2>
          <PrintButton label={t('print')} />
        </div>
        <p className="text-sm text-slate-600" data-print="hide">
          {t('printHint')}
        </p>
        <ApplicationView
          values={applicationValuesOf(app)}
          reference={app.reference}
          currency={rules.currency}
          requirements={shown.requirements}
          documents={documentsForView(app.id, shown, filesForForm(detail))}
          headingLevel={3}
        />
      </section>
    </div>
  );
}
