'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { requestPasswordResetAction } from '@/lib/actions/account';
import { forgotPasswordSchema } from '@/lib/validations/account';

export function ForgotPasswordForm() {
  const t = useTranslations('account');
  const ta = useTranslations('auth');
  const [done, setDone] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(forgotPasswordSchema, requestPasswordResetAction, {
    defaultValues: { email: '' },
    onSuccess: () => setDone(form.getValues('email').trim()),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('forgotTitle')}>
      <FormError message={formError} />
      <div aria-live="polite">{done && <Alert tone="success">{t('forgotDone', { email: done })}</Alert>}</div>
      <Field id="email" label={ta('email')} error={errorOf('email')} required>
        {(p) => <Input type="email" autoComplete="email" {...p} {...form.register('email')} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('forgotSending') : t('forgotSubmit')}
      </Button>
    </form>
  );
}
