'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { CountrySelect } from '@/components/forms/country-picker';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { saveOrganisationPeopleAction } from '@/lib/actions/diligence';
import { emptyPerson, organisationPeopleSchema, personRoles, type OrganisationPersonInput } from '@/lib/validations/diligence';

/** The organisation's directors, board members and authorised officers: screened against the sanctions list on save. */
export function PeopleForm({ organisationId, initial }: { organisationId: string; initial: OrganisationPersonInput[] }) {
  const t = useTranslations('diligence');
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(organisationPeopleSchema, saveOrganisationPeopleAction, {
    defaultValues: { organisationId, people: initial },
    onSuccess: () => setSaved(true),
  });
  const people = useFieldArray({ control: form.control, name: 'people' });
  return (
    <form onSubmit={(e) => { setSaved(false); return onSubmit(e); }} noValidate className="space-y-4" aria-label={t('peopleTitle')}>
      <FormError message={formError} />
      {saved && <Alert tone="success" role="status">{t('peopleSaved')}</Alert>}
      {people.fields.length === 0 && <p className="text-sm text-slate-500">{t('noPeople')}</p>}
      {people.fields.map((row, i) => {
        const id = (key: string) => `person-${i}-${key}`;
        const n = i + 1;
        return (
          <fieldset key={row.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            <legend className="sr-only">{t('personName', { n })}</legend>
            <Field id={id('name')} counter={counter(`people.${i}.name`, id('name'))} label={t('personName', { n })} error={errorOf(`people.${i}.name`)} required>
              {(p) => <Input autoComplete="off" {...p} {...form.register(`people.${i}.name`)} />}
            </Field>
            <Field id={id('original')} counter={counter(`people.${i}.nameOriginalScript`, id('original'))} label={t('personOriginalScript', { n })} error={errorOf(`people.${i}.nameOriginalScript`)}>
              {(p) => <Input dir="auto" autoComplete="off" {...p} {...form.register(`people.${i}.nameOriginalScript`)} />}
            </Field>
            <Field id={id('role')} label={t('personRole', { n })} error={errorOf(`people.${i}.role`)} required>
              {(p) => (
                <Select {...p} {...form.register(`people.${i}.role`)}>
                  {personRoles.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id={id('nationality')} label={t('personNationality', { n })} error={errorOf(`people.${i}.nationality`)}>
              {(p) => (
                <Controller
                  control={form.control}
                  name={`people.${i}.nationality`}
                  render={({ field }) => <CountrySelect {...p} value={field.value} onChange={field.onChange} placeholder={t('chooseCountry')} />}
                />
              )}
            </Field>
            <Field id={id('dob')} label={t('personDateOfBirth', { n })} error={errorOf(`people.${i}.dateOfBirth`)}>
              {(p) => <Input type="date" {...p} {...form.register(`people.${i}.dateOfBirth`)} />}
            </Field>
            <div className="flex items-end">
              <Button type="button" variant="ghost" size="sm" onClick={() => people.remove(i)}>
                {t('removePerson', { n })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" size="sm" onClick={() => people.append({ ...emptyPerson })}>
          {t('addPerson')}
        </Button>
        <Button type="submit" pending={pending}>
          {t('savePeople')}
        </Button>
      </div>
    </form>
  );
}
