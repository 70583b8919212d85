import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Countdown } from '@/components/time/countdown';
import { StatusBadge } from '@/components/applicant/status-badge';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { MyReports } from '@/components/reports/my-reports';
import { Instant } from '@/components/time/instant';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { acceptsApplications } from '@/lib/calls/phase';
import { listMyApplications } from '@/lib/data/applications';
import { listMyAwards } from '@/lib/data/awards';
import { money } from '@/components/calls/format';
import { getFormatter } from 'next-intl/server';
import { listMyOrganisationStates } from '@/lib/data/organisations';
import { callTitleIn } from '@/lib/calls/languages';
import type { Locale } from '@/lib/i18n/config';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ page?: string }> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePermission('application:edit', '/dashboard');
  const { page } = await searchParams;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('dashboard');
  const to = await getTranslations('organisation');
  const ta = await getTranslations('application');
  const [orgs, apps, myAwards] = await Promise.all([listMyOrganisationStates(user), listMyApplications(user, { page: Number(page) || 1 }), listMyAwards(user)]);
  const now = new Date();
  const tw = await getTranslations('awards');
  const format = await getFormatter();

  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} intro={t('intro')} />

      {myAwards.length > 0 && (
        <section aria-labelledby="my-awards" className="space-y-3">
          <h2 id="my-awards">{tw('cardTitle')}</h2>
          {myAwards.map((a) => (
            <Card key={a.id} className="flex flex-wrap items-center justify-between gap-3" data-testid="award-card">
              <p>
                {a.status === 'offered'
                  ? tw.rich('cardOffered', {
                      reference: a.reference ?? a.title,
                      amount: money(format, a.amount, a.currency),
                      date: () => <Instant date={a.respondBy} timeZone={a.timeZone} showViewerTime={false} />,
                    })
                  : tw('cardAnswered', { reference: a.reference ?? a.title, amount: money(format, a.amount, a.currency), status: tw(`statusLabel.${a.status}`) })}
              </p>
              <Link href={`/applications/${a.applicationId}/award`} className={buttonClass(a.status === 'offered' ? 'primary' : 'secondary', 'sm')}>
                {tw('open')}
              </Link>
            </Card>
          ))}
        </section>
      )}

      <section aria-labelledby="my-organisation" className="space-y-3">
        <h2 id="my-organisation">{t('organisationTitle')}</h2>
        {orgs.length === 0 ? (
          <Card className="space-y-3" data-testid="organisation-state">
            <p>{t('noOrganisation')}</p>
            <Link href="/organisation" className={buttonClass('primary')}>
              {t('createOrganisation')}
            </Link>
          </Card>
        ) : (
          <ul className="grid gap-3">
            {orgs.map((o) => (
              <li key={o.id}>
                <Card className="flex flex-wrap items-start justify-between gap-3" data-testid="organisation-state">
                  <div className="space-y-1">
                    <div className="font-medium">{o.legalName}</div>
                    <div className="text-sm text-slate-600">{to(`roles.${o.role}`)}</div>
                    {o.missing.length > 0 ? (
                      <p className="text-sm text-amber-800">{t('profileIncomplete', { fields: o.missing.map((f) => to(f)).join(', ') })}</p>
                    ) : (
                      <p className="text-sm text-green-800">{t('profileComplete')}</p>
                    )}
                    {!o.signed && <p className="text-sm text-amber-800">{t('declarationUnsigned')}</p>}
                  </div>
                  <Link href={`/organisation?org=${o.id}`} className={buttonClass('secondary', 'sm')}>
                    {t('openProfile')}
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <MyReports user={user} />

      <section aria-labelledby="my-applications" className="space-y-3">
        <h2 id="my-applications">{t('applicationsTitle')}</h2>
        {apps.rows.length ? (
          <>
            <Table caption={t('applicationsTitle')} stacked>
              <thead>
                <tr>
                  <Th>{t('application')}</Th>
                  <Th>{t('status')}</Th>
                  <Th>{t('deadline')}</Th>
                  <Th>{t('missing')}</Th>
                  <Th>
                    <span className="sr-only">{t('actions')}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {apps.rows.map((a) => {
                  const open = acceptsApplications(a.call, now);
                  return (
                    <tr key={a.id} data-testid={`application-${a.id}`}>
                      <Td label={t('application')}>
                        <Link href={`/applications/${a.id}`} className="font-medium text-brand-700 hover:underline">
                          {a.title || ta('untitled')}
                        </Link>
                        <div className="text-slate-600">{callTitleIn(a.call, locale)}</div>
                        <div className="text-slate-500">{a.organisation}</div>
                      </Td>
                      <Td label={t('status')}>
                        <StatusBadge status={a.status} reopened={a.status === 'draft' && !!a.reference} outcome={a.outcome} />
                        {a.reference && <div className="mt-1 font-mono text-xs">{a.reference}</div>}
                      </Td>
                      <Td label={t('deadline')}>
                        {a.call.closesAt && (
                          <div className="space-y-1">
                            <Instant date={a.call.closesAt} timeZone={a.call.timeZone} />
                            <div>
                              <Countdown until={a.call.closesAt.toISOString()} />
                            </div>
                          </div>
                        )}
                      </Td>
                      <Td label={t('missing')}>
                        {a.status !== 'draft' ? (
                          <span className="text-slate-500">—</span>
                        ) : a.incompleteSteps.length ? (
                          <span className="text-amber-800">{a.incompleteSteps.map((s) => ta(`steps.${s}`)).join(', ')}</span>
                        ) : (
                          <span className="text-green-800">{t('readyToSubmit')}</span>
                        )}
                      </Td>
                      <Td>
                        {a.status === 'draft' && open ? (
                          <Link href={`/applications/${a.id}/edit`} className={buttonClass('primary', 'sm')}>
                            {t('continue')}
                          </Link>
                        ) : (
                          <Link href={`/applications/${a.id}`} className={buttonClass('secondary', 'sm')}>
                            {t('view')}
                          </Link>
                        )}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <Pagination page={apps.page} pageSize={apps.pageSize} total={apps.total} basePath="/dashboard" params={{}} />
          </>
        ) : (
          <EmptyState
            action={
              <Link href="/" className={buttonClass('primary')}>
                {t('browseCalls')}
              </Link>
            }
          >
            {t('empty')}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
