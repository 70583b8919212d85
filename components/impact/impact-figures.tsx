import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { AgeGroup, CallImpact } from '@/lib/data/impact';
import { ageGroups, sexes } from '@/lib/data/impact';
import { directionOf } from '@/lib/i18n/config';
import { countryName } from '@/lib/reference/countries';
import { BarChart, ChartFigure, CumulativeChart, StackedBarChart, type Bar } from './charts';

const ageKey: Record<AgeGroup, 'age0_17' | 'age18_24' | 'age25_59' | 'age60'> = { '0-17': 'age0_17', '18-24': 'age18_24', '25-59': 'age25_59', '60+': 'age60' };

/** The headline: people reached, how many reports and partners, and how people are counted. */
export async function ImpactHeadline({ impact }: { impact: CallImpact }) {
  const t = await getTranslations('impact');
  const format = await getFormatter();
  return (
    <div className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-5" data-testid="impact-headline">
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span className="text-4xl font-bold tabular-nums text-brand-800" data-testid="people-reached">
          {format.number(impact.peopleReached)}
        </span>
        <span className="text-lg text-slate-800">{t('peopleReachedLabel', { count: impact.peopleReached })}</span>
      </p>
      <p className="text-slate-700">{t('fromReports', { reports: impact.reports, partners: impact.byPartner.length })}</p>
      <p className="text-sm text-slate-700" data-testid="impact-counting">
        {t('counting')}
      </p>
    </div>
  );
}

/**
 * The breakdowns: over time, by country, partner, population group, sex and age, each a
 * chart with its figures as a table (in a disclosure on the page; always shown in print,
 * where the report wants them: `tables="shown"`).
 */
