'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input, Select } from '@/components/ui/input';
import { inviteUserAction } from '@/lib/actions/users';
import { locales } from '@/lib/i18n/config';
import { inviteUserSchema, staffRoles } from '@/lib/validations/auth';

export function InviteUserForm() {
  const t = useTranslations('users');
  const tr = useTranslations('roles');
  const tl = useTranslations('locales');
  const locale = useLocale();
  const [done, setDone] = useState<string | null>(null);
  const blank = { email: '', name: '', roles: ['reviewer' as const], locale };
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(inviteUserSchema, inviteUserAction, {
    defaultValues: blank,
    onSuccess: () => {
      setDone(t('invited_success', { email: form.getValues('email') }));
      form.reset(blank);
    },
  });
  const rolesError = errorOf('roles');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('inviteTitle')}>
      <FormError message={formError} />
      {done && <Alert tone="success">{done}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="invite-email" label={t('inviteEmail')} error={errorOf('email')} required>
          {(p) => <Input type="email" autoComplete="off" {...p} {...form.register('email', { onChange: () => setDone(null) })} />}
        </Field>
        <Field id="invite-name" counter={counter('name', 'invite-name')} label={t('inviteName')} error={errorOf('name')}>
          {(p) => <Input autoComplete="off" {...p} {...form.register('name')} />}
        </Field>
        <Field id="invite-locale" label={t('inviteLocale')} error={errorOf('locale')}>
          {(p) => (
            <Select {...p} {...form.register('locale')}>
              {locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {tl(l)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset aria-describedby={rolesError ? 'invite-roles-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t('inviteRoles')}</legend>
        <div className="mt-2 flex gap-6">
          {staffRoles.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm">
              <Checkbox value={role} {...form.register('roles')} />
              {tr(role)}
            </label>
          ))}
        </div>
        <p id="invite-roles-error" className="text-sm text-red-700" aria-live="polite">
          {rolesError}
        </p>
      </fieldset>
      <Button type="submit" pending={pending}>
        {pending ? t('inviting') : t('invite')}
      </Button>
    </form>
  );
}
