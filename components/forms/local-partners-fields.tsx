'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Controller, useFieldArray, type ArrayPath, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { CountrySelect } from '@/components/forms/country-picker';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/**
 * The `localPartners` rows (name, country, role) shared by the organisation profile and
 * the application form. Typed loosely: each form has its own shape around this field.
 */
export function LocalPartnersFields<T extends FieldValues>({
  control,
  register,
  errorOf,
  counter,
  idPrefix,
  empty,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form whose values hold this list
  control: Control<T, any, any>;
  register: UseFormRegister<T>;
  errorOf: (name: string) => string | undefined;
  /** A text field's limit and live count (the form's own schema says the limit). */
  counter: (name: Path<T>, fieldId: string) => ReactNode;
  idPrefix: string;
  /** What to say when there is none yet. */
  empty: string;
}) {
  const t = useTranslations('localPartners');
  const partners = useFieldArray({ control, name: 'localPartners' as ArrayPath<T> });
  const path = (i: number, key: string) => `localPartners.${i}.${key}` as Path<T>;
  return (
    <>
      {partners.fields.length === 0 && <p className="text-sm text-slate-500">{empty}</p>}
      {partners.fields.map((row, i) => (
        <div key={row.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-start">
          <Field id={`${idPrefix}-${i}-name`} counter={counter(path(i, 'name'), `${idPrefix}-${i}-name`)} label={t('name', { n: i + 1 })} error={errorOf(`localPartners.${i}.name`)} required>
            {(p) => <Input {...p} {...register(path(i, 'name'))} />}
          </Field>
          <Field id={`${idPrefix}-${i}-country`} label={t('country', { n: i + 1 })} error={errorOf(`localPartners.${i}.country`)} required>
            {(p) => (
              <Controller
                control={control}
                name={path(i, 'country')}
                render={({ field }) => <CountrySelect {...p} value={field.value} onChange={field.onChange} placeholder={t('chooseCountry')} />}
              />
            )}
          </Field>
          <Field id={`${idPrefix}-${i}-role`} counter={counter(path(i, 'role'), `${idPrefix}-${i}-role`)} label={t('role', { n: i + 1 })} error={errorOf(`localPartners.${i}.role`)} required>
            {(p) => <Input {...p} {...register(path(i, 'role'))} />}
          </Field>
          <Button type="button" variant="ghost" size="sm" className="sm:mt-7" onClick={() => partners.remove(i)}>
            {t('remove', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" size="sm" onClick={() => partners.append({ name: '', country: '', role: '' } as never)}>
        {t('add')}
      </Button>
    </>
  );
}
