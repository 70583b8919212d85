import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageHeader } from '@/components/layout/page-header';
import { ReportStateBadge, ReportView } from '@/components/reports/report-view';
import { ReviewReportForm } from '@/components/reports/review-form';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { BackArrow } from '@/components/ui/arrow';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { getReportForReview } from '@/lib/data/reports';
import { Link } from '@/lib/i18n/navigation';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string; reportId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('reviewTitle') };
}

/** One partner's report for the admin: read-only, with the decision while it awaits review. */
export default async function AdminReportPage({ params }: Props) {
  const { id, reportId } = await params;
  const user = await requirePermission('reporting:manage', `/admin/calls/${id}/reporting/${reportId}`);
  const detail = await getReportForReview(user, id, reportId);
  if (!detail) notFound();
  const t = await getTranslations('reports');
  const locale = await getLocale();
  const { report, period, call, organisation, application } = detail;

  return (
    <div className="space-y-6">
      <Link href={`/admin/calls/${call.id}/reporting`} className="text-sm text-brand-700 hover:underline">
        <BackArrow /> {t('backToReporting')}
      </Link>
      <PageHeader
        title={t('reportTitle', { period: period.label, organisation: organisation.legalName })}
        intro={t('reportIntroAdmin', { project: application.title, reference: application.reference ?? '—' })}
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <ReportStateBadge state={detail.state} />
        <span>{t.rich('dueOn', { date: () => <Instant date={period.dueAt} timeZone={call.timeZone} /> })}</span>
        {report?.submittedAt && <span>{t.rich('submittedOn', { date: () => <Instant date={report.submittedAt!} timeZone={call.timeZone} showViewerTime={false} /> })}</span>}
      </div>
      {report?.reviewComment && (
        <Alert tone={report.status === 'changes_requested' ? 'warning' : 'info'}>
          <p className="font-medium">{t('reviewCommentShown')}</p>
          <p className="whitespace-pre-line" data-testid="review-comment">
            {report.reviewComment}
          </p>
        </Alert>
      )}
      <ReportView draft={detail.draft} locale={locale} files={detail.files} awardId={detail.award.id} periodId={detail.period.id} />
      {report?.status === 'submitted' && (
        <Card className="space-y-3">
          <h2>{t('reviewTitle')}</h2>
          <ClientMessages namespaces={['reports', 'validation']}>
            <ReviewReportForm reportId={report.id} />
          </ClientMessages>
        </Card>
      )}
    </div>
  );
}
