import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { PeriodsEditor } from '@/components/reports/periods-editor';
import { ReportStateBadge } from '@/components/reports/report-view';
import { Instant } from '@/components/time/instant';
import { BackArrow } from '@/components/ui/arrow';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { getReportingOverview } from '@/lib/data/reports';
import { Link } from '@/lib/i18n/navigation';
import { toZonedInput } from '@/lib/time/zoned';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('reportingTitle') };
}

/** A call's reporting schedule, and where every accepted award stands for each period. */
export default async function ReportingPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission('reporting:manage', `/admin/calls/${id}/reporting`);
  const overview = await getReportingOverview(user, id);
  if (!overview) notFound();
  const { call, periods, rows } = overview;
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const used = new Set(rows.flatMap((r) => r.reports.filter((x) => x.reportId).map((x) => x.periodId)));

  return (
    <div className="space-y-8">
      <Link href={`/admin/calls/${call.id}`} className="text-sm text-brand-700 hover:underline">
        <BackArrow /> {t('backToCall')}
      </Link>
      <PageHeader title={t('reportingTitleOf', { call: call.title })} intro={t('reportingIntro')} />

      <section aria-labelledby="periods" className="space-y-3">
        <h2 id="periods">{t('periodsTitle')}</h2>
        <ClientMessages namespaces={['reports', 'validation']}>
        <PeriodsEditor
          callId={call.id}
          timeZone={call.timeZone}
          periods={periods.map((p) => ({
            id: p.id,
            label: p.label,
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            range: t('periodRange', { start: day(p.periodStart), end: day(p.periodEnd) }),
            dueLocal: toZonedInput(p.dueAt, call.timeZone),
            final: p.final,
            due: t.rich('dueOn', { date: () => <Instant date={p.dueAt} timeZone={call.timeZone} /> }),
            used: used.has(p.id),
          }))}
        />
        </ClientMessages>
      </section>

      <section aria-labelledby="awards" className="space-y-3">
        <h2 id="awards">{t('awardsTitle')}</h2>
        {rows.length && periods.length ? (
          <Table caption={t('awardsTitle')} stacked>
            <thead>
              <tr>
                <Th>{t('partner')}</Th>
                {periods.map((p) => (
                  <Th key={p.id}>{p.label}</Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.awardId} data-testid={`award-${r.awardId}`}>
                  <Td label={t('partner')}>
                    <div className="font-medium">{r.organisation}</div>
                    <div className="text-slate-600">{r.title}</div>
                    {r.reference && <div className="font-mono text-xs">{r.reference}</div>}
                  </Td>
                  {r.reports.map((x, i) => (
                    <Td key={x.periodId} label={periods[i].label}>
                      <div className="space-y-1">
                        <ReportStateBadge state={x.state} />
                        {x.reportId && x.state !== 'not_started' && (
                          <div>
                            <Link href={`/admin/calls/${call.id}/reporting/${x.reportId}`} className="text-sm text-brand-700 hover:underline" aria-label={t('openReportOf', { organisation: r.organisation, period: periods[i].label })}>
                              {t('openReport')}
                            </Link>
                          </div>
                        )}
                      </div>
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>{rows.length ? t('noPeriods') : t('noAwards')}</EmptyState>
        )}
      </section>
    </div>
  );
}
