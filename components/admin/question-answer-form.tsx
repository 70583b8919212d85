'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { answerQuestionAction, dismissQuestionAction } from '@/lib/actions/calls';
import type { AnswerText, Translations } from '@/lib/calls/languages';
import { directionOf, type Locale } from '@/lib/i18n/config';
import { answerQuestionSchema } from '@/lib/validations/call';

/** Answer a question: reword it so it names nobody, write the answer, publish. */
export function QuestionAnswerForm({
  questionId,
  question,
  answer,
  pending: isPending,
  languages = [],
  translations = {},
}: {
  questionId: string;
  question: string;
  answer: string;
  pending: boolean;
  /** The call's languages besides its main one: the question and answer are published in each. */
  languages?: Locale[];
  translations?: Translations<AnswerText>;
}) {
  const t = useTranslations('questions');
  const tc = useTranslations('common');
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [dismissing, startDismiss] = useTransition();
  const [dismissError, setDismissError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(answerQuestionSchema, answerQuestionAction, {
    defaultValues: {
      questionId,
      publicQuestion: question,
      answer,
      translations: Object.fromEntries(languages.map((l) => [l, { question: translations[l]?.question ?? '', answer: translations[l]?.answer ?? '' }])),
    },
    onSuccess: (data) => {
      setDone(t('published', { count: data.notified }));
      router.refresh();
    },
  });
  return (
    // Named after its question: several answer forms on one page are several landmarks, each told apart.
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`${t('answerForm')}: ${question.slice(0, 80)}`}>
      {confirmDialog}
      <FormError message={formError ?? dismissError} />
      <Field id={`q-${questionId}-public`} label={t('publicWording')} hint={t('publicWordingHint')} error={errorOf('publicQuestion')} required>
        {(p) => <Textarea rows={2} {...p} {...form.register('publicQuestion')} />}
      </Field>
      <Field id={`q-${questionId}-answer`} label={t('answer')} error={errorOf('answer')} required>
        {(p) => <Textarea rows={4} {...p} {...form.register('answer')} />}
      </Field>
      {languages.map((l) => (
        <div key={l} className="space-y-3 border-s-4 border-slate-200 ps-3">
          <Field id={`q-${questionId}-${l}-question`} label={tc('inLanguage', { field: t('publicWording'), language: l })} error={errorOf(`translations.${l}.question`)}>
            {(p) => <Textarea rows={2} lang={l} dir={directionOf(l)} {...p} {...form.register(`translations.${l}.question`)} />}
          </Field>
          <Field id={`q-${questionId}-${l}-answer`} label={tc('inLanguage', { field: t('answer'), language: l })} error={errorOf(`translations.${l}.answer`)}>
            {(p) => <Textarea rows={4} lang={l} dir={directionOf(l)} {...p} {...form.register(`translations.${l}.answer`)} />}
          </Field>
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" pending={pending}>
          {isPending ? t('publish') : t('update')}
        </Button>
        {isPending && (
          <Button
            type="button"
            variant="ghost"
            pending={dismissing}
            onClick={async () => {
              if (!(await confirm(t('confirmDismiss'), { destructive: true, confirmLabel: t('dismiss') }))) return;
              startDismiss(async () => {
                const result = await dismissQuestionAction({ questionId });
                if (!result.ok) setDismissError(result.error);
                else router.refresh();
              });
            }}
          >
            {t('dismiss')}
          </Button>
        )}
        <span aria-live="polite" className="text-sm text-green-800">
          {done}
        </span>
      </div>
    </form>
  );
}
