'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { reopenReviewAction } from '@/lib/actions/reviews';

/** An admin reopens a submitted review, after confirming. */
export function ReopenReviewButton({ reviewId, reviewer }: { reviewId: string; reviewer: string }) {
  const t = useTranslations('ranking');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirm, confirmDialog] = useConfirm();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-1">
      {confirmDialog}
      <Button
        size="sm"
        variant="secondary"
        pending={pending}
        aria-label={t('reopenLabel', { reviewer })}
        onClick={async () => {
          if (!(await confirm(t('confirmReopen', { reviewer }), { confirmLabel: t('reopen') }))) return;
          start(async () => {
            const result = await reopenReviewAction({ reviewId });
            setMessage(result.ok ? { ok: true, text: t('reopened') } : { ok: false, text: result.error });
            if (result.ok) router.refresh();
          });
        }}
      >
        {t('reopen')}
      </Button>
      <p className={message?.ok ? 'text-xs text-green-800' : 'text-xs text-red-700'} aria-live="polite">
        {message?.text}
      </p>
    </div>
  );
}
