'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/actions/account';

/** Ends every session of the account, this one included; the action then sends the browser to sign in. */
export function SignOutEverywhereButton() {
  const t = useTranslations('account');
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        pending={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await signOutEverywhereAction({});
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {pending ? t('signingOutEverywhere') : t('signOutEverywhere')}
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
