import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { IllustrativeNote } from '@/components/impact/illustrative-note';
import { ImpactFigures, ImpactHeadline } from '@/components/impact/impact-figures';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { BackArrow } from '@/components/ui/arrow';
import { buttonClass } from '@/components/ui/button';
import { callTitleIn } from '@/lib/calls/languages';
import { placeholderParam } from '@/lib/cache/static-params';
import { cachedImpact } from '@/lib/data/public';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale, pageSlug } from '@/lib/i18n/page';

type Props = { params: Promise<{ locale: string; slug: string }> };

/** See lib/cache/static-params.ts: rendered on the first visit, then cached until a report is accepted. */
export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

async function load(params: Props['params']) {
  return cachedImpact(await pageSlug(params));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const impact = await load(params);
  const locale = await pageLocale(params);
  const t = await getTranslations('impact');
  return { title: impact ? t('titleFor', { call: callTitleIn(impact.call, locale) }) : t('title') };
}

/** A call's public impact: the people its partners reached, from accepted reports only. */
export default async function ImpactPage({ params }: Props) {
  const impact = await load(params);
  if (!impact) notFound();
  const locale = await pageLocale(params);
  const t = await getTranslations('impact');
  const { slug } = impact.call;
  const empty = impact.reports === 0;
  return (
    <div className="space-y-6">
      <Link href={`/calls/${slug}/results`} className="text-sm text-brand-700 hover:underline">
        <BackArrow /> {t('backToResults')}
      </Link>
      <PageHeader
        title={t('titleFor', { call: callTitleIn(impact.call, locale) })}
        actions={
          !empty && (
            <div className="flex flex-wrap gap-2">
              <Link href={`/calls/${slug}/report`} className={buttonClass('secondary', 'sm')}>
                {t('programmeReport')}
              </Link>
              <a href={`/calls/${slug}/impact.json`} className={buttonClass('secondary', 'sm')}>
                {t('downloadJson')}
              </a>
              <a href={`/calls/${slug}/impact.csv`} className={buttonClass('secondary', 'sm')}>
                {t('downloadCsv')}
              </a>
            </div>
          )
        }
      />
      {empty ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <>
          <ImpactHeadline impact={impact} />
          {impact.illustrative && <IllustrativeNote note={impact.call.illustrative} />}
          <ImpactFigures impact={impact} />
        </>
      )}
    </div>
  );
}
