import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { CallReviewNav } from '@/components/review/call-review-nav';
import { ThresholdsForm } from '@/components/review/thresholds-form';
import { Badge } from '@/components/ui/badge';
import { DiligenceBadges } from '@/components/admin/diligence-badges';
import { diligenceHoldsByApplication } from '@/lib/data/diligence';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { getRanking, rankingSorts, type RankingSort } from '@/lib/data/ranking';
import { getCallForAdmin } from '@/lib/data/screening';
import { countryName } from '@/lib/reference/countries';
import { FilterForm, FilterSelect } from '@/components/layout/filter-form';
import { numberFormatter } from '@/lib/i18n/formats';
import { themeLabel } from '@/lib/i18n/themes';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Search = { sort?: string; dir?: string; country?: string; theme?: string; flag?: string; page?: string };
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Search> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ranking');
  return { title: t('title') };
}

export default async function RankingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission('ranking:read', `/admin/calls/${id}/ranking`);
  const call = await getCallForAdmin(user, id, 'ranking:read');
  if (!call) notFound();
  const search = await searchParams;
  const t = await getTranslations('ranking');
  const tt = await getTranslations('themes');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const sort = (rankingSorts as readonly string[]).includes(search.sort ?? '') ? (search.sort as RankingSort) : 'mean';
  const direction = search.dir === 'asc' ? 'asc' : 'desc';
  const flag = search.flag === 'flagged' || search.flag === 'unflagged' ? search.flag : undefined;
  const ranking = await getRanking(user, call, { sort, direction, country: search.country || undefined, theme: search.theme || undefined, flag, page: Number(search.page) || 1 });
  const { countries, themes } = ranking;
  const holds = await diligenceHoldsByApplication(user, ranking.rows.map((r) => r.applicationId));
  const base = `/admin/calls/${call.id}/ranking`;
  const keep = { country: search.country, theme: search.theme, flag };
  // Looked up once for the whole table: next-intl's format.number() looks its formatter up
  // by its options on every call, a third of this page's rendering time at 50 rows.
  const oneDecimal = numberFormatter(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const upToTwoDecimals = numberFormatter(locale, { maximumFractionDigits: 2 });
  const one = (n: number | null) => (n === null ? t('noScore') : oneDecimal.format(n));
  const sortLink = (column: RankingSort, label: string) => {
    const active = sort === column;
    const next = active && direction === 'desc' ? 'asc' : 'desc';
    const q = new URLSearchParams(Object.entries({ ...keep, sort: column, dir: next }).filter((e): e is [string, string] => !!e[1]));
    return (
      <Link href={`${base}?${q}`} className="hover:underline" aria-label={t('sortBy', { column: label })}>
        {label}
        {active && <span aria-label={direction === 'desc' ? t('sortedDesc') : t('sortedAsc')}>{direction === 'desc' ? ' ↓' : ' ↑'}</span>}
      </Link>
    );
  };

  return (
    <ClientMessages namespaces={['ranking', 'validation']}>
      <div className="space-y-6">
        <CallReviewNav callId={call.id} current="ranking" />
        <PageHeader
          title={`${tc('label', { label: t('title') })} ${call.title}`}
          intro={t('intro')}
          actions={
            <a href={`/admin/calls/${call.id}/export.csv`} className={buttonClass('secondary')} download>
              {t('export')}
            </a>
          }
        />
        <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <summary className="cursor-pointer font-medium">{t('helpTitle')}</summary>
          <div className="mt-3 space-y-2 text-slate-700">
            <p>{t('helpTotal')}</p>
            <p data-testid="calibration-help">{t('helpCalibrated')}</p>
            <p>{t('helpFlag', { range: call.disagreementRange, stddev: call.disagreementStddev })}</p>
            <p>{t('order', { tieBreaks: t('tieBreaks') })}</p>
          </div>
        </details>
        <div className="grid gap-4 md:grid-cols-2">
          <Card className="space-y-3">
            <h2 className="text-base font-semibold">{t('filters')}</h2>
            <FilterForm submit={t('apply')} hidden={{ sort, dir: direction }}>
              <FilterSelect id="country" name="country" label={t('country')} value={search.country} allLabel={tc('all')} options={countries.map((code) => ({ value: code, label: countryName(code, locale) }))} />
              <FilterSelect
                id="theme"
                name="theme"
                label={t('theme')}
                value={search.theme}
                allLabel={tc('all')}
                options={themes.map((theme) => ({ value: theme, label: themeLabel(tt, theme) }))}
              />
              <FilterSelect
                id="flag"
                name="flag"
                label={t('flagFilter')}
                value={flag}
                allLabel={tc('all')}
                options={[
                  { value: 'flagged', label: t('flagOnly') },
                  { value: 'unflagged', label: t('flagNone') },
                ]}
              />
            </FilterForm>
          </Card>
          <Card className="space-y-3">
            <h2 className="text-base font-semibold">{t('thresholds')}</h2>
            <ThresholdsForm callId={call.id} range={call.disagreementRange} stddev={call.disagreementStddev} />
          </Card>
        </div>
        <p className="text-sm text-slate-600" data-testid="ranking-order">
          {t('order', { tieBreaks: t('tieBreaks') })}
        </p>
        {ranking.rows.length ? (
          <Table caption={t('title')}>
            <thead>
              <tr>
                <Th className="text-end">{t('position')}</Th>
                <Th className="min-w-60">{sortLink('reference', t('application'))}</Th>
                <Th className="text-end">{sortLink('reviews', t('reviews'))}</Th>
                <Th className="text-end">{sortLink('mean', t('mean'))}</Th>
                <Th className="text-end">{sortLink('calibrated', t('calibrated'))}</Th>
                <Th className="text-end">{sortLink('median', t('median'))}</Th>
                <Th className="text-end">{sortLink('range', t('range'))}</Th>
                <Th className="text-end">{sortLink('stddev', t('stddev'))}</Th>
                {ranking.criteria.map((c) => (
                  <Th key={c.id} className="text-end text-xs">
                    {t('criterionMean', { criterion: c.name, max: c.scaleMax })}
                  </Th>
                ))}
                <Th>{t('flag')}</Th>
              </tr>
            </thead>
            <tbody>
              {ranking.rows.map((r) => (
                <tr key={r.applicationId} data-testid={`ranking-${r.reference}`}>
                  <Td className="text-end tabular-nums">{r.position}</Td>
                  <Td>
                    <Link href={`${base}/${r.applicationId}`} className="font-medium text-brand-700 hover:underline">
                      {r.reference}
                    </Link>
                    <div className="text-xs text-slate-700">{r.title}</div>
                    <div className="text-xs text-slate-600">
                      {r.organisation} · {r.countries.map((c) => countryName(c, locale)).join(', ')}
                    </div>
                    <span className="flex flex-wrap gap-1">
                      <DiligenceBadges hold={holds.get(r.applicationId)} organisationId={holds.get(r.applicationId)?.organisationId ?? ''} />
                    </span>
                  </Td>
                  <Td className="text-end tabular-nums">{t('reviewsOf', { count: r.reviewCount, assigned: r.assigned })}</Td>
                  <Td className="text-end font-medium tabular-nums" data-testid="mean">
                    {one(r.mean)}
                  </Td>
                  <Td className="text-end tabular-nums" data-testid="calibrated">
                    {one(r.calibrated)}
                  </Td>
                  <Td className="text-end tabular-nums">{one(r.median)}</Td>
                  <Td className="text-end tabular-nums">{r.min !== null && r.max !== null ? t('rangeValue', { min: one(r.min), max: one(r.max) }) : t('noScore')}</Td>
                  <Td className="text-end tabular-nums">{one(r.stddev)}</Td>
                  {ranking.criteria.map((c) => (
                    <Td key={c.id} className="text-end tabular-nums">
                      {r.criterionMeans[c.id] !== undefined ? upToTwoDecimals.format(r.criterionMeans[c.id]) : t('noScore')}
                    </Td>
                  ))}
                  <Td>{r.flagged && <Badge tone="danger">{t('flagged')}</Badge>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>{t('empty')}</EmptyState>
        )}
        <Pagination page={ranking.page} pageSize={ranking.pageSize} total={ranking.total} basePath={base} params={{ ...keep, sort, dir: direction }} />
      </div>
    </ClientMessages>
  );
}
