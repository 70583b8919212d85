import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { money } from '@/components/calls/format';
import { IllustrativeNote } from '@/components/impact/illustrative-note';
import { ImpactFigures, ImpactHeadline } from '@/components/impact/impact-figures';
import { PrintButton } from '@/components/impact/print-button';
import { Instant } from '@/components/time/instant';
import { BackArrow } from '@/components/ui/arrow';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { placeholderParam } from '@/lib/cache/static-params';
import { cachedProgrammeReport } from '@/lib/data/public';
import { publishedTitleIn } from '@/lib/data/results';
import { joinList } from '@/lib/i18n/formats';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale, pageSlug } from '@/lib/i18n/page';
import { themeLabel } from '@/lib/i18n/themes';
import { countryName } from '@/lib/reference/countries';

type Props = { params: Promise<{ locale: string; slug: string }> };

/** See lib/cache/static-params.ts: rendered on the first visit, then cached until what it shows changes. */
export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

async function load(params: Props['params']) {
  return cachedProgrammeReport(await pageSlug(params));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await load(params);
  const locale = await pageLocale(params);
  const t = await getTranslations('programmeReport');
  return { title: report ? t('titleFor', { call: publishedTitleIn(report.results.call, locale) }) : t('title') };
}

/**
 * The programme report of a call whose results are published: one document to read on
 * screen or print as A4 (app/globals.css, `.programme-report`): the browser's print makes the PDF.
 */
