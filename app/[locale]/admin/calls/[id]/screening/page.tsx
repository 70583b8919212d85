import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { CallReviewNav } from '@/components/review/call-review-nav';
import { ScreeningControl } from '@/components/review/screening-control';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { DiligenceBadges } from '@/components/admin/diligence-badges';
import { diligenceHoldsByApplication } from '@/lib/data/diligence';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import { requirePermission } from '@/lib/auth/session';
import { getCallForAdmin, listScreening, screeningOpen } from '@/lib/data/screening';
import { countryName } from '@/lib/reference/countries';
import { FilterForm, FilterSelect } from '@/components/layout/filter-form';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; eligibility?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('screening');
  return { title: t('title') };
}

export default async function ScreeningPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission('application:screen', `/admin/calls/${id}/screening`);
  const call = await getCallForAdmin(user, id, 'application:screen');
  if (!call) notFound();
  const { page, eligibility } = await searchParams;
  const t = await getTranslations('screening');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const result = await listScreening(user, call, { page: Number(page) || 1, eligibility });
  const holds = await diligenceHoldsByApplication(user, result.rows.map((r) => r.id));
  const open = screeningOpen(call);
  const tone = { pending: 'warning', eligible: 'success', ineligible: 'danger' } as const;

  return (
    <ClientMessages namespaces={['screening', 'validation']}>
      <div className="space-y-6">
        <CallReviewNav callId={call.id} current="screening" />
        <PageHeader title={`${tc('label', { label: t('title') })} ${call.title}`} intro={t('intro')} />
        {!open &&
          (call.closesAt && call.closesAt > new Date() ? (
            <Alert tone="warning">{t.rich('notYet', { date: () => <Instant date={call.closesAt!} timeZone={call.timeZone} /> })}</Alert>
          ) : (
            <Alert tone="warning">{t('closed')}</Alert>
          ))}
        <p className="text-sm text-slate-700" data-testid="screening-counts">
          {t('counts', result.counts)}
        </p>
        <FilterForm submit={tc('filter')}>
          <FilterSelect
            id="eligibility-filter"
            name="eligibility"
            label={t('filter')}
            value={eligibility}
            allLabel={t('filterAll')}
            options={(['pending', 'eligible', 'ineligible'] as const).map((v) => ({ value: v, label: t(`eligibility.${v}`) }))}
          />
        </FilterForm>
        {result.rows.length ? (
          <Table caption={t('title')}>
            <thead>
              <tr>
                <Th>{t('application')}</Th>
                <Th>{t('organisation')}</Th>
                <Th>{t('decision')}</Th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} data-testid={`screening-${r.reference}`}>
                  <Td>
                    <div className="font-medium">{r.reference}</div>
                    <div className="text-slate-700">{r.title}</div>
                    <div className="text-xs text-slate-600">{r.countries.map((c) => countryName(c, locale)).join(', ')}</div>
                    <Link href={`/admin/calls/${call.id}/ranking/${r.id}`} className="text-xs text-brand-700 hover:underline">
                      {t('open')}
                    </Link>
                  </Td>
                  <Td>
                    <div>{r.organisation}</div>
                    <span className="flex flex-wrap gap-1">
                      <DiligenceBadges hold={holds.get(r.id)} organisationId={holds.get(r.id)?.organisationId ?? ''} />
                    </span>
                  </Td>
                  <Td className="min-w-72 space-y-2">
                    <Badge tone={tone[r.eligibility]} data-testid="eligibility-badge">
                      {t(`eligibility.${r.eligibility}`)}
                    </Badge>
                    {r.eligibility === 'ineligible' && r.reason && <p className="text-sm text-slate-700">{r.reason}</p>}
                    {r.screenedAt && (
                      <p className="text-xs text-slate-600">
                        {t.rich('screenedBy', {
                          who: r.screenedBy ?? '—',
                          date: () => <Instant date={r.screenedAt!} timeZone={call.timeZone} showViewerTime={false} />,
                        })}
                      </p>
                    )}
                    {open && <ScreeningControl applicationId={r.id} reference={r.reference ?? ''} eligibility={r.eligibility} reason={r.reason} />}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>{t('empty')}</EmptyState>
        )}
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={`/admin/calls/${call.id}/screening`} params={{ eligibility }} />
      </div>
    </ClientMessages>
  );
}
