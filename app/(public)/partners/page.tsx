import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { PartnerTable } from '@/components/results/partner-table';
import { listPartners } from '@/lib/data/results';
import { countryName } from '@/lib/reference/countries';
import { FilterForm, FilterSelect } from '@/components/layout/filter-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('partners');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ country?: string; theme?: string }> };

export default async function PartnersPage({ searchParams }: Props) {
  const { country, theme } = await searchParams;
  const t = await getTranslations('partners');
  const tt = await getTranslations('themes');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const register = await listPartners({ country: country || undefined, theme: theme || undefined });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <FilterForm label={t('filters')} submit={tc('filter')}>
        <FilterSelect id="country" name="country" label={t('country')} value={country} allLabel={tc('all')} options={register.countries.map((c) => ({ value: c, label: countryName(c, locale) }))} />
        <FilterSelect
          id="theme"
          name="theme"
          label={t('theme')}
          value={theme}
          allLabel={tc('all')}
          options={register.themes.map((code) => ({ value: code, label: tt.has(code as never) ? tt(code as never) : code }))}
        />
      </FilterForm>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t('count', { shown: register.partners.length, total: register.total })}
      </p>
      {register.partners.length ? <PartnerTable partners={register.partners} showCall /> : <EmptyState>{t('empty')}</EmptyState>}
    </div>
  );
}
