'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { counterId, Field, FieldMarks } from '@/components/ui/field';
import { Checkbox, Input, Select, Textarea } from '@/components/ui/input';
import { createOrganisationAction, updateOrganisationAction } from '@/lib/actions/organisations';
import { themeCodes } from '@/lib/reference/themes';
import {
  budgetCurrencies,
  createOrganisationSchema,
  organisationTypes,
  profileRequiredFields,
  updateOrganisationSchema,
  type OrganisationProfileInput,
} from '@/lib/validations/organisation';
import { CountryMultiPicker, CountrySelect } from '@/components/forms/country-picker';
import { LocalPartnersFields } from '@/components/forms/local-partners-fields';
import { toNumberOrNull } from '@/components/forms/number';
import { typedBeforeHydration } from '@/components/forms/keep-typed';
import { CharacterCount } from '@/components/forms/text-limit';
import { maxLengthOf } from '@/lib/validations/issues';

/** The profile's fields that are not needed to save it (those are starred). */
const optionalProfileFields = [
  'acronym', 'heritageCountries', 'operationCountries', 'yearFounded', 'staffSize', 'website', 'registrationNumber', 'registrationExpiresOn',
  'annualBudget', 'annualBudgetCurrency', 'contactName', 'contactEmail', 'contactPhone', 'mission',
];

/**
 * The organisation profile, to create it (no `organisationId`) or keep it up to date.
 * `next` is where to go after creating it (back to the application it was needed for).
 */
