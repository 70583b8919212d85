'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
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

type SaveState = { kind: 'idle' | 'dirty' | 'saving' | 'saved' | 'error'; at?: Date; error?: string };

const AUTOSAVE_DELAY_MS = 1200;

/**
 * The score card: one score (on its scale) and comment per criterion, an overall comment
 * and a recommendation. The draft saves itself a moment after each change (with the
 * version it was based on, so another tab's changes are never overwritten); submitting
 * checks completeness and locks the review.
 */
export function ScoreCard({
  assignmentId,
  criteria,
  initial,
}: {
  assignmentId: string;
  criteria: ScoreCardCriterion[];
  initial: { version: number; overallComment: string; recommendation: Values['recommendation']; scores: Record<string, { score: number; comment: string }> } | null;
}) {
  const t = useTranslations('review');
  const tc = useTranslations('common');
  const format = useFormatter();
  const [confirm, confirmDialog] = useConfirm();
  const router = useRouter();
  const defaults: Values = {
    assignmentId,
    version: initial?.version ?? 0,
    overallComment: initial?.overallComment ?? '',
    recommendation: initial?.recommendation ?? null,
    scores: criteria.map((c) => ({ criterionId: c.id, score: initial?.scores[c.id]?.score ?? null, comment: initial?.scores[c.id]?.comment ?? '' })),
  };
  const version = useRef(defaults.version);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(
    submitReviewSchema,
    async (values) => {
      if (timer.current) clearTimeout(timer.current);
      await inFlight.current;
      const result = await submitReviewAction({ ...values, version: version.current });
      if (result.ok) version.current = result.data.version;
      return result;
    },
    { defaultValues: defaults as never, onSuccess: () => router.refresh() },
  );

  const saveDraft = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await inFlight.current;
    const values = form.getValues() as unknown as Values;
    setSave({ kind: 'saving' });
    const run = (async () => {
      const result = await saveReviewDraftAction({
        assignmentId,
        version: version.current,
        overallComment: values.overallComment ?? '',
        recommendation: values.recommendation || null,
        scores: values.scores.map((s) => ({ criterionId: s.criterionId, score: typeof s.score === 'number' && !Number.isNaN(s.score) ? s.score : null, comment: s.comment ?? '' })),
      });
      if (result.ok) {
        version.current = result.data.version;
        setSave({ kind: 'saved', at: new Date(result.data.savedAt) });
      } else {
        setSave({ kind: 'error', error: result.error });
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (messages[0]) form.setError(field as never, { type: 'server', message: messages[0] });
        }
      }
    })();
    inFlight.current = run;
    await run;
  }, [assignmentId, form]);

  useEffect(() => {
    const subscription = form.watch(() => {
      setSave({ kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveDraft(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, saveDraft]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (save.kind === 'dirty' || save.kind === 'saving') event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [save.kind]);

  const scores = form.watch('scores') as Values['scores'];
  const complete = scores.every((s) => typeof s.score === 'number' && !Number.isNaN(s.score));
  const total = complete ? reviewTotal(criteria, scores.map((s) => s.score as number)) : null;

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = await form.trigger();
    if (valid && !(await confirm(t('confirmSubmit'), { confirmLabel: t('submit') }))) return;
    void onSubmit();
  };

  const saveText =
    save.kind === 'saved' && save.at
      ? t('saveState.saved', { time: format.dateTime(save.at, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
      : save.kind === 'error'
        ? t('saveState.error', { error: save.error ?? '' })
        : t(`saveState.${save.kind}`);

  return (
    <Card className="space-y-5">
      {confirmDialog}
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">{t('scoreCard')}</h2>
        <p className="text-sm text-slate-600">{t('scoreCardIntro')}</p>
      </div>
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
          <Button type="button" variant="secondary" onClick={() => void saveDraft()} disabled={save.kind === 'saving'}>
            {t('saveNow')}
          </Button>
          <p className={save.kind === 'error' ? 'text-sm text-red-700' : 'text-sm text-slate-600'} aria-live="polite" data-testid="save-state">
            {saveText}
          </p>
        </div>
      </form>
    </Card>
  );
}
