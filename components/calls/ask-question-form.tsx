'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { askQuestionAction } from '@/lib/actions/calls';
import { askQuestionSchema } from '@/lib/validations/call';

export function AskQuestionForm({ callId, onSent }: { callId: string; onSent?: () => void }) {
  const t = useTranslations('questions');
  const [sent, setSent] = useState(false);
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(askQuestionSchema, askQuestionAction, {
    defaultValues: { callId, question: '' },
    onSuccess: () => {
      setSent(true);
      form.reset({ callId, question: '' });
      onSent?.();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('askTitle')}>
      <FormError message={formError} />
      {sent && <Alert tone="success">{t('sent')}</Alert>}
      <Field id="question" counter={counter('question', 'question')} label={t('yourQuestion')} hint={t('askHint')} error={errorOf('question')} required>
        {(p) => <Textarea rows={3} {...p} {...form.register('question', { onChange: () => setSent(false) })} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t('ask')}
      </Button>
    </form>
  );
}