export async function ImpactFigures({ impact, tables = 'disclosed' }: { impact: CallImpact; tables?: 'disclosed' | 'shown' }) {
  const t = await getTranslations('impact');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const locale = await getLocale();
  const rtl = directionOf(locale) === 'rtl';
  const n = (value: number) => format.number(value);
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const describe = (title: string, items: { label: string; value: number }[]) =>
    t('chartDescription', { title, items: items.map((i) => `${i.label} ${n(i.value)}`).join(rtl ? '؛ ' : '; ') });

  const figure = (id: string, title: string, chart: ReactNode, table: ReactNode) =>
    tables === 'shown' ? (
      <section key={id} aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" data-chart>
        <h3 id={id} className="text-lg">
          {title}
        </h3>
        <figure className="m-0">{chart}</figure>
        {table}
      </section>
    ) : (
      <ChartFigure key={id} id={id} title={title} chart={chart} table={table} tableLabel={t('showTable')} />
    );

  const simpleTable = (caption: string, head: string, rows: { key: string; label: ReactNode; value: number }[]) => (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{head}</Th>
          <Th className="text-end">{t('people')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <Td>{r.label}</Td>
            <Td className="text-end tabular-nums">{n(r.value)}</Td>
          </tr>
        ))}
        <tr>
          <Td className="font-medium">{t('total')}</Td>
          <Td className="text-end font-medium tabular-nums">{n(impact.peopleReached)}</Td>
        </tr>
      </tbody>
    </Table>
  );
  const bars = (rows: { key: string; label: string; value: number; note?: ReactNode }[]): Bar[] =>
    rows.map((r) => ({ key: r.key, label: r.label, value: r.value, valueText: n(r.value), note: r.note }));

  const countries = impact.byCountry.map((c) => ({ key: c.country, label: countryName(c.country, locale), value: c.people }));
  const partners = impact.byPartner.map((p) => ({
    key: p.applicationId,
    label: p.organisation.acronym ? `${p.organisation.name} (${p.organisation.acronym})` : p.organisation.name,
    value: p.people,
    note: p.illustrative ? (
      <Badge tone="warning" title={p.illustrative} className="ms-2">
        {tc('illustrative')}
      </Badge>
    ) : undefined,
  }));
  const groups = impact.byPopulationGroup.map((g) => ({ key: g.populationGroup, label: t(`groups.${g.populationGroup}`), value: g.people }));
  const series = sexes.map((s) => ({ key: s, label: t(`sexes.${s}`) }));
  const ageRows = ageGroups.map((a) => {
    const values = Object.fromEntries(sexes.map((s) => [s, impact.bySexAndAge.find((r) => r.sex === s && r.ageGroup === a)?.people ?? 0]));
    const total = impact.byAgeGroup.find((r) => r.ageGroup === a)?.people ?? 0;
    return { key: a, label: t(`ages.${ageKey[a]}`), values, total, totalText: n(total) };
  });
  const periods = impact.overTime;

  return (
    <div className="space-y-6">
      {periods.length > 0 &&
        figure(
          'impact-over-time',
          t('overTime'),
          <CumulativeChart
            start={periods[0].periodStart}
            points={periods.map((p) => ({ key: p.id, date: p.periodEnd, value: p.cumulative, label: p.label, valueText: n(p.cumulative) }))}
            description={describe(
              t('overTime'),
              periods.map((p) => ({ label: p.label, value: p.cumulative })),
            )}
            ticks={(v) => format.number(v, { notation: 'compact' })}
          />,
          <Table caption={t('overTime')}>
            <thead>
              <tr>
                <Th>{t('period')}</Th>
                <Th className="text-end">{t('reports')}</Th>
                <Th className="text-end">{t('people')}</Th>
                <Th className="text-end">{t('cumulative')}</Th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id}>
                  <Td>
                    <div className="font-medium">{p.label}</div>
                    <div className="text-slate-600">{t('periodDates', { start: date(p.periodStart), end: date(p.periodEnd) })}</div>
                  </Td>
                  <Td className="text-end tabular-nums">{n(p.reports)}</Td>
                  <Td className="text-end tabular-nums">{n(p.people)}</Td>
                  <Td className="text-end tabular-nums">{n(p.cumulative)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>,
        )}
      <div className="grid gap-6 lg:grid-cols-2">
        {figure('impact-by-country', t('byCountry'), <BarChart bars={bars(countries)} description={describe(t('byCountry'), countries)} />, simpleTable(t('byCountry'), t('country'), countries))}
        {figure(
          'impact-by-group',
          t('byPopulationGroup'),
          <BarChart bars={bars(groups)} description={describe(t('byPopulationGroup'), groups)} />,
          simpleTable(t('byPopulationGroup'), t('populationGroup'), groups),
        )}
      </div>
      {figure('impact-by-partner', t('byPartner'), <BarChart bars={bars(partners)} description={describe(t('byPartner'), partners)} />, simpleTable(t('byPartner'), t('partner'), partners))}
      {figure(
        'impact-by-sex-age',
        t('bySexAndAge'),
        <StackedBarChart
          rows={ageRows}
          series={series}
          description={describe(
            t('bySexAndAge'),
            ageRows.flatMap((r) => series.map((s) => ({ label: `${r.label}, ${s.label}`, value: r.values[s.key] }))),
          )}
        />,
        <Table caption={t('bySexAndAge')}>
          <thead>
            <tr>
              <Th>{t('ageGroup')}</Th>
              {series.map((s) => (
                <Th key={s.key} className="text-end">
                  {s.label}
                </Th>
              ))}
              <Th className="text-end">{t('total')}</Th>
            </tr>
          </thead>
          <tbody>
            {ageRows.map((r) => (
              <tr key={r.key}>
                <Td>{r.label}</Td>
                {series.map((s) => (
                  <Td key={s.key} className="text-end tabular-nums">
                    {n(r.values[s.key])}
                  </Td>
                ))}
                <Td className="text-end tabular-nums">{r.totalText}</Td>
              </tr>
            ))}
            <tr>
              <Td className="font-medium">{t('total')}</Td>
              {impact.bySex.map((s) => (
                <Td key={s.sex} className="text-end font-medium tabular-nums">
                  {n(s.people)}
                </Td>
              ))}
              <Td className="text-end font-medium tabular-nums">{n(impact.peopleReached)}</Td>
            </tr>
          </tbody>
        </Table>,
      )}
    </div>
  );
}
