'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { keepTypedBeforeHydration } from '@/components/forms/keep-typed';
import { money } from '@/components/calls/format';
import { FormError } from '@/components/forms/form-error';
import { CountrySelect } from '@/components/forms/country-picker';
import { LocalPartnersFields } from '@/components/forms/local-partners-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input, Textarea } from '@/components/ui/input';
import { submitApplicationAction } from '@/lib/actions/applications';
import { countryName } from '@/lib/reference/countries';
import { themeCodes } from '@/lib/reference/themes';
import { cn } from '@/lib/utils';
import {
  applicationStepOrder,
  stepIssues,
  type ApplicationDraftValues,
  type ApplicationFormStep,
  type RuleIssue,
} from '@/lib/validations/application';
import { translateIssue } from '@/lib/validations/translate-issue';
import { ApplicationSummary } from './application-summary';
import { DocumentSlot } from './document-slot';
import { draftOf, formValuesOf, type ApplicationFormValues, type FileForForm, type RulesForForm } from './types';
import { clearBackup, readBackup, useAutosave, type SaveState } from './use-autosave';

const toNumberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

function SaveStatus({ state, onReload }: { state: SaveState; onReload: () => void }) {
  const t = useTranslations('application');
  const format = useFormatter();
  const zone = useSyncExternalStore(subscribe, browserZone, serverZone);
  let content: ReactNode;
  switch (state.kind) {
    case 'saved':
      content = zone ? t('savedAt', { time: format.dateTime(state.at, { hour: '2-digit', minute: '2-digit', timeZone: zone }) }) : null;
      break;
    case 'dirty':
      content = t('unsaved');
      break;
    case 'saving':
      content = t('saving');
      break;
    case 'offline':
      content = <span className="text-amber-800">{t('offline')}</span>;
      break;
    case 'error':
      content = <span className="text-red-700">{t('saveFailed', { error: state.message })}</span>;
      break;
    case 'conflict':
      content = null;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600" role="status" aria-live="polite" data-testid="save-status">
        {content}
      </p>
      {state.kind === 'conflict' && (
        <Alert tone="error">
          <p>{state.message}</p>
          <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={onReload}>
            {t('reload')}
          </Button>
        </Alert>
      )}
    </div>
  );
}