export function OrganisationForm({
  organisationId,
  initial,
  next,
}: {
  organisationId?: string;
  initial: OrganisationProfileInput;
  next?: string;
}) {
  const t = useTranslations('organisation');
  const tt = useTranslations('themes');
  const tc = useTranslations('common');
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const editing = !!organisationId;
  // One schema per mode; both are the profile (the update names the organisation too).
  const schema = (editing ? updateOrganisationSchema : createOrganisationSchema) as typeof updateOrganisationSchema;
  const submit = (editing ? updateOrganisationAction : createOrganisationAction) as typeof updateOrganisationAction;
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(schema, submit, {
    defaultValues: (editing ? { organisationId, ...initial } : initial) as never,
    onSuccess: (data) => {
      if (editing) {
        setSaved(true);
        router.refresh();
      } else {
        router.push(next ?? `/organisation?org=${data.id}&created=1`);
      }
    },
  });
  const { register, control } = form;
  const num = { setValueAs: toNumberOrNull };

  // Beside the starred fields (needed to save): what calls expect of a profile, and what is optional.
  const expected: readonly string[] = profileRequiredFields;
  const marks = Object.fromEntries(
    optionalProfileFields.map((id) => [id, expected.includes(id) ? <strong className="font-medium text-amber-800">{t('markExpected')}</strong> : t('markOptional')]),
  );

  return (
    <FieldMarks value={marks}>
    <form onSubmit={onSubmit} noValidate className="space-y-8" aria-label={editing ? t('editTitle') : t('createTitle')} onChange={() => setSaved(false)}>
      <FormError message={formError} />
      <p className="text-sm text-slate-600" data-testid="profile-marks">
        {t('marksLegend')}
      </p>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t('identity')}</legend>
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <Field id="legalName" counter={counter('legalName')} label={t('legalName')} error={errorOf('legalName')} required>
            {(p) => <Input autoComplete="organization" {...p} {...register('legalName')} />}
          </Field>
          <Field id="acronym" counter={counter('acronym')} label={t('acronym')} error={errorOf('acronym')}>
            {(p) => <Input {...p} {...register('acronym')} />}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="type" label={t('type')} error={errorOf('type')} required>
            {(p) => (
              <Select {...p} {...register('type')}>
                {organisationTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`types.${type}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="countryOfRegistration" label={t('countryOfRegistration')} error={errorOf('countryOfRegistration')} required>
            {(p) => (
              <Controller
                control={control}
                name="countryOfRegistration"
                render={({ field }) => <CountrySelect {...p} value={field.value} onChange={field.onChange} placeholder={t('chooseCountry')} />}
              />
            )}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="heritageCountries" label={t('heritageCountries')} hint={t('heritageHint')} error={errorOf('heritageCountries')}>
            {(p) => (
              <Controller
                control={control}
                name="heritageCountries"
                render={({ field }) => (
                  <CountryMultiPicker id={p.id} describedBy={p['aria-describedby']} invalid={p['aria-invalid']} value={field.value} onChange={field.onChange} />
                )}
              />
            )}
          </Field>
          <Field id="operationCountries" label={t('operationCountries')} error={errorOf('operationCountries')}>
            {(p) => (
              <Controller
                control={control}
                name="operationCountries"
                render={({ field }) => (
                  <CountryMultiPicker id={p.id} describedBy={p['aria-describedby']} invalid={p['aria-invalid']} value={field.value} onChange={field.onChange} />
                )}
              />
            )}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="yearFounded" label={t('yearFounded')} error={errorOf('yearFounded')}>
            {(p) => <Input type="number" inputMode="numeric" min={1800} max={2200} {...p} {...register('yearFounded', num)} />}
          </Field>
          <Field id="staffSize" label={t('staffSize')} error={errorOf('staffSize')}>
            {(p) => <Input type="number" inputMode="numeric" min={0} {...p} {...register('staffSize', num)} />}
          </Field>
          <Field id="website" counter={counter('website')} label={t('website')} error={errorOf('website')}>
            {(p) => <Input type="url" placeholder="https://" {...p} {...register('website')} />}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="registrationNumber" counter={counter('registrationNumber')} label={t('registrationNumber')} error={errorOf('registrationNumber')}>
            {(p) => <Input {...p} {...register('registrationNumber')} />}
          </Field>
          <Field id="registrationExpiresOn" label={t('registrationExpiresOn')} hint={t('registrationExpiresHint')} error={errorOf('registrationExpiresOn')}>
            {(p) => <Input type="date" {...p} {...register('registrationExpiresOn')} />}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="annualBudget" label={t('annualBudget')} error={errorOf('annualBudget')}>
            {(p) => <Input type="number" inputMode="numeric" min={0} {...p} {...register('annualBudget', num)} />}
          </Field>
          <Field id="annualBudgetCurrency" label={t('annualBudgetCurrency')} error={errorOf('annualBudgetCurrency')}>
            {(p) => (
              <Select {...p} {...register('annualBudgetCurrency')}>
                <option value="">{t('chooseCurrency')}</option>
                {budgetCurrencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t('contact')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="contactName" counter={counter('contactName')} label={t('contactName')} error={errorOf('contactName')}>
            {(p) => <Input autoComplete="name" {...p} {...register('contactName')} />}
          </Field>
          <Field id="contactEmail" counter={counter('contactEmail')} label={t('contactEmail')} error={errorOf('contactEmail')}>
            {(p) => <Input type="email" autoComplete="email" {...p} {...register('contactEmail')} />}
          </Field>
          <Field id="contactPhone" counter={counter('contactPhone')} label={t('contactPhone')} error={errorOf('contactPhone')}>
            {(p) => <Input type="tel" autoComplete="tel" {...p} {...register('contactPhone')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t('work')}</legend>
        <Field id="mission" counter={counter('mission')} label={t('mission')} error={errorOf('mission')}>
          {(p) => <Textarea rows={4} {...p} {...register('mission')} />}
        </Field>
        <Controller
          control={control}
          name="experience"
          render={({ field }) => {
            const value = field.value as Record<string, string>;
            return (
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-slate-800">{t('experience')}</legend>
                <p className="text-xs text-slate-600">{t('experienceHint')}</p>
                <div className="grid gap-2 sm:grid-cols-2">
                  {themeCodes.map((code) => {
                    const on = code in value;
                    return (
                      <div key={code} className={on ? 'sm:col-span-2 space-y-1' : ''}>
                        <label className="flex items-center gap-2 text-sm">
                          <Checkbox
                            ref={typedBeforeHydration((ticked) => {
                              const now = { ...(form.getValues('experience') as Record<string, string>) };
                              if (ticked === true && !(code in now)) field.onChange({ ...now, [code]: '' });
                              if (ticked === false && code in now) {
                                delete now[code];
                                field.onChange(now);
                              }
                            })}
                            checked={on}
                            onChange={(e) => {
                              const nextValue = { ...value };
                              if (e.target.checked) nextValue[code] = '';
                              else delete nextValue[code];
                              field.onChange(nextValue);
                            }}
                          />
                          {tt(code)}
                        </label>
                        {on && (
                          <>
                            <Textarea
                              rows={2}
                              id={`experience-${code}`}
                              ref={typedBeforeHydration((typed) => {
                                if (typeof typed === 'string') field.onChange({ ...(form.getValues('experience') as Record<string, string>), [code]: typed });
                              })}
                              aria-label={t('experienceIn', { theme: tt(code) })}
                              aria-describedby={counterId(`experience-${code}`)}
                              value={value[code]}
                              onChange={(e) => field.onChange({ ...value, [code]: e.target.value })}
                            />
                            <CharacterCount fieldId={`experience-${code}`} length={value[code].length} max={maxLengthOf(schema, `experience.${code}`) ?? 0} />
                            <p className="text-sm text-red-700" aria-live="polite">
                              {errorOf(`experience.${code}`)}
                            </p>
                          </>
                        )}
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            );
          }}
        />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t('localPartners')}</legend>
        <p className="text-sm text-slate-600">{t('localPartnersHint')}</p>
        <LocalPartnersFields control={form.control} register={register} errorOf={errorOf} counter={counter} idPrefix="partner" empty={t('noLocalPartners')} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={pending}>
          {pending ? tc('saving') : editing ? t('saveProfile') : t('createOrganisation')}
        </Button>
        {saved && <Alert tone="success">{t('profileSaved')}</Alert>}
      </div>
    </form>
    </FieldMarks>
  );
}
