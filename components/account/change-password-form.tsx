'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { changePasswordAction } from '@/lib/actions/account';
import { changePasswordSchema } from '@/lib/validations/account';

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const ta = useTranslations('auth');
  const [done, setDone] = useState<number | null>(null);
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(changePasswordSchema, changePasswordAction, {
    defaultValues: { currentPassword: '', newPassword: '' },
    onSuccess: (data) => {
      setDone(data.otherSessionsEnded);
      form.reset();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('changePasswordTitle')}>
      <FormError message={formError} />
      <div aria-live="polite">{done !== null && <Alert tone="success">{t('passwordChangedHere', { count: done })}</Alert>}</div>
      <Field id="currentPassword" label={t('currentPassword')} error={errorOf('currentPassword')} required>
        {(p) => <Input type="password" autoComplete="current-password" {...p} {...form.register('currentPassword')} />}
      </Field>
      <Field id="newPassword" label={t('newPassword')} hint={ta('passwordHint')} error={errorOf('newPassword')} required>
        {(p) => <Input type="password" autoComplete="new-password" {...p} {...form.register('newPassword')} />}
      </Field>
      <Button type="submit" pending={pending}>
        {pending ? t('changingPassword') : t('changePassword')}
      </Button>
    </form>
  );
}
