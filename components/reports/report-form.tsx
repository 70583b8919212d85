'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { AutosaveStatus, RestoreOffer } from '@/components/forms/autosave-status';
import { FormError } from '@/components/forms/form-error';
import { toNumberOrNull } from '@/components/forms/number';
import { useAutosave } from '@/components/forms/use-autosave';
import { ReportFiles, type ReportFileForForm } from '@/components/reports/report-files';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { saveReportDraftAction, submitReportAction } from '@/lib/actions/reports';
import { useRouter } from '@/lib/i18n/navigation';
import { translateIssue } from '@/lib/validations/translate-issue';
import {
  activityStatusValues,
  ageGroupValues,
  populationGroupValues,
  reachTotal,
  reportIssues,
  sexValues,
  type ReportDraft,
} from '@/lib/validations/reports';

/** Where this browser keeps a report's unsaved draft. */
const backupKey = (awardId: string, periodId: string) => `eoi:report-draft:${awardId}:${periodId}`;

/** The form's values as the save sends them: plain JSON (an emptied number is null, never NaN). */
function cleanDraft(values: ReportDraft): ReportDraft {
  return {
    reach: values.reach.map((r) => ({ ...r, people: typeof r.people === 'number' && Number.isFinite(r.people) ? r.people : null })),
    activities: values.activities.map((a) => ({ ...a })),
    narrative: values.narrative,
  };
}

/**
 * A partner's report for one period: people reached as rows (country × sex × age group ×
 * population group), activities done against those proposed, a narrative. The draft saves
 * itself as the person types (components/forms/use-autosave.ts); submitting checks it all.
 */
