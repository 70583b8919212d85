'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useSyncExternalStore, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { Backup, SaveState } from './use-autosave';

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

/** How a form words its save states (the offline and stale-version states are said the same everywhere). */
export type SaveWords = {
  idle?: string;
  saved: (time: string) => string;
  dirty: string;
  saving: string;
  error: (message: string) => string;
};

/**
 * What the autosave is doing, read out politely; after a stale save, the refusal and a
 * button to reload. The save time is shown in the viewer's zone, once the browser says
 * which (the server does not know it).
 */
export function AutosaveStatus({ state, words, withSeconds = false, testId }: { state: SaveState; words: SaveWords; withSeconds?: boolean; testId: string }) {
  const t = useTranslations('autosave');
  const format = useFormatter();
  const zone = useSyncExternalStore(subscribe, browserZone, serverZone);
  let content: ReactNode = null;
  switch (state.kind) {
    case 'idle':
      content = words.idle ?? null;
      break;
    case 'saved':
      content = zone ? words.saved(format.dateTime(state.at, { hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}), timeZone: zone })) : null;
      break;
    case 'dirty':
      content = words.dirty;
      break;
    case 'saving':
      content = words.saving;
      break;
    case 'offline':
      content = <span className="text-amber-800">{t('offline')}</span>;
      break;
    case 'error':
      content = <span className="text-red-700">{words.error(state.message)}</span>;
      break;
    case 'conflict':
      content = null;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600" role="status" aria-live="polite" data-testid={testId}>
        {content}
      </p>
      {state.kind === 'conflict' && (
        <Alert tone="error">
          <p>{state.message}</p>
          <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={() => window.location.reload()}>
            {t('reload')}
          </Button>
        </Alert>
      )}
    </div>
  );
}

/**
 * A copy typed in this browser and never saved (offline, a closed tab), offered back.
 * `warning` says what restoring over a newer saved version replaces.
 */
export function RestoreOffer<V>({
  offer,
  currentVersion,
  warning,
  onRestore,
  onDiscard,
}: {
  offer: Backup<V>;
  currentVersion: number;
  warning: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const t = useTranslations('autosave');
  const format = useFormatter();
  return (
    <Alert tone="warning">
      <p>{t('restoreOffer', { time: format.dateTime(new Date(offer.typedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      {offer.baseVersion !== currentVersion && <p className="mt-1">{warning}</p>}
      <div className="mt-2 flex gap-2">
        <Button type="button" size="sm" onClick={onRestore}>
          {t('restore')}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onDiscard}>
          {t('discard')}
        </Button>
      </div>
    </Alert>
  );
}
