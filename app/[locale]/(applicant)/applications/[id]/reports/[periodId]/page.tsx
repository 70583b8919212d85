import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageHeader } from '@/components/layout/page-header';
import { ReportForm } from '@/components/reports/report-form';
import { ReportStateBadge, ReportView } from '@/components/reports/report-view';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { requirePermission } from '@/lib/auth/session';
import { callTitleIn } from '@/lib/calls/languages';
import { getReportForPage, reportFileRules } from '@/lib/data/reports';
import { Link } from '@/lib/i18n/navigation';
import { countryName } from '@/lib/reference/countries';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string; periodId: string }>; searchParams: Promise<{ submitted?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('pageTitle') };
}

/** A partner's report on its award for one period: the form while it may change, else the report as sent. */
export default async function PartnerReportPage({ params, searchParams }: Props) {
  const { id, periodId } = await params;
  const { submitted } = await searchParams;
  const user = await requirePermission('report:write', `/applications/${id}/reports/${periodId}`);
  const detail = await getReportForPage(user, id, periodId);
  if (!detail || detail.access !== 'member') notFound();
  const t = await getTranslations('reports');
  const locale = await getLocale();
  const { report, period, call, organisation, application, award } = detail;

  return (
    <div className="space-y-6">
      <Link href="/dashboard" className="text-sm text-brand-700 hover:underline">
        {t('backToDashboard')}
      </Link>
      <PageHeader
        title={t('reportTitle', { period: period.label, organisation: organisation.legalName })}
        intro={t('reportIntro', { project: application.title, call: callTitleIn(call, locale) })}
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <ReportStateBadge state={detail.state} />
        <span>{t.rich('dueOn', { date: () => <Instant date={period.dueAt} timeZone={call.timeZone} /> })}</span>
      </div>
      {submitted && report?.status === 'submitted' && <Alert tone="success">{t('submittedNotice')}</Alert>}
      {report?.status === 'changes_requested' && report.reviewComment && (
        <Alert tone="warning">
          <p className="font-medium">{t('changesRequestedNotice')}</p>
          <p className="whitespace-pre-line" data-testid="review-comment">
            {report.reviewComment}
          </p>
        </Alert>
      )}
      {report?.status === 'accepted' && <Alert tone="success">{t('acceptedNotice')}</Alert>}
      {detail.editable ? (
        <ClientMessages namespaces={['autosave', 'reports', 'validation']}>
          <ReportForm
            awardId={award.id}
            periodId={period.id}
            applicationId={application.id}
            version={report?.version ?? 0}
            savedAt={report ? report.updatedAt.toISOString() : null}
            initial={detail.draft}
            countries={application.countries.map((code) => ({ code, name: countryName(code, locale) }))}
            files={detail.files.map(({ id, fileName, size }) => ({ id, fileName, size }))}
            fileRules={reportFileRules}
          />
        </ClientMessages>
      ) : (
        <ReportView draft={detail.draft} locale={locale} files={detail.files} awardId={award.id} periodId={period.id} />
      )}
    </div>
  );
}
