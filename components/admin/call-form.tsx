'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { FormError } from '@/components/forms/form-error';
import { CountryMultiPicker } from '@/components/forms/country-picker';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Checkbox, Input, Select, Textarea } from '@/components/ui/input';
import { saveCallAction } from '@/lib/actions/calls';
import { directionOf, locales, type Locale } from '@/lib/i18n/config';
import { currencyCodes } from '@/lib/reference/currencies';
import { fileKinds } from '@/lib/reference/file-kinds';
import { themeCodes } from '@/lib/reference/themes';
import { timeZones } from '@/lib/time/zoned';
import { callFormSchema, dateOrder, weightBalance, type CallFormInput } from '@/lib/validations/call';
import { toNumberOrNull } from '@/components/forms/number';

const numberOrNull = { setValueAs: toNumberOrNull };
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
  issuer: '',
  requiresSelfDeclaration: false,
  locale: 'en',
  translations: {},
  applicationLocales: ['en'],
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
/** A text field's limit and live count, for <Field counter> (useActionForm's `counter`). */
type CounterOf = (name: string, fieldId: string) => React.ReactNode;

/** The languages, besides the main one, the call is being written in. */
const ExtraLanguages = createContext<Locale[]>([]);

type TranslatedField = { key: string; label: string; multiline?: number; required?: boolean };

/**
 * The same fields in each other language the call is published in, right under the
 * main-language ones; each input says its language (lang, dir) so it is read and typed
 * the right way.
 */
