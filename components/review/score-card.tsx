'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { AutosaveStatus, RestoreOffer } from '@/components/forms/autosave-status';
import { useTypedBeforeHydrationNoticed } from '@/components/forms/keep-typed';
import { useAutosave } from '@/components/forms/use-autosave';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import { saveReviewDraftAction, submitReviewAction } from '@/lib/actions/reviews';
import { reviewTotal } from '@/lib/scoring/totals';
import { recommendations, submitReviewSchema, type SaveReviewInput } from '@/lib/validations/review';
import { toNumberOrNull } from '@/components/forms/number';

export type ScoreCardCriterion = { id: string; name: string; guidance: string; weight: number; scaleMin: number; scaleMax: number };

type Values = {
  assignmentId: string;
  version: number;
  overallComment: string;
  recommendation: SaveReviewInput['recommendation'];
  scores: { criterionId: string; score: number | null; comment: string }[];
};

/** What a draft save sends (and this browser keeps until the server has it). */
type Draft = Omit<SaveReviewInput, 'assignmentId' | 'version'>;

const scoreOf = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

function draftOf(values: Values): Draft {
  return {
    overallComment: values.overallComment ?? '',
    recommendation: values.recommendation || null,
    scores: values.scores.map((s) => ({ criterionId: s.criterionId, score: scoreOf(s.score), comment: s.comment ?? '' })),
  };
}

/** A saved or kept draft as the form's values, one line per criterion in the call's order. */
function valuesOf(assignmentId: string, version: number, criteria: ScoreCardCriterion[], draft: Draft | null): Values {
  const line = (id: string) => draft?.scores.find((s) => s.criterionId === id);
  return {
    assignmentId,
    version,
    overallComment: draft?.overallComment ?? '',
    recommendation: draft?.recommendation ?? null,
    scores: criteria.map((c) => ({ criterionId: c.id, score: line(c.id)?.score ?? null, comment: line(c.id)?.comment ?? '' })),
  };
}

/**
 * The score card: one score (on its scale) and comment per criterion, an overall comment
 * and a recommendation. The draft saves itself a moment after each change (with the
 * version it was based on, so another tab's changes are never overwritten) and is kept in
 * this browser until saved (offline, a closed tab); submitting checks completeness and
 * locks the review.
 */
