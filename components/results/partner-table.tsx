import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { money } from '@/components/calls/format';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { Link } from '@/lib/i18n/navigation';
import { countryName } from '@/lib/reference/countries';
import { publishedTitleIn, type PublicResults, type RegisterEntry } from '@/lib/data/results';
import { themeLabel } from '@/lib/i18n/themes';

type Partner = PublicResults['partners'][number] & Partial<Pick<RegisterEntry, 'call'>>;

/** The selected partners: organisation, where it is registered, the project, where it runs, the award. */
export async function PartnerTable({ partners, showCall = false, caption }: { partners: Partner[]; showCall?: boolean; caption?: string }) {
  const t = await getTranslations('results');
  const tt = await getTranslations('themes');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const format = await getFormatter();
  return (
    <Table caption={caption ?? t('title')} stacked>
      <thead>
        <tr>
          <Th>{t('organisation')}</Th>
          <Th>{t('registeredIn')}</Th>
          <Th>{t('project')}</Th>
          <Th>{t('implementedIn')}</Th>
          <Th className="text-end">{t('award')}</Th>
          {showCall && <Th>{t('call')}</Th>}
        </tr>
      </thead>
      <tbody>
        {partners.map((p) => (
          <tr
            key={`${p.call?.slug ?? ''}-${p.reference}`}
            data-filter-item
            data-country={p.project.countries.join(' ')}
            data-theme={p.project.themes.join(' ')}
          >
            <Td label={t('organisation')}>
              <div className="font-medium">
                {p.organisation.website ? (
                  <a href={p.organisation.website} className="text-brand-700 hover:underline" rel="noopener noreferrer">
                    {p.organisation.name}
                  </a>
                ) : (
                  p.organisation.name
                )}
                {p.organisation.acronym && <span className="text-slate-500"> ({p.organisation.acronym})</span>}
              </div>
              {p.illustrative && (
                <Badge tone="warning" title={p.illustrative} className="mt-1">
                  {tc('illustrative')}
                </Badge>
              )}
            </Td>
            <Td label={t('registeredIn')}>{countryName(p.organisation.countryOfRegistration, locale)}</Td>
            <Td label={t('project')}>
              <div>{p.project.title}</div>
              <div className="text-xs text-slate-600">{p.project.themes.map((code) => themeLabel(tt, code)).join(', ')}</div>
            </Td>
            <Td label={t('implementedIn')}>{p.project.countries.map((c) => countryName(c, locale)).join(', ')}</Td>
            <Td label={t('award')} className="text-end tabular-nums">{money(format, p.awardedAmount, p.currency)}</Td>
            {showCall && p.call && (
              <Td label={t('call')}>
                <Link href={`/calls/${p.call.slug}/results`} className="text-brand-700 hover:underline">
                  {publishedTitleIn(p.call, locale)}
                </Link>
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
