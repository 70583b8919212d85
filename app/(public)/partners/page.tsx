import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { PartnerTable } from '@/components/results/partner-table';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { listPartners } from '@/lib/data/results';
import { countryName } from '@/lib/reference/countries';

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
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t('filters')}>
        <div>
          <label htmlFor="country" className="text-sm font-medium">
            {t('country')}
          </label>
          <Select id="country" name="country" defaultValue={country ?? ''}>
            <option value="">{tc('all')}</option>
            {register.countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c, locale)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="theme" className="text-sm font-medium">
            {t('theme')}
          </label>
          <Select id="theme" name="theme" defaultValue={theme ?? ''}>
            <option value="">{tc('all')}</option>
            {register.themes.map((code) => (
              <option key={code} value={code}>
                {tt.has(code as never) ? tt(code as never) : code}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {tc('filter')}
        </Button>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t('count', { shown: register.partners.length, total: register.total })}
      </p>
      {register.partners.length ? <PartnerTable partners={register.partners} showCall /> : <EmptyState>{t('empty')}</EmptyState>}
    </div>
  );
}
