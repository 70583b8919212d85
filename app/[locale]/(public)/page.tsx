import { getTranslations } from 'next-intl/server';
import { CallCard } from '@/components/calls/call-card';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { cachedCallLists } from '@/lib/data/public';
import { pageLocale } from '@/lib/i18n/page';

type Props = { params: Promise<{ locale: string }> };

export default async function HomePage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations('home');
  const { openOrUpcoming, closed, withResults, at } = await cachedCallLists();
  return (
    <div className="space-y-10">
      <PageHeader title={t('title')} intro={t('intro')} />
      <section aria-labelledby="open-calls" className="space-y-4">
        <h2 id="open-calls">{t('openCalls')}</h2>
        {openOrUpcoming.length ? (
          <div className="grid gap-4 md:grid-cols-2">
            {openOrUpcoming.map((call) => (
              <CallCard key={call.id} call={call} now={at} />
            ))}
          </div>
        ) : (
          <EmptyState>{t('noOpenCalls')}</EmptyState>
        )}
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="closed-calls" className="space-y-4">
          <h2 id="closed-calls">{t('closedCalls')}</h2>
          <div className="grid gap-4 md:grid-cols-2">
            {closed.map((call) => (
              <CallCard key={call.id} call={call} now={at} />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="results" className="space-y-4">
        <h2 id="results">{t('results')}</h2>
        {withResults.length ? (
          <div className="grid gap-4 md:grid-cols-2">
            {withResults.map((call) => (
              <CallCard key={call.id} call={call} now={at} />
            ))}
          </div>
        ) : (
          <EmptyState>{t('noResults')}</EmptyState>
        )}
      </section>
    </div>
  );
}
