'use client';

import { useTranslations } from 'next-intl';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { signInAction } from '@/lib/actions/auth';
import { signInSchema } from '@/lib/validations/auth';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('auth');
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(signInSchema, signInAction, {
    defaultValues: { email: '', password: '', callbackUrl },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('signInTitle')}>
      <FormError message={formError} />
      <Field id="email" label={t('email')} error={errorOf('email')} required>
        {(p) => <Input type="email" autoComplete="email" {...p} {...form.register('email')} />}
      </Field>
      <Field id="password" label={t('password')} error={errorOf('password')} required>
        {(p) => <Input type="password" autoComplete="current-password" {...p} {...form.register('password')} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
