'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useNavigationPending } from '@/lib/i18n/link-pending';

/** How long a navigation runs before a screen reader is told that the page is loading. */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * A thin bar across the top of the window while a clicked link's page is on its way (it
 * appears after 150 ms, so a quick navigation shows nothing), and "Loading…" for screen
 * readers when it takes longer than a second.
 */
export function NavigationProgress() {
  const t = useTranslations('common');
  const pending = useNavigationPending();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setSlow(true), ANNOUNCE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [pending]);
  return (
    <>
      {pending && (
        <div aria-hidden data-testid="navigation-progress" className="navigation-progress fixed inset-x-0 top-0 z-50 h-1 overflow-hidden">
          <div className="absolute inset-y-0 start-0 w-1/3 bg-brand-600" />
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {pending && slow ? t('loading') : ''}
      </p>
    </>
  );
}
