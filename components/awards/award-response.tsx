'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { respondToAwardAction } from '@/lib/actions/awards';
import { useRouter } from '@/lib/i18n/navigation';

/** Accept the award, or decline it with a reason; each confirmed first. */
export function AwardResponse({ awardId }: { awardId: string }) {
  const t = useTranslations('awards');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [confirm, confirmDialog] = useConfirm();

  const send = (input: { awardId: string; response: 'accept' } | { awardId: string; response: 'decline'; reason: string }) =>
    start(async () => {
      setError(null);
      setReasonError(undefined);
      const result = await respondToAwardAction(input);
      if (!result.ok) {
        setError(result.error);
        setReasonError(result.fieldErrors?.reason?.[0]);
        return;
      }
      router.refresh();
    });

  return (
    <div className="space-y-4" data-testid="award-response">
      {confirmDialog}
      <div aria-live="assertive">{error && <Alert tone="error">{error}</Alert>}</div>
      {!declining && (
        <div className="flex flex-wrap gap-2">
          <Button pending={pending} onClick={async () => (await confirm(t('confirmAccept'), { confirmLabel: t('accept') })) && send({ awardId, response: 'accept' })}>
            {t('accept')}
          </Button>
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            {t('decline')}
          </Button>
        </div>
      )}
      {declining && (
        <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
          <Field id="decline-reason" label={t('declineReason')} hint={t('declineHint')} error={reasonError} required>
            {(p) => <Textarea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} {...p} />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              pending={pending}
              onClick={async () => {
                // Said at once, before the confirmation; the server checks it again.
                if (!reason.trim()) return setReasonError(tv('required'));
                if (await confirm(t('confirmDecline'), { confirmLabel: t('confirmDeclineButton'), destructive: true })) send({ awardId, response: 'decline', reason });
              }}
            >
              {t('decline')}
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(false)}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
