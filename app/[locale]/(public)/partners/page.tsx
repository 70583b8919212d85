import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ClientFilter } from '@/components/layout/client-filter';
import { FilterForm, FilterSelect } from '@/components/layout/filter-form';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { PartnerTable } from '@/components/results/partner-table';
import { cachedPartners } from '@/lib/data/public';
import { pageLocale } from '@/lib/i18n/page';
import { countryName } from '@/lib/reference/countries';
import { themeLabel } from '@/lib/i18n/themes';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  const t = await getTranslations('partners');
  return { title: t('title') };
}

/** The register of implementing partners: cached, filtered in the browser. */
export default async function PartnersPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations('partners');
  const tt = await getTranslations('themes');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const register = await cachedPartners();
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      {register.partners.length ? (
        <ClientMessages namespaces={['partners']}>
          <ClientFilter countKey="partners.count">
            <FilterForm label={t('filters')} submit={tc('filter')}>
              <FilterSelect
                id="country"
                name="country"
                label={t('country')}
                value={undefined}
                allLabel={tc('all')}
                options={register.countries.map((c) => ({ value: c, label: countryName(c, locale) }))}
              />
              <FilterSelect
                id="theme"
                name="theme"
                label={t('theme')}
                value={undefined}
                allLabel={tc('all')}
                options={register.themes.map((code) => ({ value: code, label: themeLabel(tt, code) }))}
              />
            </FilterForm>
            <PartnerTable partners={register.partners} showCall caption={t('title')} />
          </ClientFilter>
        </ClientMessages>
      ) : (
        <EmptyState>{t('empty')}</EmptyState>
      )}
    </div>
  );
}
