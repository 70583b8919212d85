import { getLocale, getTranslations } from 'next-intl/server';
import { Instant } from '@/components/time/instant';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { SessionUser } from '@/lib/auth/session-user';
import { callTitleIn } from '@/lib/calls/languages';
import { listMyReports } from '@/lib/data/reports';
import { Link } from '@/lib/i18n/navigation';
import { ReportStateBadge } from './report-view';

/** The dashboard's card of reports: what the user's organisations owe on their accepted awards (nothing when none). */
export async function MyReports({ user }: { user: SessionUser }) {
  const rows = await listMyReports(user);
  if (!rows.length) return null;
  const t = await getTranslations('reports');
  const locale = await getLocale();
  return (
    <section aria-labelledby="my-reports" className="space-y-3">
      <h2 id="my-reports">{t('dashboardTitle')}</h2>
      <ul className="grid gap-3">
        {rows.map((r) => (
          <li key={`${r.applicationId}-${r.periodId}`}>
            <Card className="flex flex-wrap items-start justify-between gap-3" data-testid="report-due">
              <div className="space-y-1">
                <div className="font-medium">
                  {r.label} · {r.projectTitle}
                </div>
                <div className="text-sm text-slate-600">
                  {callTitleIn(r.call, locale)} · {r.organisation}
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <ReportStateBadge state={r.state} />
                  <span>{t.rich('dueOn', { date: () => <Instant date={r.dueAt} timeZone={r.call.timeZone} /> })}</span>
                </div>
              </div>
              <Link
                href={`/applications/${r.applicationId}/reports/${r.periodId}`}
                className={buttonClass(r.state === 'accepted' || r.state === 'submitted' ? 'secondary' : 'primary', 'sm')}
                aria-label={t('openReportOf', { organisation: r.organisation, period: r.label })}
              >
                {r.state === 'accepted' || r.state === 'submitted' ? t('viewReport') : t('writeReport')}
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