export function ReportForm({
  awardId,
  periodId,
  applicationId,
  version,
  savedAt,
  initial,
  countries,
  files,
  fileRules,
}: {
  awardId: string;
  periodId: string;
  applicationId: string;
  /** 0 when no report was saved yet. */
  version: number;
  savedAt: string | null;
  initial: ReportDraft;
  /** The application's countries, with their names in the viewer's language. */
  countries: { code: string; name: string }[];
  files: ReportFileForForm[];
  fileRules: { maxSizeBytes: number; maxFiles: number; kinds: string[] };
}) {
  const t = useTranslations('reports');
  const tv = useTranslations('validation');
  const router = useRouter();
  const form = useForm<ReportDraft>({ defaultValues: initial });
  const reach = useFieldArray({ control: form.control, name: 'reach' });
  const activities = useFieldArray({ control: form.control, name: 'activities' });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string[]>>({});
  const submitOnce = useRef(false);

  const autosave = useAutosave<ReportDraft>({
    storageKey: backupKey(awardId, periodId),
    version,
    savedAt: savedAt ? new Date(savedAt) : null,
    getValues: () => cleanDraft(form.getValues()),
    save: (draft, base) => saveReportDraftAction({ awardId, periodId, version: base, draft }),
    watch: form.watch,
  });
  const watchedReach = useWatch({ control: form.control, name: 'reach' });
  const total = reachTotal(watchedReach ?? []);

  const serverErrors = autosave.state.kind === 'error' ? (autosave.state.fieldErrors ?? {}) : {};
  const errorOf = (path: string) => {
    const message = issues[path]?.[0] ?? serverErrors[path]?.[0];
    return message ? translateIssue(tv, message) : undefined;
  };

  const submit = async () => {
    if (submitOnce.current) return;
    setSubmitError(null);
    const draft = cleanDraft(form.getValues());
    const found = reportIssues(draft, countries.map((c) => c.code));
    setIssues(found);
    if (Object.keys(found).length) {
      setSubmitError(t('completeFirst'));
      return;
    }
    submitOnce.current = true;
    setSubmitting(true);
    try {
      const saved = await autosave.flush();
      if (!saved) {
        setSubmitError(t('saveBeforeSubmit'));
        return;
      }
      const result = await submitReportAction({ awardId, periodId, version: autosave.version() });
      if (result.ok) {
        autosave.forget();
        router.push(`/applications/${applicationId}/reports/${periodId}?submitted=1`);
        router.refresh();
        return;
      }
      setSubmitError(result.error);
      setIssues(result.fieldErrors ?? {});
    } catch {
      setSubmitError(t('submitOffline'));
    } finally {
      submitOnce.current = false;
      setSubmitting(false);
    }
  };

  const newRow = () => ({ country: countries[0]?.code ?? '', sex: 'female' as const, ageGroup: '25-59' as const, populationGroup: 'host_community' as const, people: null });

  return (
    <form
      noValidate
      className="space-y-8"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="flex flex-wrap items-start justify-end gap-3">
        <AutosaveStatus
          state={autosave.state}
          testId="report-save-status"
          words={{ saved: (time) => t('savedAt', { time }), dirty: t('unsaved'), saving: t('saving'), error: (error) => t('saveFailed', { error }) }}
        />
      </div>
      {autosave.offer && (
        <RestoreOffer
          offer={autosave.offer}
          currentVersion={autosave.version()}
          warning={t('restoreWarning')}
          onRestore={() => {
            form.reset(autosave.offer!.draft);
            autosave.takeOffer();
          }}
          onDiscard={autosave.discardOffer}
        />
      )}

      <section aria-labelledby="reach-heading" className="space-y-3">
        <h2 id="reach-heading">{t('reachTitle')}</h2>
        <p className="text-sm text-slate-600">{t('reachIntro')}</p>
        <ul className="space-y-3">
          {reach.fields.map((row, i) => (
            <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="reach-row">
              <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-start">
                <legend className="sr-only">{t('reachRow', { n: i + 1 })}</legend>
                <Field id={`reach-${i}-country`} label={t('country')} error={errorOf(`reach.${i}.country`)}>
                  {(p) => (
                    <Select {...p} {...form.register(`reach.${i}.country`)}>
                      {countries.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field id={`reach-${i}-sex`} label={t('sex')}>
                  {(p) => (
                    <Select {...p} {...form.register(`reach.${i}.sex`)}>
                      {sexValues.map((v) => (
                        <option key={v} value={v}>
                          {t(`sexes.${v}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field id={`reach-${i}-age`} label={t('ageGroup')}>
                  {(p) => (
                    <Select {...p} {...form.register(`reach.${i}.ageGroup`)}>
                      {ageGroupValues.map((v) => (
                        <option key={v} value={v}>
                          {t(`ageGroups.${v}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field id={`reach-${i}-group`} label={t('populationGroup')}>
                  {(p) => (
                    <Select {...p} {...form.register(`reach.${i}.populationGroup`)}>
                      {populationGroupValues.map((v) => (
                        <option key={v} value={v}>
                          {t(`populationGroups.${v}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field id={`reach-${i}-people`} label={t('people')} error={errorOf(`reach.${i}.people`)}>
                  {(p) => <Input type="number" inputMode="numeric" min={0} step={1} {...p} {...form.register(`reach.${i}.people`, { setValueAs: toNumberOrNull })} />}
                </Field>
                <Button type="button" variant="ghost" size="sm" className="lg:mt-7" onClick={() => reach.remove(i)} aria-label={t('removeRowNamed', { n: i + 1 })}>
                  {t('removeRow')}
                </Button>
              </fieldset>
            </li>
          ))}
        </ul>
        <p className="text-sm text-red-700" aria-live="polite">
          {errorOf('reach')}
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button type="button" variant="secondary" size="sm" onClick={() => reach.append(newRow())}>
            {t('addRow')}
          </Button>
          <p className="font-medium" data-testid="reach-total" aria-live="polite">
            {t('total', { total })}
          </p>
        </div>
      </section>

      <section aria-labelledby="activities-heading" className="space-y-3">
        <h2 id="activities-heading">{t('activitiesTitle')}</h2>
        <p className="text-sm text-slate-600">{t('activitiesIntro')}</p>
        <ul className="space-y-3">
          {activities.fields.map((row, i) => (
            <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="activity-row">
              <fieldset className="grid gap-3 lg:grid-cols-[1fr_1fr_12rem_auto] lg:items-start">
                <legend className="sr-only">{t('activityRow', { n: i + 1 })}</legend>
                <Field id={`activity-${i}-proposed`} label={t('proposed')}>
                  {(p) => <Textarea rows={2} {...p} {...form.register(`activities.${i}.proposed`)} />}
                </Field>
                <Field id={`activity-${i}-done`} label={t('done')} error={errorOf(`activities.${i}.done`)}>
                  {(p) => <Textarea rows={2} {...p} {...form.register(`activities.${i}.done`)} />}
                </Field>
                <Field id={`activity-${i}-status`} label={t('activityStatus')}>
                  {(p) => (
                    <Select {...p} {...form.register(`activities.${i}.status`)}>
                      {activityStatusValues.map((v) => (
                        <option key={v} value={v}>
                          {t(`activityStatuses.${v}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Button type="button" variant="ghost" size="sm" className="lg:mt-7" onClick={() => activities.remove(i)} aria-label={t('removeActivityNamed', { n: i + 1 })}>
                  {t('removeRow')}
                </Button>
              </fieldset>
            </li>
          ))}
        </ul>
        <Button type="button" variant="secondary" size="sm" onClick={() => activities.append({ proposed: '', done: '', status: 'added' })}>
          {t('addActivity')}
        </Button>
      </section>

      <section aria-labelledby="narrative-heading" className="space-y-3">
        <h2 id="narrative-heading">{t('narrativeTitle')}</h2>
        <Field id="narrative" label={t('narrative')} hint={t('narrativeHint')} error={errorOf('narrative')} required>
          {(p) => <Textarea rows={8} {...p} {...form.register('narrative')} />}
        </Field>
      </section>

      <ReportFiles awardId={awardId} periodId={periodId} initial={files} saved={autosave.version() > 0} rules={fileRules} />

      <div className="space-y-3 border-t border-slate-200 pt-4">
        <FormError message={submitError} />
        <Button type="submit" pending={submitting} disabled={autosave.state.kind === 'conflict'}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