export default async function ProgrammeReportPage({ params }: Props) {
  const report = await load(params);
  if (!report) notFound();
  const locale = await pageLocale(params);
  const t = await getTranslations('programmeReport');
  const ti = await getTranslations('impact');
  const tt = await getTranslations('themes');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const { results, call, applied, selection, awards, awarded, impact } = report;
  const { slug, currency } = results.call;
  const title = publishedTitleIn(results.call, locale);
  const illustrative = impact.illustrative || awards.some((a) => a.illustrative) || !!call.illustrative;
  const countries = (codes: string[]) => joinList(codes.map((c) => countryName(c, locale)), locale);
  const percent = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 1 });

  const countTable = (caption: string, rows: { country: string; count: number }[]) => (
    <Table caption={caption} showCaption>
      <thead>
        <tr>
          <Th>{t('country')}</Th>
          <Th className="text-end">{t('organisations')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.country}>
            <Td>{countryName(r.country, locale)}</Td>
            <Td className="text-end tabular-nums">{format.number(r.count)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );

  return (
    <article className="programme-report space-y-8" data-testid="programme-report">
      <div className="flex flex-wrap items-center justify-between gap-3" data-print="hide">
        <Link href={`/calls/${slug}`} className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {t('backToCall')}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-600">{t('downloadHint')}</p>
          <PrintButton label={t('download')} hint={t('downloadHint')} />
        </div>
      </div>

      <div className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{t('title')}</p>
        <h1>{title}</h1>
        <p className="max-w-3xl text-slate-700">{t('intro')}</p>
        {illustrative && <IllustrativeNote note={call.illustrative} />}
      </div>

      <section aria-labelledby="report-call" className="report-section space-y-3">
        <h2 id="report-call">{t('theCall')}</h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          {call.issuer && (
            <>
              <dt className="font-medium text-slate-600">{t('issuer')}</dt>
              <dd>{call.issuer}</dd>
            </>
          )}
          {call.funder && (
            <>
              <dt className="font-medium text-slate-600">{t('funder')}</dt>
              <dd>{call.funder}</dd>
            </>
          )}
          <dt className="font-medium text-slate-600">{t('countries')}</dt>
          <dd>{countries(results.call.countries) || tc('notSet')}</dd>
          {results.call.themes.length > 0 && (
            <>
              <dt className="font-medium text-slate-600">{t('themes')}</dt>
              <dd>{joinList(results.call.themes.map((code) => themeLabel(tt, code)), locale)}</dd>
            </>
          )}
          {call.opensAt && call.closesAt && (
            <>
              <dt className="font-medium text-slate-600">{t('openFrom')}</dt>
              <dd>
                {ti('periodDates', {
                  start: format.dateTime(new Date(call.opensAt), { dateStyle: 'long', timeZone: results.call.timeZone }),
                  end: format.dateTime(new Date(call.closesAt), { dateStyle: 'long', timeZone: results.call.timeZone }),
                })}
              </dd>
            </>
          )}
          <dt className="font-medium text-slate-600">{t('published')}</dt>
          <dd>
            <Instant date={new Date(results.publishedAt)} timeZone={results.call.timeZone} dateOnly />
          </dd>
          {call.envelope !== null && (
            <>
              <dt className="font-medium text-slate-600">{t('envelope')}</dt>
              <dd>{money(format, call.envelope, currency)}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="report-applied" className="report-section space-y-3">
        <h2 id="report-applied">{t('applied')}</h2>
        <p data-testid="report-applied">{t('appliedSummary', { total: applied.total, eligible: applied.eligible })}</p>
        <div className="grid gap-6 md:grid-cols-2">
          {countTable(t('registration'), applied.byRegistration)}
          {countTable(t('operation'), applied.byOperation)}
        </div>
      </section>

      <section aria-labelledby="report-selection" className="report-section space-y-3">
        <h2 id="report-selection">{t('selection')}</h2>
        <p>
          {t('selectionSummary', {
            criteria: selection.criteria.length,
            reviews: selection.reviews,
            reviewers: selection.reviewers,
            selected: selection.selected,
          })}
        </p>
        <Table caption={t('selection')}>
          <thead>
            <tr>
              <Th>{t('criterion')}</Th>
              <Th className="text-end">{t('weight')}</Th>
              <Th>{t('scale')}</Th>
            </tr>
          </thead>
          <tbody>
            {selection.criteria.map((c) => (
              <tr key={c.id}>
                <Td>{c.names?.[locale] ?? c.name}</Td>
                <Td className="text-end tabular-nums">{format.number(c.weight)}</Td>
                <Td>{t('scaleRange', { min: c.scaleMin, max: c.scaleMax })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="report-partners" className="report-section space-y-3">
        <h2 id="report-partners">{t('partners')}</h2>
        <p data-testid="report-awarded">
          {call.envelope
            ? t('awardedSummary', { total: money(format, awarded, currency), count: awards.length, envelope: money(format, call.envelope, currency), share: percent(awarded / call.envelope) })
            : t('awardedNoEnvelope', { total: money(format, awarded, currency), count: awards.length })}
        </p>
        <Table caption={t('partners')}>
          <thead>
            <tr>
              <Th>{t('organisation')}</Th>
              <Th>{t('project')}</Th>
              <Th className="text-end">{t('amount')}</Th>
              {call.envelope ? <Th className="text-end">{t('shareOfEnvelope')}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {awards.map((a) => (
              <tr key={`${a.reference}-${a.organisation}`}>
                <Td>
                  <div className="font-medium">
                    {a.organisation}
                    {a.acronym && <span className="text-slate-500"> ({a.acronym})</span>}
                  </div>
                  {a.illustrative && (
                    <Badge tone="warning" title={a.illustrative} className="mt-1">
                      {tc('illustrative')}
                    </Badge>
                  )}
                </Td>
                <Td>{a.project}</Td>
                <Td className="text-end tabular-nums">{money(format, a.amount, currency)}</Td>
                {call.envelope ? <Td className="text-end tabular-nums">{percent(a.amount / call.envelope)}</Td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="report-impact" className="report-section report-impact space-y-4">
        <h2 id="report-impact">{t('impact')}</h2>
        {impact.reports === 0 ? (
          <p>{t('noImpact')}</p>
        ) : (
          <>
            <ImpactHeadline impact={impact} />
            <ImpactFigures impact={impact} tables="shown" />
          </>
        )}
      </section>
      <p className="hidden text-xs text-slate-600 print:block">{t('generated', { call: title })}</p>
    </article>
  );
}