function InOtherLanguages({ form, errorOf, counter, path, idBase, fields }: { form: Form; errorOf: ErrorOf; counter: CounterOf; path: string; idBase: string; fields: TranslatedField[] }) {
  const tc = useTranslations('common');
  const extra = useContext(ExtraLanguages);
  if (!extra.length) return null;
  return (
    <div className="space-y-3">
      {extra.map((l) => (
        <div key={l} className="space-y-3 border-s-4 border-slate-200 ps-3">
          {fields.map((f) => {
            const name = `${path}translations.${l}.${f.key}`;
            const props = { lang: l, dir: directionOf(l), ...form.register(name as never) };
            return (
              <Field key={f.key} id={`${idBase}-${l}-${f.key}`} counter={counter(name, `${idBase}-${l}-${f.key}`)} label={tc('inLanguage', { field: f.label, language: l })} error={errorOf(name)} required={f.required}>
                {(p) => (f.multiline ? <Textarea rows={f.multiline} {...p} {...props} /> : <Input {...p} {...props} />)}
              </Field>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** Main language, the other languages the call is published in, the languages applications may use. */
function LanguagesSection({ form, errorOf, extra, setExtra }: { form: Form; errorOf: ErrorOf; extra: Locale[]; setExtra: (next: Locale[]) => void }) {
  const t = useTranslations('callEditor');
  const tl = useTranslations('languages');
  const main = (useWatch({ control: form.control, name: 'locale' }) ?? 'en') as Locale;
  // Dropping a language drops its texts everywhere, so nothing half-written stays behind.
  const drop = (l: Locale) => {
    const values = form.getValues();
    const without = <T extends Partial<Record<Locale, unknown>> | undefined>(tr: T) => {
      const { [l]: _gone, ...rest } = (tr ?? {}) as Record<string, unknown>;
      return rest as T;
    };
    form.setValue('translations', without(values.translations));
    values.criteria.forEach((c, i) => form.setValue(`criteria.${i}.translations`, without(c.translations)));
    values.requirements.forEach((r, i) => form.setValue(`requirements.${i}.translations`, without(r.translations)));
    values.slots.forEach((sl, i) => form.setValue(`slots.${i}.translations`, without(sl.translations)));
  };
  return (
    <Section title={t('languagesTitle')} intro={t('languagesIntro')}>
      <Field id="locale" label={t('mainLanguage')} error={errorOf('locale')} className="max-w-xs" required>
        {(p) => (
          <Select
            {...p}
            {...form.register('locale', {
              onChange: (e) => {
                const next = e.target.value as Locale;
                if (extra.includes(next)) {
                  drop(next);
                  setExtra(extra.filter((x) => x !== next));
                }
              },
            })}
          >
            {locales.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">{t('alsoPublishedIn')}</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {locales
            .filter((l) => l !== main)
            .map((l) => (
              <label key={l} className="flex items-center gap-2 text-sm">
                <Checkbox
                  checked={extra.includes(l)}
                  onChange={(e) => {
                    if (e.target.checked) setExtra(locales.filter((x) => x === l || extra.includes(x)));
                    else {
                      drop(l);
                      setExtra(extra.filter((x) => x !== l));
                    }
                  }}
                />
                {tl(l)}
              </label>
            ))}
        </div>
      </fieldset>
      <fieldset aria-describedby={errorOf('applicationLocales') ? 'applicationLocales-error' : undefined}>
        <legend className="text-sm font-medium">{t('applicationLanguages')}</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {locales.map((l) => (
            <label key={l} className="flex items-center gap-2 text-sm">
              <Checkbox value={l} {...form.register('applicationLocales')} />
              {tl(l)}
            </label>
          ))}
        </div>
        <p id="applicationLocales-error" className="text-sm text-red-700" aria-live="polite">
          {errorOf('applicationLocales')}
        </p>
      </fieldset>
    </Section>
  );
}

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

function CriteriaBuilder({ form, errorOf, counter, locked }: { form: Form; errorOf: ErrorOf; counter: CounterOf; locked: boolean }) {
  const t = useTranslations('callEditor');
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'criteria' });
  const criteria = useWatch({ control: form.control, name: 'criteria' }) ?? [];
  const { total, off } = weightBalance(criteria);
  const [confirm, confirmDialog] = useConfirm();
  return (
    <Section title={t('criteriaTitle')} intro={t('criteriaIntro')}>
      {confirmDialog}
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
              <Field id={`criteria-${i}-name`} counter={counter(`criteria.${i}.name`, `criteria-${i}-name`)} label={t('criterionName')} error={errorOf(`criteria.${i}.name`)} required>
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
            <Field id={`criteria-${i}-guidance`} counter={counter(`criteria.${i}.guidance`, `criteria-${i}-guidance`)} label={t('guidance')} hint={t('guidanceHint')} error={errorOf(`criteria.${i}.guidance`)} className="mt-3">
              {(p) => <Textarea rows={2} {...p} {...form.register(`criteria.${i}.guidance`)} />}
            </Field>
            <div className="mt-3">
              <InOtherLanguages
                form={form}
                errorOf={errorOf}
                counter={counter}
                path={`criteria.${i}.`}
                idBase={`criteria-${i}`}
                fields={[
                  { key: 'name', label: t('criterionName'), required: true },
                  { key: 'guidance', label: t('guidance'), multiline: 2 },
                ]}
              />
            </div>
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
                onClick={async () => {
                  const name = criteria[i]?.name || t('criterionN', { n: i + 1 });
                  if (await confirm(t('confirmRemoveCriterion', { name }), { destructive: true, confirmLabel: t('removeCriterion') })) remove(i);
                }}
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
        onClick={() => append({ name: '', guidance: '', translations: {}, weight: Math.max(1, Math.min(100, -off || 10)), scaleMin: 0, scaleMax: 5 })}
      >
        {t('addCriterion')}
      </Button>
      {locked && <p className="text-sm text-slate-600">{t('criteriaLockedHint')}</p>}
    </Section>
  );
}

function RequirementsBuilder({ form, errorOf, counter }: { form: Form; errorOf: ErrorOf; counter: CounterOf }) {
  const t = useTranslations('callEditor');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'requirements' });
  return (
    <Section title={t('requirementsTitle')} intro={t('requirementsIntro')}>
      {errorOf('requirements') && <Alert tone="error">{errorOf('requirements')}</Alert>}
      <label className="flex items-start gap-2 text-sm">
        <Checkbox className="mt-0.5" {...form.register('requiresSelfDeclaration')} />
        <span>
          <span className="font-medium">{t('requiresSelfDeclaration')}</span>
          <span className="block text-slate-600">{t('requiresSelfDeclarationHint')}</span>
        </span>
      </label>
      <ol className="space-y-3">
        {fields.map((field, i) => (
          <li key={field.id} className="rounded-md border border-slate-200 p-4" aria-label={t('requirementN', { n: i + 1 })}>
            <Field id={`requirements-${i}-statement`} counter={counter(`requirements.${i}.statement`, `requirements-${i}-statement`)} label={t('statement')} error={errorOf(`requirements.${i}.statement`)} required>
              {(p) => <Input {...p} {...form.register(`requirements.${i}.statement`)} />}
            </Field>
            <div className="mt-3">
              <InOtherLanguages
                form={form}
                errorOf={errorOf}
                counter={counter}
                path={`requirements.${i}.`}
                idBase={`requirements-${i}`}
                fields={[{ key: 'statement', label: t('statement'), required: true }]}
              />
            </div>
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
      <Button type="button" variant="secondary" onClick={() => append({ statement: '', translations: {}, required: true })}>
        {t('addRequirement')}
      </Button>
    </Section>
  );
}

function SlotsBuilder({ form, errorOf, counter }: { form: Form; errorOf: ErrorOf; counter: CounterOf }) {
  const t = useTranslations('callEditor');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'slots' });
  return (
    <Section title={t('slotsTitle')} intro={t('slotsIntro')}>
      {errorOf('slots') && <Alert tone="error">{errorOf('slots')}</Alert>}
      <ol className="space-y-3">
        {fields.map((field, i) => (
          <li key={field.id} className="space-y-3 rounded-md border border-slate-200 p-4" aria-label={t('slotN', { n: i + 1 })}>
            <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
              <Field id={`slots-${i}-name`} counter={counter(`slots.${i}.name`, `slots-${i}-name`)} label={t('slotName')} error={errorOf(`slots.${i}.name`)} required>
                {(p) => <Input {...p} {...form.register(`slots.${i}.name`)} />}
              </Field>
              <Field id={`slots-${i}-size`} label={t('maxSizeMb')} error={errorOf(`slots.${i}.maxSizeMb`)} required>
                {(p) => <Input type="number" min={0.1} max={100} step={0.1} {...p} {...form.register(`slots.${i}.maxSizeMb`, asNumber)} />}
              </Field>
            </div>
            <Field id={`slots-${i}-description`} counter={counter(`slots.${i}.description`, `slots-${i}-description`)} label={t('slotDescription')} error={errorOf(`slots.${i}.description`)}>
              {(p) => <Input {...p} {...form.register(`slots.${i}.description`)} />}
            </Field>
            <InOtherLanguages
              form={form}
              errorOf={errorOf}
              counter={counter}
              path={`slots.${i}.`}
              idBase={`slots-${i}`}
              fields={[
                { key: 'name', label: t('slotName'), required: true },
                { key: 'description', label: t('slotDescription') },
              ]}
            />
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
        onClick={() => append({ name: '', description: '', translations: {}, required: true, acceptedTypes: ['pdf'], maxSizeMb: 10 })}
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
  // A new call's address is made from its title as it is typed, until the admin writes their own.
  const slugFollowsTitle = useRef(isNew && !initial.slug);
  const selectedOnFocus = useRef(false);
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(callFormSchema, saveCallAction, {
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
  const { getValues, setValue } = form;
  useEffect(() => {
    // Typed before the page was interactive, the title's onChange never ran: the address is
    // made from it now, unless the admin already wrote their own.
    if (!slugFollowsTitle.current) return;
    const { title, slug } = getValues();
    if (slug) slugFollowsTitle.current = false;
    else if (title) setValue('slug', slugify(title));
  }, [getValues, setValue]);
  const zone = useWatch({ control: form.control, name: 'timeZone' });
  const [extra, setExtra] = useState<Locale[]>(() => locales.filter((l) => l !== initial.locale && !!initial.translations?.[l]));

  return (
    <ExtraLanguages.Provider value={extra}>
      <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={isNew ? t('newTitle') : t('editTitle')} onChange={() => setSaved(false)}>
        <FormError message={formError} />

        <LanguagesSection form={form} errorOf={errorOf} extra={extra} setExtra={setExtra} />

        <Section title={t('basics')}>
          <Field id="title" counter={counter('title', 'title')} label={t('title')} error={errorOf('title')} required>
            {(p) => (
              <Input
                {...p}
                {...form.register('title', {
                  onChange: (e) => {
                    if (slugFollowsTitle.current) form.setValue('slug', slugify(e.target.value), { shouldValidate: form.formState.isSubmitted });
                  },
                })}
              />
            )}
          </Field>
          <Field id="slug" counter={counter('slug', 'slug')} label={t('slug')} hint={t('slugHint')} error={errorOf('slug')} required>
            {(p) => (
              <Input
                {...p}
                {...form.register('slug', {
                  // What the admin types is theirs: the title stops filling it in (until it is emptied).
                  onChange: (e) => (slugFollowsTitle.current = e.target.value === ''),
                })}
                onFocus={(e) => {
                  // Still the one made from the title: selected, so typing replaces it rather than adding to it.
                  if (slugFollowsTitle.current && e.target.value) {
                    e.target.select();
                    selectedOnFocus.current = true;
                  }
                }}
                onMouseUp={(e) => {
                  // The click that focused the field would otherwise drop the selection.
                  if (selectedOnFocus.current) e.preventDefault();
                  selectedOnFocus.current = false;
                }}
              />
            )}
          </Field>
          <Field id="summary" counter={counter('summary', 'summary')} label={t('summary')} hint={t('summaryHint')} error={errorOf('summary')}>
            {(p) => <Textarea rows={2} {...p} {...form.register('summary')} />}
          </Field>
          <Field id="description" counter={counter('description', 'description')} label={t('description')} hint={t('descriptionHint')} error={errorOf('description')}>
            {(p) => <Textarea rows={10} className="font-mono" {...p} {...form.register('description')} />}
          </Field>
          <InOtherLanguages
            form={form}
            errorOf={errorOf}
            counter={counter}
            path=""
            idBase="call"
            fields={[
              { key: 'title', label: t('title'), required: true },
              { key: 'summary', label: t('summary'), multiline: 2 },
              { key: 'description', label: t('description'), multiline: 8 },
            ]}
          />
          <Field id="funder" counter={counter('funder', 'funder')} label={t('funder')} error={errorOf('funder')}>
            {(p) => <Input {...p} {...form.register('funder')} />}
          </Field>
          <Field id="issuer" label={t('issuer')} hint={t('issuerHint')} error={errorOf('issuer')}>
            {(p) => <Input {...p} {...form.register('issuer')} />}
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

        <CriteriaBuilder form={form} errorOf={errorOf} counter={counter} locked={hasApplications} />
        <RequirementsBuilder form={form} errorOf={errorOf} counter={counter} />
        <SlotsBuilder form={form} errorOf={errorOf} counter={counter} />

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
    </ExtraLanguages.Provider>
  );
}
