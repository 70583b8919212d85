'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { countryCodes } from '@/lib/reference/countries';

/**
 * Choose several countries by typing their name (in the viewer's language) or ISO code.
 * The chosen ones are listed as removable chips; everything works with the keyboard.
 */
export function CountryMultiSelect({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  allowed,
}: {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
  /** Restrict the choice (e.g. to a call's countries). */
  allowed?: string[];
}) {
  const t = useTranslations('picker');
  const locale = useLocale();
  const listId = useId();
  const [text, setText] = useState('');
  const names = useMemo(() => {
    const display = new Intl.DisplayNames([locale], { type: 'region' });
    return (allowed ?? countryCodes)
      .map((code) => ({ code, name: display.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [locale, allowed]);
  const nameOf = (code: string) => names.find((n) => n.code === code)?.name ?? code;

  const add = () => {
    const wanted = text.trim().toLowerCase();
    const match = names.find((n) => n.name.toLowerCase() === wanted || n.code.toLowerCase() === wanted);
    if (match && !value.includes(match.code)) onChange([...value, match.code]);
    if (match) setText('');
  };

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <Input
          id={id}
          list={listId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          placeholder={t('typeCountry')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
        />
        <Button type="button" variant="secondary" onClick={add}>
          {t('add')}
        </Button>
        <datalist id={listId}>
          {names
            .filter((n) => !value.includes(n.code))
            .map((n) => (
              <option key={n.code} value={n.name} />
            ))}
        </datalist>
      </div>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t('chosen')}>
          {value.map((code) => (
            <li key={code} className="flex items-center gap-1 rounded-full bg-brand-50 py-1 ps-3 pe-1 text-sm text-brand-800">
              {nameOf(code)}
              <button
                type="button"
                onClick={() => onChange(value.filter((c) => c !== code))}
                className="rounded-full px-2 hover:bg-brand-100"
                aria-label={t('remove', { name: nameOf(code) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
