'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { inviteMemberAction } from '@/lib/actions/organisations';
import { inviteMemberSchema } from '@/lib/validations/organisation';

export function InviteMemberForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations('organisation');
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(inviteMemberSchema, inviteMemberAction, {
    defaultValues: { organisationId, email: '' },
    onSuccess: () => {
      setDone(t('invitationSent', { email: form.getValues('email') }));
      form.reset({ organisationId, email: '' });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('inviteTitle')}>
      <FormError message={formError} />
      {done && <Alert tone="success">{done}</Alert>}
      <div className="flex flex-wrap items-start gap-3">
        <Field id="invite-email" label={t('inviteEmail')} error={errorOf('email')} className="min-w-64 flex-1" required>
          {(p) => <Input type="email" autoComplete="off" {...p} {...form.register('email', { onChange: () => setDone(null) })} />}
        </Field>
        <Button type="submit" pending={pending} className="sm:mt-7">
          {t('invite')}
        </Button>
      </div>
    </form>
  );
}
