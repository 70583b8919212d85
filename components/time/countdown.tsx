'use client';

import { useTranslations } from 'next-intl';
import { useTickingClock } from './use-clock';
import { msUntilChange, timeLeft, urgency } from '@/lib/time/time-left';

/**
 * Time left until a deadline, by the viewer's clock, in the words of `lib/time/time-left`
 * (rounded down, in the unit that matters), on every page alike. It wakes exactly when
 * the words change: each minute in the last day, each second in the last minute. Renders
 * nothing on the server (it cannot know when the page is read, and public pages are cached).
 */
export function Countdown({ until }: { until: string }) {
  const t = useTranslations('common.timeLeft');
  const now = useTickingClock((current) => msUntilChange(until, current), until);
  if (now === null) return null;
  const left = timeLeft(until, now);
  const level = urgency(until, now);
  const text =
    left.unit === 'closed'
      ? t('closed')
      : left.unit === 'seconds'
        ? t('seconds', { seconds: left.seconds })
        : left.unit === 'minutes'
          ? t('minutes', { minutes: left.minutes })
          : left.unit === 'hours'
            ? t('hours', { hours: left.hours, minutes: left.minutes })
            : t('days', { days: left.days, hours: left.hours });
  return (
    <span
      className={level === 'imminent' ? 'font-semibold text-red-800' : level === 'soon' ? 'font-medium text-amber-800' : undefined}
      data-testid="countdown"
      data-urgency={level}
    >
      {text}
    </span>
  );
}
