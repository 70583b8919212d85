'use client';

import { Link } from '@/lib/i18n/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { signUpAction } from '@/lib/actions/auth';
import { signUpSchema } from '@/lib/validations/auth';

export function SignUpForm() {
  const t = useTranslations('auth');
  // The answer is the same whether or not the address already had an account: look for our mail, then sign in.
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(signUpSchema, signUpAction, {
    defaultValues: { name: '', email: '', password: '' },
    onSuccess: (data) => setDoneFor(data.email),
  });
  if (doneFor) {
    return (
      <div className="space-y-4" aria-live="polite">
        <h2>{t('signUpDoneTitle')}</h2>
        <Alert tone="success">{t('signUpDone', { email: doneFor })}</Alert>
        <Link href="/sign-in" className={buttonClass('primary', 'md', 'w-full')}>
          {t('signIn')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('signUpTitle')}>
      <FormError message={formError} />
      <Field id="name" counter={counter('name', 'name')} label={t('name')} error={errorOf('name')} required>
        {(p) => <Input autoComplete="name" {...p} {...form.register('name')} />}
      </Field>
      <Field id="email" label={t('email')} error={errorOf('email')} required>
        {(p) => <Input type="email" autoComplete="email" {...p} {...form.register('email')} />}
      </Field>
      <Field id="password" label={t('newPassword')} hint={t('passwordHint')} error={errorOf('password')} required>
        {(p) => <Input type="password" autoComplete="new-password" {...p} {...form.register('password')} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('signingUp') : t('signUp')}
      </Button>
    </form>
  );
}
