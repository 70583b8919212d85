'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { transitionCallAction } from '@/lib/actions/calls';

type Target = 'open' | 'in_review' | 'selection' | 'cancelled';

/** The buttons that move a call to its next phase, each confirmed first. */
export function CallPhaseControls({ callId, targets }: { callId: string; targets: Target[] }) {
  const t = useTranslations('callDashboard');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [confirm, confirmDialog] = useConfirm();

  const go = (to: Target) =>
    start(async () => {
      setError(null);
      const result = await transitionCallAction({ callId, to, reason: to === 'cancelled' ? reason : undefined });
      if (!result.ok) {
        setError({ message: result.error, details: Object.values(result.fieldErrors ?? {}).flat() });
        return;
      }
      setCancelling(false);
      router.refresh();
    });

  const forward = targets.filter((x): x is Exclude<Target, 'cancelled'> => x !== 'cancelled');
  return (
    <div className="space-y-3">
      {confirmDialog}
      <div aria-live="assertive">
        {error && (
          <Alert tone="error">
            <p>{error.message}</p>
            {error.details.length > 0 && (
              <ul className="mt-2 list-disc ps-5">
                {error.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {forward.map((to) => (
          <Button key={to} pending={pending} onClick={async () => (await confirm(t(`confirm.${to}`), { confirmLabel: t(`move.${to}`) })) && go(to)}>
            {t(`move.${to}`)}
          </Button>
        ))}
        {targets.includes('cancelled') && !cancelling && (
          <Button variant="danger" onClick={() => setCancelling(true)}>
            {t('move.cancelled')}
          </Button>
        )}
      </div>
      {cancelling && (
        <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
          <p className="text-sm text-red-900">{t('confirm.cancelled')}</p>
          <Field id="cancel-reason" label={t('cancelReason')} required>
            {(p) => <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} {...p} />}
          </Field>
          <div className="flex gap-2">
            <Button variant="danger" pending={pending} onClick={() => go('cancelled')}>
              {t('confirmCancel')}
            </Button>
            <Button variant="secondary" onClick={() => setCancelling(false)}>
              {t('keepCall')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
