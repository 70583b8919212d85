'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { retryFailedOutboxAction, retryOutboxMessageAction } from '@/lib/actions/mail';

type Message = { tone: 'error' | 'ok'; text: string } | null;

function Status({ message }: { message: Message }) {
  return (
    <p aria-live="polite" className={message?.tone === 'error' ? 'text-sm text-red-700' : 'text-sm text-green-800'}>
      {message?.text}
    </p>
  );
}

/** Puts one failed message back in the queue. */
export function RetryMessageButton({ id }: { id: string }) {
  const t = useTranslations('outbox');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const retry = () =>
    start(async () => {
      const result = await retryOutboxMessageAction({ id });
      setMessage(result.ok ? { tone: 'ok', text: t('retried') } : { tone: 'error', text: result.error });
      if (result.ok) router.refresh();
    });
  return (
    <div className="space-y-2">
      <Button onClick={retry} pending={pending}>
        {pending ? t('retrying') : t('retry')}
      </Button>
      <Status message={message} />
    </div>
  );
}

/** Puts every failed message back in the queue, after a confirmation. */
export function RetryAllFailedButton({ count }: { count: number }) {
  const t = useTranslations('outbox');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const [confirm, confirmDialog] = useConfirm();
  const retry = async () => {
    if (!(await confirm(t('confirmRetryAll', { count }), { confirmLabel: t('retryAll', { count }) }))) return;
    start(async () => {
      const result = await retryFailedOutboxAction({});
      setMessage(result.ok ? { tone: 'ok', text: t('retriedAll', { count: result.data.count }) } : { tone: 'error', text: result.error });
      if (result.ok) router.refresh();
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      {confirmDialog}
      <Button variant="secondary" onClick={retry} pending={pending}>
        {pending ? t('retrying') : t('retryAll', { count })}
      </Button>
      <Status message={message} />
    </div>
  );
}
