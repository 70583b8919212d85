'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { answerQuestionAction, dismissQuestionAction } from '@/lib/actions/calls';
import { answerQuestionSchema } from '@/lib/validations/call';

/** Answer a question: reword it so it names nobody, write the answer, publish. */
export function QuestionAnswerForm({
  questionId,
  question,
  answer,
  pending: isPending,
}: {
  questionId: string;
  question: string;
  answer: string;
  pending: boolean;
}) {
  const t = useTranslations('questions');
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [dismissing, startDismiss] = useTransition();
  const [dismissError, setDismissError] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(answerQuestionSchema, answerQuestionAction, {
    defaultValues: { questionId, publicQuestion: question, answer },
    onSuccess: (data) => {
      setDone(t('published', { count: data.notified }));
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('answerForm')}>
      <FormError message={formError ?? dismissError} />
      <Field id={`q-${questionId}-public`} label={t('publicWording')} hint={t('publicWordingHint')} error={errorOf('publicQuestion')} required>
        {(p) => <Textarea rows={2} {...p} {...form.register('publicQuestion')} />}
      </Field>
      <Field id={`q-${questionId}-answer`} label={t('answer')} error={errorOf('answer')} required>
        {(p) => <Textarea rows={4} {...p} {...form.register('answer')} />}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" pending={pending}>
          {isPending ? t('publish') : t('update')}
        </Button>
        {isPending && (
          <Button
            type="button"
            variant="ghost"
            pending={dismissing}
            onClick={() =>
              window.confirm(t('confirmDismiss')) &&
              startDismiss(async () => {
                const result = await dismissQuestionAction({ questionId });
                if (!result.ok) setDismissError(result.error);
                else router.refresh();
              })
            }
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
