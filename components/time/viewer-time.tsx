'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { instantFormat } from '@/lib/i18n/formats';

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

/**
 * An instant in the viewer's own time zone. The server cannot know it, so this renders
 * after hydration (nothing on the server, no mismatch).
 */
export function ViewerTime({ iso, referenceZone }: { iso: string; referenceZone?: string }) {
  const format = useFormatter();
  const t = useTranslations('common');
  const zone = useSyncExternalStore(subscribe, browserZone, serverZone);
  if (!zone || zone === referenceZone) return null;
  return (
    <span className="text-slate-500" data-testid="viewer-time">
      {' · '}
      {format.dateTime(new Date(iso), instantFormat(zone, 'short'))}{' '}
      ({t('yourTime')})
    </span>
  );
}
