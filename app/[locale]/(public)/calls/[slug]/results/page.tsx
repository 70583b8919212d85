import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { money } from '@/components/calls/format';
import { PageHeader } from '@/components/layout/page-header';
import { PartnerTable } from '@/components/results/partner-table';
import { buttonClass } from '@/components/ui/button';
import { Instant } from '@/components/time/instant';
import { placeholderParam } from '@/lib/cache/static-params';
import { cachedImpact, cachedResults } from '@/lib/data/public';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale, pageSlug } from '@/lib/i18n/page';
import { BackArrow } from '@/components/ui/arrow';
import { publishedTitleIn } from '@/lib/data/results';

type Props = { params: Promise<{ locale: string; slug: string }> };

/** See lib/cache/static-params.ts: rendered on the first visit, then cached until republished. */
export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

async function load(params: Props['params']) {
  return cachedResults(await pageSlug(params));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const results = await load(params);
  const locale = await pageLocale(params);
  const t = await getTranslations('results');
  return { title: results ? t('titleFor', { call: publishedTitleIn(results.call, locale) }) : t('title') };
}

export default async function ResultsPage({ params }: Props) {
  const results = await load(params);
  if (!results) notFound();
  const { slug } = results.call;
  const locale = await pageLocale(params);
  const t = await getTranslations('results');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const total = results.partners.reduce((sum, p) => sum + p.awardedAmount, 0);
  const illustrative = results.partners.some((p) => p.illustrative);
  const impact = await cachedImpact(slug);
  const ti = await getTranslations('impact');
  return (
    <div className="space-y-6">
      <Link href={`/calls/${slug}`} className="text-sm text-brand-700 hover:underline">
        <BackArrow /> {t('backToCall')}
      </Link>
      <PageHeader
        title={t('titleFor', { call: publishedTitleIn(results.call, locale) })}
        intro={
          <>
            {t.rich('publishedOn', { date: () => <Instant date={new Date(results.publishedAt)} timeZone={results.call.timeZone} dateOnly /> })}{' '}
            {t('summary', { count: results.partners.length, total: money(format, total, results.call.currency) })}
          </>
        }
        actions={
          <>
            <a href={`/calls/${slug}/results.json`} className={buttonClass('secondary', 'sm')}>
              {t('downloadJson')}
            </a>
            <a href={`/calls/${slug}/results.csv`} className={buttonClass('secondary', 'sm')}>
              {t('downloadCsv')}
            </a>
          </>
        }
      />
      <PartnerTable partners={results.partners} />
      <div className="flex flex-wrap gap-3" data-testid="impact-links">
        {impact && impact.reports > 0 && (
          <Link href={`/calls/${slug}/impact`} className={buttonClass('primary', 'sm')}>
            {ti('seeImpact')}
          </Link>
        )}
        <Link href={`/calls/${slug}/report`} className={buttonClass('secondary', 'sm')}>
          {ti('programmeReport')}
        </Link>
      </div>
      {illustrative && <p className="text-sm text-amber-800">{tc('illustrativeNote')}</p>}
      <p className="text-sm text-slate-600">{t('frozen')}</p>
      <section aria-labelledby="since-publication" className="space-y-3" data-testid="since-publication">
        <h2 id="since-publication" className="text-lg font-semibold text-slate-900">
          {t('sincePublication')}
        </h2>
        <p className="text-sm text-slate-600">{t('sincePublicationIntro')}</p>
        {results.sincePublication.length ? (
          <ol className="space-y-2">
            {results.sincePublication.map((n, i) => (
              <li key={`${n.at}-${i}`} className="flex flex-wrap gap-x-3 text-sm">
                <span className="text-slate-600">
                  <Instant date={new Date(n.at)} timeZone={results.call.timeZone} dateOnly />
                </span>
                <span>
                  {t(`notice.${n.kind}`, { organisation: n.acronym ? `${n.organisation} (${n.acronym})` : n.organisation, amount: money(format, n.amount, n.currency) })}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600">{t('noNotices')}</p>
        )}
      </section>
    </div>
  );
}
