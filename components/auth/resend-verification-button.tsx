'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { resendVerificationAction } from '@/lib/actions/account';

export function ResendVerificationButton({ email }: { email: string }) {
  const t = useTranslations('account');
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const resend = () =>
    start(async () => {
      const result = await resendVerificationAction({});
      setMessage(result.ok ? { tone: 'ok', text: t('verifyResent', { email }) } : { tone: 'error', text: result.error });
    });
  return (
    <>
      <Button size="sm" variant="secondary" onClick={resend} pending={pending}>
        {pending ? t('verifyResending') : t('verifyResend')}
      </Button>
      <span aria-live="polite" className={message?.tone === 'error' ? 'text-red-800' : 'text-green-800'}>
        {message?.text}
      </span>
    </>
  );
}
