'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Link, useRouter } from '@/lib/i18n/navigation';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, type Path } from 'react-hook-form';
import { keepTypedBeforeHydration, typedBeforeHydration } from '@/components/forms/keep-typed';
import { money } from '@/components/calls/format';
import { FormError } from '@/components/forms/form-error';
import { TextLimit } from '@/components/forms/text-limit';
import { LocalPartnersFields } from '@/components/forms/local-partners-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input, Textarea } from '@/components/ui/input';
import { submitApplicationAction } from '@/lib/actions/applications';
import { countryName } from '@/lib/reference/countries';
import { themeCodes } from '@/lib/reference/themes';
import { cn } from '@/lib/utils';
import { decodeIssue, maxLengthOf } from '@/lib/validations/zod';
import {
  applicationDraftValuesSchema,
  applicationStepOrder,
  stepIsOptional,
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
import { themeLabel } from '@/lib/i18n/themes';
import { toNumberOrNull } from '@/components/forms/number';

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
  /** A text field's limit and live count; the limit is the draft schema's. */
  const counter = (name: Path<ApplicationFormValues>, fieldId: string) => (
    <TextLimit control={control} name={name} fieldId={fieldId} max={maxLengthOf(applicationDraftValuesSchema, name)} />
  );
  const [files, setFiles] = useState(initialFiles);
  const [step, setStep] = useState<ApplicationFormStep>(initialStep);
  const [visited, setVisited] = useState<Set<ApplicationFormStep>>(() => new Set());
  const [restore, setRestore] = useState<ReturnType<typeof readBackup>>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // Refused for want of the organisation's self-declaration: the error links to where it is signed.
  const [declarationMissing, setDeclarationMissing] = useState(false);
  /** What the step just left with "Save and continue" still lacks (saved as a draft all the same). */
  const [lacking, setLacking] = useState<{ step: ApplicationFormStep; issues: RuleIssue[] } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const tl = useTranslations('localPartners');

  const autosave = useAutosave({
    applicationId,
    version,
    savedAt: new Date(savedAt),
    getDraft: () => draftOf(form.getValues()),
    enabled: true,
  });
  const { changed, flush } = autosave;

  useEffect(() => {
    // eslint-disable-next-line react-hooks/incompatible-library -- a subscription; no watched value is read in render
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
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the draft's JSON stands for the draft, a new object each render
  }, [JSON.stringify(draft), rules, uploaded]);
  const incomplete = applicationStepOrder.filter((s) => s !== 'review' && issues[s].length > 0);
  /** The steps the call requires something in: what "n of m steps complete" counts. */
  const requiredSteps = applicationStepOrder.filter((s) => s !== 'review' && !stepIsOptional(s, rules));
  const requiredDone = requiredSteps.filter((s) => issues[s].length === 0).length;

  /** A field's name in words, for the list of what a step lacks. */
  const labelOf = (path: string): string => {
    const [head, second, third] = path.split('.');
    const n = Number(second) + 1;
    if (head === 'risks') return third === 'mitigation' ? t('mitigationLabel', { n }) : third === 'risk' ? t('riskLabel', { n }) : t('steps.risks');
    if (head === 'budgetLines') return third === 'amount' ? t('lineAmount', { n }) : third === 'label' ? t('lineLabel', { n }) : t('budgetLines');
    if (head === 'localPartners' && (third === 'name' || third === 'country' || third === 'role')) return tl(third, { n });
    if (head === 'declarations') return rules.requirements.find((r) => r.id === second)?.statement ?? t('steps.declarations');
    if (head === 'documents') return rules.slots.find((sl) => sl.id === second)?.name ?? t('steps.documents');
    if (head === 'requestedAmount') return t('fields.requestedAmount');
    return t.has(`fields.${head}` as never) ? t(`fields.${head}` as never) : head;
  };

  /**
   * A field's error, shown once its step has been left (or at review). Text beyond its
   * limit is said at once: the draft cannot be saved with it, and the field keeps it all.
   */
  const errorOf = (path: string, ofStep: ApplicationFormStep = step): string | undefined => {
    const found = issues[ofStep].find((i) => i.path === path);
    if (!found) return undefined;
    if (!visited.has(ofStep) && decodeIssue(found.message).key !== 'tooLong') return undefined;
    return translateIssue(tv as never, found.message);
  };

  const goTo = (next: ApplicationFormStep) => {
    void flush();
    setLacking(null);
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
      setDeclarationMissing(!!result.fieldErrors?.selfDeclaration);
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
        <Field id="title" counter={counter('title', 'title')} label={t('fields.title')} error={errorOf('title')} required>
          {(p) => <Input {...p} {...register('title')} />}
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
                      ref={typedBeforeHydration((on) => {
                        const now = form.getValues('countries');
                        if (on === true && !now.includes(code)) field.onChange([...now, code]);
                        if (on === false) field.onChange(now.filter((c) => c !== code));
                      })}
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
                      ref={typedBeforeHydration((on) => {
                        const now = form.getValues('themes');
                        if (on === true && !now.includes(code)) field.onChange([...now, code]);
                        if (on === false) field.onChange(now.filter((c) => c !== code));
                      })}
                      checked={field.value.includes(code)}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, code] : field.value.filter((c) => c !== code))}
                    />
                    {themeLabel(tt, code)}
                  </label>
                ))}
              </div>
              <p id="themes-error" className="text-sm text-red-700" aria-live="polite">
                {errorOf('themes')}
              </p>
            </fieldset>
          )}
        />
        <Field id="summary" counter={counter('summary', 'summary')} label={t('fields.summary')} hint={t('summaryHint')} error={errorOf('summary')} required>
          {(p) => <Textarea rows={4} {...p} {...register('summary')} />}
        </Field>
        <Field id="objectives" counter={counter('objectives', 'objectives')} label={t('fields.objectives')} error={errorOf('objectives')} required>
          {(p) => <Textarea rows={5} {...p} {...register('objectives')} />}
        </Field>
        <Field id="activities" counter={counter('activities', 'activities')} label={t('fields.activities')} error={errorOf('activities')} required>
          {(p) => <Textarea rows={6} {...p} {...register('activities')} />}
        </Field>
      </div>
    ),
    reach: (
      <div className="space-y-4">
        <Field id="targetPopulation" counter={counter('targetPopulation', 'targetPopulation')} label={t('fields.targetPopulation')} hint={t('targetPopulationHint')} error={errorOf('targetPopulation')} required>
          {(p) => <Textarea rows={5} {...p} {...register('targetPopulation')} />}
        </Field>
        <Field id="peopleToReach" label={t('fields.peopleToReach')} error={errorOf('peopleToReach')} required className="max-w-xs">
          {(p) => <Input type="number" inputMode="numeric" min={1} step={1} {...p} {...register('peopleToReach', { setValueAs: toNumberOrNull })} />}
        </Field>
      </div>
    ),
    partners: (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t('partnersIntro')}</p>
        <LocalPartnersFields control={control} register={register} errorOf={errorOf} counter={counter} idPrefix="lp" empty={t('noPartners')} />
      </div>
    ),
    risks: (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t('risksIntro')}</p>
        {risks.fields.map((row, i) => (
          <div key={row.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <Field id={`risk-${i}`} counter={counter(`risks.${i}.risk`, `risk-${i}`)} label={t('riskLabel', { n: i + 1 })} error={errorOf(`risks.${i}.risk`)} required>
              {(p) => <Textarea rows={2} {...p} {...register(`risks.${i}.risk`)} />}
            </Field>
            <Field id={`mitigation-${i}`} counter={counter(`risks.${i}.mitigation`, `mitigation-${i}`)} label={t('mitigationLabel', { n: i + 1 })} error={errorOf(`risks.${i}.mitigation`)} required>
              {(p) => <Textarea rows={2} {...p} {...register(`risks.${i}.mitigation`)} />}
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
              <Field id={`line-${i}-label`} counter={counter(`budgetLines.${i}.label`, `line-${i}-label`)} label={t('lineLabel', { n: i + 1 })} error={errorOf(`budgetLines.${i}.label`)} required>
                {(p) => <Input {...p} {...register(`budgetLines.${i}.label`)} />}
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
            {typeof values.requestedAmount === 'number' && Number.isFinite(values.requestedAmount)
              ? t('linesTotal', { total: money(format, linesTotal, rules.currency), requested: money(format, values.requestedAmount, rules.currency) })
              : t('linesTotalNothingRequested', { total: money(format, linesTotal, rules.currency) })}
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
        {submitError && declarationMissing && (
          <Link href="/organisation#declaration" className="inline-block font-medium text-brand-700 underline">
            {t('signDeclaration')}
          </Link>
        )}
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
            const optional = s !== 'review' && stepIsOptional(s, rules) && issues[s].length === 0;
            const done = s !== 'review' && !optional && issues[s].length === 0;
            return (
              <li key={s}>
                <button
                  type="button"
                  onClick={() => goTo(s)}
                  aria-current={s === step ? 'step' : undefined}
                  data-testid={`step-${s}`}
                  data-complete={s === 'review' ? undefined : optional ? 'optional' : String(done)}
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
                    {s !== 'review' && <span className="sr-only"> ({optional ? t('stepOptional') : done ? t('stepComplete') : t('stepIncomplete')})</span>}
                    {optional && (
                      <span aria-hidden className="ms-1 text-xs font-normal text-slate-500">
                        ({t('optional')})
                      </span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <p className="mt-2 px-2 text-xs text-slate-600 lg:mt-4 lg:px-3" data-testid="progress-count">
          {t('progressCount', { done: requiredDone, total: requiredSteps.length })}
        </p>
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
            else {
              // Saved as a draft whatever it holds; what the step still lacks is said at once.
              const left = { step, issues: issues[step] };
              goTo(applicationStepOrder[index + 1]);
              setVisited((v) => new Set(v).add(left.step));
              if (left.issues.length) setLacking(left);
            }
          }}
          className="space-y-6"
        >
          <h2 id="step-heading" ref={heading} tabIndex={-1} className="outline-none">
            {t('stepHeading', { n: index + 1, total: applicationStepOrder.length, step: t(`steps.${step}`) })}
          </h2>
          {lacking && (
            <Alert tone="warning" data-testid="step-lacks">
              <p className="font-medium">{t('stepLacks', { step: t(`steps.${lacking.step}`) })}</p>
              <ul className="mt-2 list-disc space-y-1 ps-6">
                {[...new Map(lacking.issues.map((i) => [i.path, i])).values()].map((i) => (
                  <li key={i.path}>
                    {labelOf(i.path)}: {translateIssue(tv as never, i.message)}
                  </li>
                ))}
              </ul>
              <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={() => goTo(lacking.step)}>
                {t('backToStep', { step: t(`steps.${lacking.step}`) })}
              </Button>
            </Alert>
          )}
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
