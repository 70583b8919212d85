'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { reloadViewer } from '@/components/layout/use-viewer';
import { Button } from '@/components/ui/button';
import { confirmEmailAction } from '@/lib/actions/account';
import { confirmEmailSchema } from '@/lib/validations/account';

/**
 * One button: a mail scanner that opens the link confirms nothing by itself. Once
 * confirmed, the page shows the thank-you (and the header loses its notice).
 */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const { onSubmit, formError, pending } = useActionForm(confirmEmailSchema, confirmEmailAction, {
    defaultValues: { token },
    onSuccess: () => {
      router.refresh();
      reloadViewer();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('verifyTitle')}>
      <FormError message={formError} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('verifying') : t('verifyButton')}
      </Button>
    </form>
  );
}
