'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { FormError } from '@/components/forms/form-error';
import { CountryMultiPicker } from '@/components/forms/country-picker';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Checkbox, Input, Select, Textarea } from '@/components/ui/input';
import { saveCallAction } from '@/lib/actions/calls';
import { currencyCodes } from '@/lib/reference/currencies';
import { fileKinds } from '@/lib/reference/file-kinds';
import { themeCodes } from '@/lib/reference/themes';
import { timeZones } from '@/lib/time/zoned';
import { callFormSchema, dateOrder, weightBalance, type CallFormInput } from '@/lib/validations/call';

const numberOrNull = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) };
const asNumber = { setValueAs: (v: unknown) => (v === '' ? undefined : Number(v)) };

function slugify(title: string) {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export const emptyCall: CallFormInput = {
  title: '',
  slug: '',
  summary: '',
  description: '',
  funder: '',
  countries: [],
  themes: [],
  currency: 'USD',
  minBudget: null,
  maxBudget: null,
  envelope: null,
  expectedPartners: null,
  reviewersPerApplication: 3,
  blindReview: false,
  showPeerScores: false,
  timeZone: 'UTC',
  opensAt: '',
  clarificationDeadline: '',
  closesAt: '',
  reviewDeadline: '',
  resultsExpectedAt: '',
  criteria: [],
  requirements: [],
  slots: [],
};

type Form = UseFormReturn<CallFormInput>;
type ErrorOf = (name: string) => string | undefined;

function Section({ title, intro, children }: { title: string; intro?: string; children: React.ReactNode }) {
  return (
    <Card>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{title}</legend>
        {intro && <p className="text-sm text-slate-600">{intro}</p>}
        {children}
      </fieldset>
    </Card>
  );
}

function CriteriaBuilder({ form, errorOf, locked }: { form: Form; errorOf: ErrorOf; locked: boolean }) {
  const t = useTranslations('callEditor');
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'criteria' });
  const criteria = useWatch({ control: form.control, name: 'criteria' }) ?? [];
  const { total, off } = weightBalance(criteria);
  return (
    <Section title={t('criteriaTitle')} intro={t('criteriaIntro')}>
      <p
        aria-live="polite"
        data-testid="weight-balance"
        className={off === 0 ? 'text-sm font-medium text-green-800' : 'text-sm font-medium text-amber-800'}
      >
        {off === 0 ? t('weightsOk') : off < 0 ? t('weightsShort', { total, missing: -off }) : t('weightsOver', { total, extra: off })}
      </p>
      {errorOf('criteria') && <Alert tone="error">{errorOf('criteria')}</Alert>}
      <ol className="space-y-4">
        {fields.map((field, i) => (
          <li key={field.id} className="rounded-md border border-slate-200 p-4" aria-label={t('criterionN', { n: i + 1 })}>
            <div className="grid gap-3 sm:grid-cols-[1fr_7rem_6rem_6rem]">
              <Field id={`criteria-${i}-name`} label={t('criterionName')} error={errorOf(`criteria.${i}.name`)} required>
                {(p) => <Input {...p} {...form.register(`criteria.${i}.name`)} />}
              </Field>
              <Field id={`criteria-${i}-weight`} label={t('weight')} error={errorOf(`criteria.${i}.weight`)} required>
                {(p) => <Input type="number" min={1} max={100} inputMode="numeric" {...p} {...form.register(`criteria.${i}.weight`, asNumber)} />}
              </Field>
              <Field id={`criteria-${i}-min`} label={t('scaleMin')} error={errorOf(`criteria.${i}.scaleMin`)}>
                {(p) => <Input type="number" min={0} disabled={locked && !!field.id} {...p} {...form.register(`criteria.${i}.scaleMin`, asNumber)} />}
              </Field>
              <Field id={`criteria-${i}-max`} label={t('scaleMax')} error={errorOf(`criteria.${i}.scaleMax`)}>
                {(p) => <Input type="number" min={1} disabled={locked && !!field.id} {...p} {...form.register(`criteria.${i}.scaleMax`, asNumber)} />}
              </Field>
            </div>
            <Field id={`criteria-${i}-guidance`} label={t('guidance')} hint={t('guidanceHint')} error={errorOf(`criteria.${i}.guidance`)} className="mt-3">
              {(p) => <Textarea rows={2} {...p} {...form.register(`criteria.${i}.guidance`)} />}
            </Field>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button type="button" size="sm" variant="secondary" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('moveUp', { n: i + 1 })}>
                ↑ {t('up')}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={i === fields.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={t('moveDown', { n: i + 1 })}
              >
                ↓ {t('down')}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                disabled={locked}
                onClick={() => window.confirm(t('confirmRemoveCriterion', { name: criteria[i]?.name || t('criterionN', { n: i + 1 }) })) && remove(i)}
              >
                {t('removeCriterion')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        disabled={locked}
        onClick={() => append({ name: '', guidance: '', weight: Math.max(1, Math.min(100, -off || 10)), scaleMin: 0, scaleMax: 5 })}
      >
        {t('addCriterion')}
      </Button>
      {locked && <p className="text-sm text-slate-600">{t('criteriaLockedHint')}</p>}
    </Section>
  );
}

function RequirementsBuilder({ form, errorOf }: { form: Form; errorOf: ErrorOf }) {
  const t = useTranslations('callEditor');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'requirements' });
  return (
    <Section title={t('requirementsTitle')} intro={t('requirementsIntro')}>
      {errorOf('requirements') && <Alert tone="error">{errorOf('requirements')}</Alert>}
      <ol className="space-y-3">
        {fields.map((field, i) => (
          <li key={field.id} className="rounded-md border border-slate-200 p-4" aria-label={t('requirementN', { n: i + 1 })}>
            <Field id={`requirements-${i}-statement`} label={t('statement')} error={errorOf(`requirements.${i}.statement`)} required>
              {(p) => <Input {...p} {...form.register(`requirements.${i}.statement`)} />}
            </Field>
            <div className="mt-2 flex flex-wrap items-center gap-4">
              <label className="flex items-center gap-2 text-sm">
                <Checkbox {...form.register(`requirements.${i}.required`)} />
                {t('requirementRequired')}
              </label>
              <Button type="button" size="sm" variant="ghost" onClick={() => remove(i)}>
                {t('remove')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button type="button" variant="secondary" onClick={() => append({ statement: '', required: true })}>
        {t('addRequirement')}
      </Button>
    </Section>
  );
}

function SlotsBuilder({ form, errorOf }: { form: Form; errorOf: ErrorOf }) {
  const t = useTranslations('callEditor');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'slots' });
  return (
    <Section title={t('slotsTitle')} intro={t('slotsIntro')}>
      {errorOf('slots') && <Alert tone="error">{errorOf('slots')}</Alert>}
      <ol className="space-y-3">
        {fields.map((field, i) => (
          <li key={field.id} className="space-y-3 rounded-md border border-slate-200 p-4" aria-label={t('slotN', { n: i + 1 })}>
            <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
              <Field id={`slots-${i}-name`} label={t('slotName')} error={errorOf(`slots.${i}.name`)} required>
                {(p) => <Input {...p} {...form.register(`slots.${i}.name`)} />}
              </Field>
              <Field id={`slots-${i}-size`} label={t('maxSizeMb')} error={errorOf(`slots.${i}.maxSizeMb`)} required>
                {(p) => <Input type="number" min={0.1} max={100} step={0.1} {...p} {...form.register(`slots.${i}.maxSizeMb`, asNumber)} />}
              </Field>
            </div>
            <Field id={`slots-${i}-description`} label={t('slotDescription')} error={errorOf(`slots.${i}.description`)}>
              {(p) => <Input {...p} {...form.register(`slots.${i}.description`)} />}
            </Field>
            <fieldset>
              <legend className="text-sm font-medium">{t('acceptedTypes')}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {fileKinds.map((kind) => (
                  <label key={kind} className="flex items-center gap-1.5 text-sm">
                    <Checkbox value={kind} {...form.register(`slots.${i}.acceptedTypes`)} />
                    {kind.toUpperCase()}
                  </label>
                ))}
              </div>
              <p className="text-sm text-red-700" aria-live="polite">
                {errorOf(`slots.${i}.acceptedTypes`)}
              </p>
            </fieldset>
            <div className="flex flex-wrap items-center gap-4">
              <label className="flex items-center gap-2 text-sm">
                <Checkbox {...form.register(`slots.${i}.required`)} />
                {t('slotRequired')}
              </label>
              <Button type="button" size="sm" variant="ghost" onClick={() => remove(i)}>
                {t('remove')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        onClick={() => append({ name: '', description: '', required: true, acceptedTypes: ['pdf'], maxSizeMb: 10 })}
      >
        {t('addSlot')}
      </Button>
    </Section>
  );
}

/**
 * The call editor: details, money, review settings, dates (in the call's own time
 * zone), criteria, eligibility requirements and document slots, saved in one action.
 */
export function CallForm({
  initial,
  hasApplications = false,
}: {
  initial: CallFormInput;
  /** Criteria are locked once applications exist (the server refuses too, with the reason). */
  hasApplications?: boolean;
}) {
  const t = useTranslations('callEditor');
  const tt = useTranslations('themes');
  const router = useRouter();
  const zones = useMemo(() => timeZones(), []);
  const [saved, setSaved] = useState(false);
  const isNew = !initial.id;
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(callFormSchema, saveCallAction, {
    defaultValues: initial,
    onSuccess: (data) => {
      if (isNew) {
        router.push(`/admin/calls/${data.id}`);
        return;
      }
      form.reset({ ...form.getValues(), expectedUpdatedAt: data.updatedAt });
      setSaved(true);
      router.refresh();
    },
  });
  const zone = useWatch({ control: form.control, name: 'timeZone' });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={isNew ? t('newTitle') : t('editTitle')} onChange={() => setSaved(false)}>
      <FormError message={formError} />

      <Section title={t('basics')}>
        <Field id="title" label={t('title')} error={errorOf('title')} required>
          {(p) => (
            <Input
              {...p}
              {...form.register('title', {
                onBlur: (e) => {
                  if (isNew && !form.getValues('slug')) form.setValue('slug', slugify(e.target.value), { shouldValidate: true });
                },
              })}
            />
          )}
        </Field>
        <Field id="slug" label={t('slug')} hint={t('slugHint')} error={errorOf('slug')} required>
          {(p) => <Input {...p} {...form.register('slug')} />}
        </Field>
        <Field id="summary" label={t('summary')} hint={t('summaryHint')} error={errorOf('summary')}>
          {(p) => <Textarea rows={2} {...p} {...form.register('summary')} />}
        </Field>
        <Field id="description" label={t('description')} hint={t('descriptionHint')} error={errorOf('description')}>
          {(p) => <Textarea rows={10} className="font-mono" {...p} {...form.register('description')} />}
        </Field>
        <Field id="funder" label={t('funder')} error={errorOf('funder')}>
          {(p) => <Input {...p} {...form.register('funder')} />}
        </Field>
      </Section>

      <Section title={t('scope')}>
        <Field id="countries" label={t('countries')} hint={t('countriesHint')} error={errorOf('countries')}>
          {(p) => (
            <Controller
              control={form.control}
              name="countries"
              render={({ field }) => (
                <CountryMultiPicker id={p.id} value={field.value ?? []} onChange={field.onChange} invalid={p['aria-invalid']} describedBy={p['aria-describedby']} />
              )}
            />
          )}
        </Field>
        <fieldset>
          <legend className="text-sm font-medium">{t('themes')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {themeCodes.map((code) => (
              <label key={code} className="flex items-center gap-2 text-sm">
                <Checkbox value={code} {...form.register('themes')} />
                {tt(code)}
              </label>
            ))}
          </div>
        </fieldset>
      </Section>

      <Section title={t('money')}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="currency" label={t('currency')} error={errorOf('currency')} required>
            {(p) => (
              <Select {...p} {...form.register('currency')}>
                {currencyCodes.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="minBudget" label={t('minBudget')} error={errorOf('minBudget')}>
            {(p) => <Input type="number" min={0} inputMode="numeric" {...p} {...form.register('minBudget', numberOrNull)} />}
          </Field>
          <Field id="maxBudget" label={t('maxBudget')} error={errorOf('maxBudget')}>
            {(p) => <Input type="number" min={0} inputMode="numeric" {...p} {...form.register('maxBudget', numberOrNull)} />}
          </Field>
          <Field id="envelope" label={t('envelope')} error={errorOf('envelope')}>
            {(p) => <Input type="number" min={0} inputMode="numeric" {...p} {...form.register('envelope', numberOrNull)} />}
          </Field>
        </div>
        <Field id="expectedPartners" label={t('expectedPartners')} error={errorOf('expectedPartners')} className="max-w-xs">
          {(p) => <Input type="number" min={1} inputMode="numeric" {...p} {...form.register('expectedPartners', numberOrNull)} />}
        </Field>
      </Section>

      <Section title={t('review')}>
        <Field id="reviewersPerApplication" label={t('reviewersPerApplication')} error={errorOf('reviewersPerApplication')} className="max-w-xs" required>
          {(p) => <Input type="number" min={1} max={20} {...p} {...form.register('reviewersPerApplication', asNumber)} />}
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <Checkbox className="mt-0.5" {...form.register('blindReview')} />
          <span>
            <span className="font-medium">{t('blindReview')}</span>
            <span className="block text-slate-600">{t('blindReviewHint')}</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <Checkbox className="mt-0.5" {...form.register('showPeerScores')} />
          <span>
            <span className="font-medium">{t('showPeerScores')}</span>
            <span className="block text-slate-600">{t('showPeerScoresHint')}</span>
          </span>
        </label>
      </Section>

      <Section title={t('dates')} intro={t('datesIntro', { zone: zone || 'UTC' })}>
        <Field id="timeZone" label={t('timeZone')} error={errorOf('timeZone')} className="max-w-sm" required>
          {(p) => (
            <Select {...p} {...form.register('timeZone')}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {dateOrder.map((field) => (
            <Field key={field} id={field} label={t(`date.${field}`)} error={errorOf(field)}>
              {(p) => <Input type="datetime-local" {...p} {...form.register(field)} />}
            </Field>
          ))}
        </div>
      </Section>

      <CriteriaBuilder form={form} errorOf={errorOf} locked={hasApplications} />
      <RequirementsBuilder form={form} errorOf={errorOf} />
      <SlotsBuilder form={form} errorOf={errorOf} />

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-4 border-t border-slate-200 bg-white/95 px-4 py-3">
        <Button type="submit" pending={pending}>
          {pending ? t('saving') : isNew ? t('create') : t('save')}
        </Button>
        <span aria-live="polite" className="text-sm text-green-800">
          {saved ? t('saved') : ''}
        </span>
        {Object.keys(form.formState.errors).length > 0 && <span className="text-sm text-red-700">{t('fixErrors')}</span>}
      </div>
    </form>
  );
}
