'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { Select } from '@/components/ui/input';
import { typedBeforeHydration } from './keep-typed';
import { countryCodes, countryName } from '@/lib/reference/countries';

/** Country options sorted by their name in the viewer's language. */
export function useCountryOptions(codes: readonly string[] = countryCodes) {
  const locale = useLocale();
  return useMemo(
    () => codes.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    [codes, locale],
  );
}

/** One country, from a list (ISO 3166-1 alpha-2 values). */
export function CountrySelect({
  value,
  onChange,
  codes,
  placeholder,
  ...props
}: {
  value: string;
  onChange: (code: string) => void;
  codes?: readonly string[];
  placeholder: string;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-label'?: string;
}) {
  const options = useCountryOptions(codes);
  return (
    <Select
      ref={typedBeforeHydration((chosen) => typeof chosen === 'string' && chosen !== value && onChange(chosen))}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...props}
    >
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </Select>
  );
}

/**
 * Several countries: the chosen ones as removable chips, and a list to add one more.
 * Works with the keyboard (a select and buttons) and tells screen readers what it holds.
 */
export function CountryMultiPicker({
  id,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  id: string;
  value: string[];
  onChange: (codes: string[]) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const t = useTranslations('picker');
  const locale = useLocale();
  const options = useCountryOptions();
  return (
    <div className="space-y-2">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t('chosenCountries')}>
          {value.map((code) => (
            <li key={code} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 ps-3 pe-1 text-sm text-brand-800">
              {countryName(code, locale)}
              <button
                type="button"
                className="rounded-full px-1.5 text-brand-700 hover:bg-brand-100"
                aria-label={t('removeCountry', { country: countryName(code, locale) })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Select
        id={id}
        ref={typedBeforeHydration((code) => typeof code === 'string' && code && !value.includes(code) && onChange([...value, code]))}
        value=""
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const code = e.target.value;
          if (code && !value.includes(code)) onChange([...value, code]);
        }}
      >
        <option value="">{t('addCountry')}</option>
        {options
          .filter((o) => !value.includes(o.code))
          .map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
      </Select>
    </div>
  );
}
