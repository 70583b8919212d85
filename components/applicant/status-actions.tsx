'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { reopenApplicationAction, withdrawApplicationAction } from '@/lib/actions/applications';
import type { ApplicationStatus } from '@/db/schema/applications';

/** Withdraw (after a confirmation) or reopen a submitted application while the call is open. */
export function StatusActions({ applicationId, version, status }: { applicationId: string; version: number; status: ApplicationStatus }) {
  const t = useTranslations('applicationStatus');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [which, setWhich] = useState<'withdraw' | 'reopen' | null>(null);
  const [confirm, confirmDialog] = useConfirm();

  const withdraw = async () => {
    if (!(await confirm(t('confirmWithdraw'), { destructive: true, confirmLabel: t('withdraw') }))) return;
    setWhich('withdraw');
    start(async () => {
      setError(null);
      const result = await withdrawApplicationAction({ applicationId, version });
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  };
  const reopen = () => {
    setWhich('reopen');
    start(async () => {
      setError(null);
      const result = await reopenApplicationAction({ applicationId, version });
      if (result.ok) router.push(`/applications/${applicationId}/edit?step=review`);
      else setError(result.error);
    });
  };

  return (
    <div className="space-y-3">
      {confirmDialog}
      <FormError message={error} />
      <div className="flex flex-wrap gap-3">
        {(status === 'submitted' || status === 'withdrawn') && (
          <Button type="button" variant="secondary" onClick={reopen} pending={pending && which === 'reopen'} disabled={pending}>
            {status === 'withdrawn' ? t('reopenWithdrawn') : t('reopen')}
          </Button>
        )}
        {status === 'submitted' && (
          <Button type="button" variant="danger" onClick={withdraw} pending={pending && which === 'withdraw'} disabled={pending}>
            {t('withdraw')}
          </Button>
        )}
      </div>
      <p className="text-sm text-slate-600">{status === 'submitted' ? t('reopenHint') : t('reopenWithdrawnHint')}</p>
    </div>
  );
}