export function ScoreCard({
  assignmentId,
  criteria,
  initial,
  staleError,
}: {
  assignmentId: string;
  criteria: ScoreCardCriterion[];
  initial: { version: number; overallComment: string; recommendation: Values['recommendation']; scores: Record<string, { score: number; comment: string }> } | null;
  /** The refusal of a save based on an older version (the errors catalog's), which stops autosaving. */
  staleError: string;
}) {
  const t = useTranslations('review');
  const tc = useTranslations('common');
  const [confirm, confirmDialog] = useConfirm();
  const router = useRouter();
  const defaults = valuesOf(assignmentId, initial?.version ?? 0, criteria, {
    overallComment: initial?.overallComment ?? '',
    recommendation: initial?.recommendation ?? null,
    scores: Object.entries(initial?.scores ?? {}).map(([criterionId, s]) => ({ criterionId, ...s })),
  });

  const autosave = useRef<ReturnType<typeof useAutosave<Draft>> | null>(null);
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(
    submitReviewSchema,
    async (values) => {
      // What was typed is saved first: the submission then names the version it read.
      if (!(await autosave.current!.flush())) return undefined;
      const result = await submitReviewAction({ ...values, version: autosave.current!.version() });
      if (result.ok) autosave.current!.forget();
      return result;
    },
    { defaultValues: defaults as never, onSuccess: () => router.refresh() },
  );

  const saver = useAutosave<Draft>({
    storageKey: `eoi:review-draft:${assignmentId}`,
    version: defaults.version,
    savedAt: null,
    getValues: () => draftOf(form.getValues() as unknown as Values),
    save: async (draft, version) => {
      const result = await saveReviewDraftAction({ assignmentId, version, ...draft });
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (messages[0]) form.setError(field as never, { type: 'server', message: messages[0] });
        }
      }
      return result;
    },
    watch: form.watch,
    isStale: (result) => result.error === staleError,
  });
  useTypedBeforeHydrationNoticed(form);
  // eslint-disable-next-line react-hooks/refs -- read only in the submit callback
  autosave.current = saver;
  const save = saver.state;

  const scores = useWatch({ control: form.control, name: 'scores' as never }) as unknown as Values['scores'];
  const complete = scores.every((s) => typeof s.score === 'number' && !Number.isNaN(s.score));
  const total = complete ? reviewTotal(criteria, scores.map((s) => s.score as number)) : null;

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = await form.trigger();
    if (valid && !(await confirm(t('confirmSubmit'), { confirmLabel: t('submit') }))) return;
    void onSubmit();
  };

  return (
    <Card className="space-y-5">
      {confirmDialog}
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">{t('scoreCard')}</h2>
        <p className="text-sm text-slate-600">{t('scoreCardIntro')}</p>
      </div>
      {saver.offer && (
        <RestoreOffer
          offer={saver.offer}
          currentVersion={saver.version()}
          warning={t('restoreWarning')}
          onRestore={() => {
            form.reset(valuesOf(assignmentId, defaults.version, criteria, saver.offer!.draft) as never);
            saver.takeOffer();
          }}
          onDiscard={saver.discardOffer}
        />
      )}
      <form onSubmit={submit} className="space-y-5" aria-label={t('scoreCard')} noValidate>
        <FormError message={formError} />
        {criteria.map((c, i) => (
          <fieldset key={c.id} className="space-y-2 border-t border-slate-100 pt-4">
            <legend className="font-medium">
              {c.name} <span className="text-sm font-normal text-slate-600">· {t('criterionWeight', { weight: c.weight })}</span>
            </legend>
            {c.guidance && <p className="text-sm text-slate-600">{c.guidance}</p>}
            <Field id={`score-${c.id}`} label={t('score', { criterion: c.name })} hint={t('scoreRange', { min: c.scaleMin, max: c.scaleMax })} error={errorOf(`scores.${i}.score`)} required>
              {(props) => (
                <Select
                  {...props}
                  {...form.register(`scores.${i}.score` as never, { setValueAs: toNumberOrNull })}
                  className="w-40"
                >
                  <option value="">{t('noScore')}</option>
                  {Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, k) => c.scaleMin + k).map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id={`comment-${c.id}`} counter={counter(`scores.${i}.comment`, `comment-${c.id}`)} label={t('criterionComment', { criterion: c.name })} error={errorOf(`scores.${i}.comment`)}>
              {(props) => <Textarea {...props} {...form.register(`scores.${i}.comment` as never)} rows={2} />}
            </Field>
          </fieldset>
        ))}
        <div className="space-y-4 border-t border-slate-100 pt-4">
          <Field id="overall-comment" counter={counter('overallComment', 'overall-comment')} label={t('overallComment')} hint={t('overallCommentHint')} error={errorOf('overallComment')} required>
            {(props) => <Textarea {...props} {...form.register('overallComment' as never)} rows={4} />}
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">
              {t('recommendation')}
              <span aria-hidden className="ms-0.5 text-red-700">
                *
              </span>
            </legend>
            <div className="flex flex-wrap gap-4">
              {recommendations.map((r) => (
                <label key={r} className="flex items-center gap-2 text-sm">
                  <input type="radio" value={r} {...form.register('recommendation' as never)} className="size-4 accent-brand-600" />
                  {t(`recommendations.${r}`)}
                </label>
              ))}
            </div>
            <p className="text-sm text-red-700" aria-live="polite">
              {errorOf('recommendation')}
            </p>
          </fieldset>
        </div>
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="review-total">
          <span className="font-medium">{tc('label', { label: t('total') })} </span>
          {total !== null ? t('totalValue', { total: Math.round(total * 10) / 10 }) : t('totalIncomplete')}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={pending}>
            {t('submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => void saver.flush()} disabled={save.kind === 'saving' || save.kind === 'conflict'}>
            {t('saveNow')}
          </Button>
          <AutosaveStatus
            state={save}
            testId="save-state"
            withSeconds
            words={{
              idle: t('saveState.idle'),
              saved: (time) => t('saveState.saved', { time }),
              dirty: t('saveState.dirty'),
              saving: t('saveState.saving'),
              error: (error) => t('saveState.error', { error }),
            }}
          />
        </div>
      </form>
    </Card>
  );
}
