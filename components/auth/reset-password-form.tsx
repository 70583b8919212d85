'use client';

import { useTranslations } from 'next-intl';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { resetPasswordAction } from '@/lib/actions/account';
import { resetPasswordSchema } from '@/lib/validations/account';

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('account');
  const ta = useTranslations('auth');
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(resetPasswordSchema, resetPasswordAction, {
    defaultValues: { token, password: '' },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('resetTitle')}>
      <FormError message={formError} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <Field id="password" label={ta('newPassword')} hint={ta('passwordHint')} error={errorOf('password')} required>
        {(p) => <Input type="password" autoComplete="new-password" {...p} {...form.register('password')} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('resetSaving') : t('resetSubmit')}
      </Button>
    </form>
  );
}
