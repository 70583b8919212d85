'use client';

import { useTranslations } from 'next-intl';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { joinOrganisationAction } from '@/lib/actions/organisations';
import { joinOrganisationSchema } from '@/lib/validations/organisation';

/** Joins with the mailed link: one button when signed in, or name and password to create the account first. */
export function JoinOrganisationForm({ token, email, createAccount }: { token: string; email: string; createAccount: boolean }) {
  const t = useTranslations('organisation');
  const ta = useTranslations('auth');
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(joinOrganisationSchema, joinOrganisationAction, {
    defaultValues: createAccount ? { token, name: '', password: '' } : { token },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('joinTitle')}>
      <FormError message={formError} />
      {createAccount && (
        <>
          <Field id="join-email" label={ta('email')}>
            {(p) => <Input type="email" value={email} readOnly {...p} />}
          </Field>
          <Field id="join-name" counter={counter('name', 'join-name')} label={ta('name')} error={errorOf('name')} required>
            {(p) => <Input autoComplete="name" {...p} {...form.register('name')} />}
          </Field>
          <Field id="join-password" label={ta('newPassword')} hint={ta('passwordHint')} error={errorOf('password')} required>
            {(p) => <Input type="password" autoComplete="new-password" {...p} {...form.register('password')} />}
          </Field>
        </>
      )}
      <Button type="submit" pending={pending}>
        {createAccount ? t('createAndJoin') : t('join')}
      </Button>
    </form>
  );
}
