import { getLocale, getTranslations } from 'next-intl/server';
import { CallCard } from '@/components/calls/call-card';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ClientFilter } from '@/components/layout/client-filter';
import { FilterForm, FilterSelect, FilterText } from '@/components/layout/filter-form';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { inLanguage, shownLanguage } from '@/lib/calls/languages';
import { publicPhase } from '@/lib/calls/phase';
import type { Locale } from '@/lib/i18n/config';
import type { CallSummary } from '@/lib/data/calls';
import { cachedCallLists } from '@/lib/data/public';
import { pageLocale } from '@/lib/i18n/page';
import { themeLabel } from '@/lib/i18n/themes';
import { countryName } from '@/lib/reference/countries';

type Props = { params: Promise<{ locale: string }> };

/**
 * The home page: cached and the same for everyone, so its search and filters run in the
 * browser (components/layout/client-filter.tsx); the address keeps them, so a filtered
 * list can be shared, and without JavaScript the lists are simply all shown.
 */
export default async function HomePage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations('home');
  const tt = await getTranslations('themes');
  const tc = await getTranslations('common');
  const locale = (await getLocale()) as Locale;
  const { openOrUpcoming, closed, withResults, at } = await cachedCallLists();
  const all = [...openOrUpcoming, ...closed, ...withResults];
  const countries = [...new Set(all.flatMap((c) => c.countries))].sort((a, b) => countryName(a, locale).localeCompare(countryName(b, locale), locale));
  const themes = [...new Set(all.flatMap((c) => c.themes))].sort();
  const themeName = (code: string) => themeLabel(tt, code);

  // What a card is found by: its words (in every language it is written in), its countries, themes and phase.
  const item = (call: CallSummary) => {
    const shown = shownLanguage(call, locale).locale;
    const text = inLanguage({ title: call.title, summary: call.summary }, call.translations, shown, call.locale);
    const words = [text.title, text.summary, call.title, call.summary, call.issuer, call.funder, ...call.countries.map((c) => countryName(c, locale)), ...call.themes.map(themeName)];
    return (
      <div
        key={call.id}
        className="grid"
        data-filter-item
        data-q={words.filter(Boolean).join(' ').toLowerCase()}
        data-country={call.countries.join(' ')}
        data-theme={call.themes.join(' ')}
        data-status={publicPhase(call, at)}
      >
        <CallCard call={call} now={at} />
      </div>
    );
  };

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <PageHeader title={t('title')} intro={t('intro')} />
        <p className="text-sm">
          <a href="#how-applying-works" className="font-medium text-brand-700 underline">
            {t('newHere')}
          </a>
        </p>
      </div>
      <ClientMessages namespaces={['callSearch']}>
        <ClientFilter countKey="callSearch.count">
          <FilterForm label={t('filters')} submit={tc('filter')}>
            <FilterText id="q" name="q" label={t('search')} value={undefined} placeholder={t('searchHint')} wide />
            <FilterSelect
              id="country"
              name="country"
              label={t('country')}
              value={undefined}
              allLabel={tc('all')}
              options={countries.map((c) => ({ value: c, label: countryName(c, locale) }))}
            />
            <FilterSelect id="theme" name="theme" label={t('theme')} value={undefined} allLabel={tc('all')} options={themes.map((c) => ({ value: c, label: themeName(c) }))} />
            <FilterSelect
              id="status"
              name="status"
              label={t('status')}
              value={undefined}
              allLabel={tc('all')}
              options={[
                { value: 'open', label: t('statusOpen') },
                { value: 'upcoming', label: t('statusUpcoming') },
                { value: 'closed', label: t('statusClosed') },
                { value: 'results', label: t('statusResults') },
              ]}
            />
          </FilterForm>
          <section aria-labelledby="open-calls" className="space-y-4" data-filter-section={openOrUpcoming.length ? '' : undefined}>
            <h2 id="open-calls">{t('openCalls')}</h2>
            {openOrUpcoming.length ? <div className="grid gap-4 md:grid-cols-2">{openOrUpcoming.map(item)}</div> : <EmptyState>{t('noOpenCalls')}</EmptyState>}
          </section>
          {closed.length > 0 && (
            <section aria-labelledby="closed-calls" className="space-y-4" data-filter-section>
              <h2 id="closed-calls">{t('closedCalls')}</h2>
              <div className="grid gap-4 md:grid-cols-2">{closed.map(item)}</div>
            </section>
          )}
          <section aria-labelledby="results" className="space-y-4" data-filter-section={withResults.length ? '' : undefined}>
            <h2 id="results">{t('results')}</h2>
            {withResults.length ? <div className="grid gap-4 md:grid-cols-2">{withResults.map(item)}</div> : <EmptyState>{t('noResults')}</EmptyState>}
          </section>
        </ClientFilter>
      </ClientMessages>
      <section id="how-applying-works" aria-labelledby="how-title" className="scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="how-title">{t('howTitle')}</h2>
        <p className="text-sm text-slate-700">{t('howIntro')}</p>
        <ol className="list-decimal space-y-2 ps-6 text-sm text-slate-700">
          {(['how1', 'how2', 'how3', 'how4'] as const).map((key) => (
            <li key={key}>{t.rich(key, { b: (chunks) => <strong className="text-slate-900">{chunks}</strong> })}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
