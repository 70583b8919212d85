'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { confirmEmailAction } from '@/lib/actions/account';
import { confirmEmailSchema } from '@/lib/validations/account';
import { useState } from 'react';

/** One button: a link scanner that opens the mailed link does not confirm anything by itself. */
export function ConfirmEmailForm({ token, continueTo }: { token: string; continueTo: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const { onSubmit, formError, pending } = useActionForm(confirmEmailSchema, confirmEmailAction, {
    defaultValues: { token },
    onSuccess: (data) => {
      setConfirmed(data.email);
      router.refresh();
    },
  });
  if (confirmed) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t('verified', { email: confirmed })}</Alert>
        <Link href={continueTo} className={buttonClass('primary', 'md', 'w-full')}>
          {t('continue')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('verifyTitle')}>
      <FormError message={formError} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('verifying') : t('verifyButton')}
      </Button>
    </form>
  );
}
