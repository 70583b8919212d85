'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * Time left until a deadline, by the viewer's clock, refreshed every minute. Renders
 * nothing on the server (it cannot know when the page is read).
 */
export function Countdown({ until }: { until: string }) {
  const t = useTranslations('common');
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the viewer's clock, read once hydrated
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  const left = new Date(until).getTime() - now;
  let text: string;
  if (left <= 0) text = t('closed');
  else if (left < 24 * 3600_000) text = t('hoursLeft', { hours: Math.max(1, Math.floor(left / 3600_000)) });
  else text = t('daysLeft', { days: Math.floor(left / (24 * 3600_000)) });
  return (
    <span className={left > 0 && left < 3 * 24 * 3600_000 ? 'font-medium text-amber-800' : undefined} data-testid="countdown">
      {text}
    </span>
  );
}
