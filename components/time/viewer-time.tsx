'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { sameDay, sameWallClock } from '@/lib/time/time-left';

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

/**
 * An instant in the viewer's own time zone, written only when the viewer's clocks show
 * another time than the reference zone's at that instant (Paris and Berlin agree; Paris
 * and Tunis agree in winter only), and then without the date when it is the same day:
 * the deadline is written once. The server cannot know the zone, so this renders after
 * hydration (nothing on the server, no mismatch).
 */
export function ViewerTime({ iso, referenceZone }: { iso: string; referenceZone?: string }) {
  const format = useFormatter();
  const t = useTranslations('common');
  const zone = useSyncExternalStore(subscribe, browserZone, serverZone);
  if (!zone || (referenceZone && sameWallClock(iso, zone, referenceZone))) return null;
  const date = new Date(iso);
  const timeOnly = referenceZone && sameDay(iso, zone, referenceZone);
  return (
    <span className="text-slate-500" data-testid="viewer-time">
      {' · '}
      {format.dateTime(
        date,
        timeOnly
          ? { hour: '2-digit', minute: '2-digit', timeZone: zone, timeZoneName: 'short' }
          : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone, timeZoneName: 'short' },
      )}{' '}
      ({t('yourTime')})
    </span>
  );
}