export function ApplicationForm({
  applicationId,
  version,
  savedAt,
  reference,
  initial,
  rules,
  files: initialFiles,
  initialStep,
  deadline,
}: {
  applicationId: string;
  version: number;
  savedAt: string;
  reference: string | null;
  initial: ApplicationDraftValues;
  rules: RulesForForm;
  files: FileForForm[];
  initialStep: ApplicationFormStep;
  /** The close instant, rendered by the server (call zone and viewer's). */
  deadline: ReactNode;
}) {
  const t = useTranslations('application');
  const tt = useTranslations('themes');
  const tv = useTranslations('validation');
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const form = useForm<ApplicationFormValues>({ defaultValues: formValuesOf(initial) });
  const { control } = form;
  const register = keepTypedBeforeHydration(form);
  const values = form.watch();
  const [files, setFiles] = useState(initialFiles);
  const [step, setStep] = useState<ApplicationFormStep>(initialStep);
  const [visited, setVisited] = useState<Set<ApplicationFormStep>>(() => new Set());
  const [restore, setRestore] = useState<ReturnType<typeof readBackup>>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const autosave = useAutosave({
    applicationId,
    version,
    savedAt: new Date(savedAt),
    getDraft: () => draftOf(form.getValues()),
    enabled: true,
  });
  const { changed, flush } = autosave;

  useEffect(() => {
    const subscription = form.watch(() => changed());
    return () => subscription.unsubscribe();
  }, [form, changed]);

  // Input typed in this browser but never saved (offline, closed tab): offer it back.
  useEffect(() => {
    const backup = readBackup(applicationId);
    if (!backup) return;
    if (JSON.stringify(backup.draft) === JSON.stringify(draftOf(form.getValues()))) clearBackup(applicationId);
    else setRestore(backup);
  }, [applicationId, form]);

  const risks = useFieldArray({ control, name: 'risks' });
  const lines = useFieldArray({ control, name: 'budgetLines' });

  const uploaded = useMemo(() => files.map((f) => f.slotId), [files]);
  const draft = draftOf(values as ApplicationFormValues);
  const issues = useMemo(() => {
    const out = {} as Record<ApplicationFormStep, RuleIssue[]>;
    for (const s of applicationStepOrder) out[s] = s === 'review' ? [] : stepIssues(s, draft, rules, uploaded);
    // eslint-disable-next-line react-hooks/exhaustive-deps
    return out;
  }, [JSON.stringify(draft), rules, uploaded]);
  const incomplete = applicationStepOrder.filter((s) => s !== 'review' && issues[s].length > 0);

  /** A field's error, shown once its step has been left (or at review). */
  const errorOf = (path: string, ofStep: ApplicationFormStep = step): string | undefined => {
    if (!visited.has(ofStep)) return undefined;
    const found = issues[ofStep].find((i) => i.path === path);
    return found ? translateIssue(tv as never, found.message) : undefined;
  };

  const goTo = (next: ApplicationFormStep) => {
    void flush();
    setVisited((v) => new Set(v).add(step));
    setStep(next);
    setSubmitError(null);
    window.history.replaceState(null, '', `?step=${next}`);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const index = applicationStepOrder.indexOf(step);

  const submit = async () => {
    setSubmitError(null);
    setVisited(new Set(applicationStepOrder));
    if (incomplete.length) {
      setSubmitError(t('completeFirst'));
      return;
    }
    setSubmitting(true);
    try {
      const saved = await flush();
      if (!saved) {
        setSubmitError(t('saveBeforeSubmit'));
        return;
      }
      const result = await submitApplicationAction({ applicationId, version: autosave.version() });
      if (result.ok) {
        clearBackup(applicationId);
        router.push(`/applications/${applicationId}?submitted=1`);
        return;
      }
      setSubmitError(result.error);
    } catch {
      setSubmitError(t('submitOffline'));
    } finally {
      setSubmitting(false);
    }
  };

  const themeChoices = rules.themes.length ? rules.themes : themeCodes;
  const linesTotal = (values.budgetLines ?? []).reduce((sum, l) => sum + (Number.isFinite(l?.amount) ? Number(l!.amount) : 0), 0);

  const stepContent: Record<ApplicationFormStep, ReactNode> = {
    project: (
      <div className="space-y-4">
        <Field id="title" label={t('fields.title')} error={errorOf('title')} required>
          {(p) => <Input maxLength={200} {...p} {...register('title')} />}
        </Field>
        <Controller
          control={control}
          name="countries"
          render={({ field }) => (
            <fieldset aria-describedby="countries-error" className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">
                {t('fields.countries')}
                <span aria-hidden className="ms-0.5 text-red-700">
                  *
                </span>
              </legend>
              <p className="text-xs text-slate-600">{t('countriesHint')}</p>
              <div className="flex flex-wrap gap-4">
                {rules.countries.map((code) => (
                  <label key={code} className="flex items-center gap-2 text-sm">
                    <Checkbox
                      checked={field.value.includes(code)}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, code] : field.value.filter((c) => c !== code))}
                    />
                    {countryName(code, locale)}
                  </label>
                ))}
              </div>
              <p id="countries-error" className="text-sm text-red-700" aria-live="polite">
                {errorOf('countries')}
              </p>
            </fieldset>
          )}
        />
        <Controller
          control={control}
          name="themes"
          render={({ field }) => (
            <fieldset aria-describedby="themes-error" className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">
                {t('fields.themes')}
                <span aria-hidden className="ms-0.5 text-red-700">
                  *
                </span>
              </legend>
              <div className="flex flex-wrap gap-4">
                {themeChoices.map((code) => (
                  <label key={code} className="flex items-center gap-2 text-sm">
                    <Checkbox
                      checked={field.value.includes(code)}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, code] : field.value.filter((c) => c !== code))}
                    />
                    {tt.has(code as never) ? tt(code as never) : code}
                  </label>
                ))}
              </div>
              <p id="themes-error" className="text-sm text-red-700" aria-live="polite">
                {errorOf('themes')}
              </p>
            </fieldset>
          )}
        />
        <Field id="summary" label={t('fields.summary')} hint={t('summaryHint')} error={errorOf('summary')} required>
          {(p) => <Textarea rows={4} maxLength={1500} {...p} {...register('summary')} />}
        </Field>
        <Field id="objectives" label={t('fields.objectives')} error={errorOf('objectives')} required>
          {(p) => <Textarea rows={5} maxLength={4000} {...p} {...register('objectives')} />}
        </Field>
        <Field id="activities" label={t('fields.activities')} error={errorOf('activities')} required>
          {(p) => <Textarea rows={6} maxLength={6000} {...p} {...register('activities')} />}
        </Field>
      </div>
    ),
    reach: (
      <div className="space-y-4">
        <Field id="targetPopulation" label={t('fields.targetPopulation')} hint={t('targetPopulationHint')} error={errorOf('targetPopulation')} required>
          {(p) => <Textarea rows={5} maxLength={3000} {...p} {...register('targetPopulation')} />}
        </Field>
        <Field id="peopleToReach" label={t('fields.peopleToReach')} error={errorOf('peopleToReach')} required className="max-w-xs">
          {(p) => <Input type="number" inputMode="numeric" min={1} step={1} {...p} {...register('peopleToReach', { setValueAs: toNumberOrNull })} />}
        </Field>
      </div>
    ),
    partners: (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t('partnersIntro')}</p>
        <LocalPartnersFields control={control} register={register} errorOf={errorOf} idPrefix="lp" empty={t('noPartners')} />
      </div>
    ),
    risks: (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t('risksIntro')}</p>
        {risks.fields.map((row, i) => (
          <div key={row.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <Field id={`risk-${i}`} label={t('riskLabel', { n: i + 1 })} error={errorOf(`risks.${i}.risk`)} required>
              {(p) => <Textarea rows={2} maxLength={500} {...p} {...register(`risks.${i}.risk`)} />}
            </Field>
            <Field id={`mitigation-${i}`} label={t('mitigationLabel', { n: i + 1 })} error={errorOf(`risks.${i}.mitigation`)} required>
              {(p) => <Textarea rows={2} maxLength={1000} {...p} {...register(`risks.${i}.mitigation`)} />}
            </Field>
            <Button type="button" variant="ghost" size="sm" className="sm:mt-7" onClick={() => risks.remove(i)}>
              {t('removeRisk', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <p className="text-sm text-red-700" aria-live="polite">
          {errorOf('risks')}
        </p>
        <Button type="button" variant="secondary" size="sm" onClick={() => risks.append({ risk: '', mitigation: '' })}>
          {t('addRisk')}
        </Button>
      </div>
    ),
    budget: (
      <div className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="durationMonths" label={t('fields.durationMonths')} error={errorOf('durationMonths')} required>
            {(p) => <Input type="number" inputMode="numeric" min={1} max={60} step={1} {...p} {...register('durationMonths', { setValueAs: toNumberOrNull })} />}
          </Field>
          <Field
            id="requestedAmount"
            label={t('fields.requestedAmountIn', { currency: rules.currency })}
            hint={
              rules.minBudget !== null && rules.maxBudget !== null
                ? t('amountRange', { min: money(format, rules.minBudget, rules.currency), max: money(format, rules.maxBudget, rules.currency) })
                : undefined
            }
            error={errorOf('requestedAmount')}
            required
          >
            {(p) => <Input type="number" inputMode="numeric" min={0} step={1} {...p} {...register('requestedAmount', { setValueAs: toNumberOrNull })} />}
          </Field>
        </div>
        <fieldset className="space-y-3" aria-describedby="budgetLines-error budgetLines-total">
          <legend className="text-sm font-medium text-slate-800">{t('budgetLines')}</legend>
          <p className="text-xs text-slate-600">{t('budgetLinesHint')}</p>
          {lines.fields.map((row, i) => (
            <div key={row.id} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-start">
              <Field id={`line-${i}-label`} label={t('lineLabel', { n: i + 1 })} error={errorOf(`budgetLines.${i}.label`)} required>
                {(p) => <Input maxLength={200} {...p} {...register(`budgetLines.${i}.label`)} />}
              </Field>
              <Field id={`line-${i}-amount`} label={t('lineAmount', { n: i + 1 })} error={errorOf(`budgetLines.${i}.amount`)} required>
                {(p) => <Input type="number" inputMode="numeric" min={0} step={1} {...p} {...register(`budgetLines.${i}.amount`, { setValueAs: toNumberOrNull })} />}
              </Field>
              <Button type="button" variant="ghost" size="sm" className="sm:mt-7" onClick={() => lines.remove(i)}>
                {t('removeLine', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <p id="budgetLines-total" className="text-sm text-slate-700" data-testid="budget-total">
            {t('linesTotal', {
              total: money(format, linesTotal, rules.currency),
              requested: typeof values.requestedAmount === 'number' && Number.isFinite(values.requestedAmount) ? money(format, values.requestedAmount, rules.currency) : '—',
            })}
          </p>
          <p id="budgetLines-error" className="text-sm text-red-700" aria-live="polite">
            {errorOf('budgetLines')}
          </p>
          <Button type="button" variant="secondary" size="sm" onClick={() => lines.append({ label: '', amount: null })}>
            {t('addLine')}
          </Button>
        </fieldset>
      </div>
    ),
    declarations: (
      <Controller
        control={control}
        name="declarations"
        render={({ field }) => (
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t('declarationsIntro')}</p>
            {rules.requirements.length === 0 && <p className="text-sm text-slate-500">{t('noDeclarations')}</p>}
            {rules.requirements.map((r) => {
              const error = errorOf(`declarations.${r.id}`);
              const answer = field.value[r.id];
              return (
                <fieldset key={r.id} className="space-y-1 rounded-md border border-slate-200 p-3" aria-describedby={`decl-${r.id}-error`}>
                  <legend className="px-1 text-sm font-medium">
                    {r.statement}{' '}
                    <span className="font-normal text-slate-500">({r.required ? t('mustBeYes') : t('informative')})</span>
                  </legend>
                  <div className="flex gap-6">
                    {[true, false].map((choice) => (
                      <label key={String(choice)} className="flex items-center gap-2 text-sm">
                        <input
                          type="radio"
                          name={`decl-${r.id}`}
                          className="size-4 accent-brand-600"
                          checked={answer === choice}
                          onChange={() => field.onChange({ ...field.value, [r.id]: choice })}
                        />
                        {choice ? t('yes') : t('no')}
                      </label>
                    ))}
                  </div>
                  <p id={`decl-${r.id}-error`} className="text-sm text-red-700" aria-live="polite">
                    {error}
                  </p>
                </fieldset>
              );
            })}
          </div>
        )}
      />
    ),
    documents: (
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t('documentsIntro')}</p>
        {rules.slots.map((slot) => (
          <DocumentSlot
            key={slot.id}
            applicationId={applicationId}
            slot={slot}
            file={files.find((f) => f.slotId === slot.id)}
            editable
            error={errorOf(`documents.${slot.id}`)}
            onChange={(file) => setFiles((current) => [...current.filter((f) => f.slotId !== slot.id), ...(file ? [file] : [])])}
          />
        ))}
      </div>
    ),
    review: (
      <div className="space-y-6">
        {incomplete.length > 0 ? (
          <Alert tone="warning">
            <p className="font-medium">{t('missingTitle')}</p>
            <ul className="mt-2 list-disc space-y-1 ps-6">
              {incomplete.map((s) => (
                <li key={s}>
                  <button type="button" className="underline" onClick={() => goTo(s)}>
                    {t(`steps.${s}`)}
                  </button>
                  {': '}
                  {t('issuesCount', { count: issues[s].length })}
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <Alert tone="success">{t('readyToSubmit')}</Alert>
        )}
        <ApplicationSummary applicationId={applicationId} values={draft} rules={rules} files={files} />
        <FormError message={submitError} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" size="lg" onClick={submit} pending={submitting} disabled={autosave.state.kind === 'conflict'}>
            {reference ? t('submitAgain') : t('submit')}
          </Button>
          <p className="text-sm text-slate-600">{t('submitHint')}</p>
        </div>
      </div>
    ),
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[15rem_1fr] lg:gap-8">
      <nav aria-label={t('progress')}>
        {/* On a phone, one row of numbered steps (the current one named) above the form, not a screen of them. */}
        <ol className="flex flex-wrap gap-1 lg:block lg:space-y-1">
          {applicationStepOrder.map((s, i) => {
            const done = s !== 'review' && issues[s].length === 0;
            return (
              <li key={s}>
                <button
                  type="button"
                  onClick={() => goTo(s)}
                  aria-current={s === step ? 'step' : undefined}
                  data-testid={`step-${s}`}
                  data-complete={s === 'review' ? undefined : String(done)}
                  className={cn(
                    'flex items-center gap-2 rounded-md px-2 py-2 text-start text-sm lg:w-full lg:px-3',
                    s === step ? 'bg-brand-50 font-semibold text-brand-800' : 'hover:bg-slate-100',
                  )}
                >
                  <span
                    aria-hidden
                    className={cn(
                      'inline-flex size-6 shrink-0 items-center justify-center rounded-full border text-xs',
                      done ? 'border-green-600 bg-green-600 text-white' : 'border-slate-300 text-slate-600',
                    )}
                  >
                    {done ? '✓' : i + 1}
                  </span>
                  <span className={s === step ? undefined : 'sr-only lg:not-sr-only'}>
                    {t(`steps.${s}`)}
                    {s !== 'review' && <span className="sr-only"> ({done ? t('stepComplete') : t('stepIncomplete')})</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <p className="mt-2 px-2 text-xs text-slate-600 lg:mt-4 lg:px-3">{t('progressCount', { done: 7 - incomplete.length, total: 7 })}</p>
      </nav>

      <div className="min-w-0 space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="space-y-1 text-sm text-slate-600">
            <div>{deadline}</div>
            {reference && <div>{t('referenceKept', { reference })}</div>}
          </div>
          <SaveStatus state={autosave.state} onReload={() => window.location.reload()} />
        </div>
        {restore && (
          <Alert tone="warning">
            <p>{t('restoreOffer', { time: format.dateTime(new Date(restore.typedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
            {restore.baseVersion !== autosave.version() && <p className="mt-1">{t('restoreWarning')}</p>}
            <div className="mt-2 flex gap-2">
              <Button
                type="button"
                size="sm"
                onClick={() => {
                  form.reset(formValuesOf(restore.draft));
                  setRestore(null);
                  changed();
                }}
              >
                {t('restore')}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                onClick={() => {
                  clearBackup(applicationId);
                  setRestore(null);
                }}
              >
                {t('discard')}
              </Button>
            </div>
          </Alert>
        )}
        <form
          noValidate
          aria-labelledby="step-heading"
          onSubmit={(e) => {
            e.preventDefault();
            if (step === 'review') void submit();
            else goTo(applicationStepOrder[index + 1]);
          }}
          className="space-y-6"
        >
          <h2 id="step-heading" ref={heading} tabIndex={-1} className="outline-none">
            {t('stepHeading', { n: index + 1, total: applicationStepOrder.length, step: t(`steps.${step}`) })}
          </h2>
          {stepContent[step]}
          {step !== 'review' && (
            <div className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4">
              {index > 0 ? (
                <Button type="button" variant="secondary" onClick={() => goTo(applicationStepOrder[index - 1])}>
                  {t('previous')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit">{t('saveAndContinue')}</Button>
            </div>
          )}
        </form>
      </div>
    </div>
  );
}
