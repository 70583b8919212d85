'use client';

import { useTranslations } from 'next-intl';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { acceptInvitationAction } from '@/lib/actions/auth';
import { acceptInvitationSchema } from '@/lib/validations/auth';

export function AcceptInvitationForm({ token, email, name }: { token: string; email: string; name: string }) {
  const t = useTranslations('auth');
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(acceptInvitationSchema, acceptInvitationAction, {
    defaultValues: { token, name, password: '' },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('invitationTitle')}>
      <FormError message={formError} />
      <Field id="invite-email" label={t('email')}>
        {(p) => <Input type="email" value={email} readOnly autoComplete="username" {...p} />}
      </Field>
      <Field id="name" counter={counter('name', 'name')} label={t('name')} error={errorOf('name')} required>
        {(p) => <Input autoComplete="name" {...p} {...form.register('name')} />}
      </Field>
      <Field id="password" label={t('newPassword')} hint={t('passwordHint')} error={errorOf('password')} required>
        {(p) => <Input type="password" autoComplete="new-password" {...p} {...form.register('password')} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('accepting') : t('acceptInvitation')}
      </Button>
    </form>
  );
}
