'use client';

import { useLinkStatus } from 'next/link';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * Whether a link's navigation is under way (clicked, its page not shown yet), for the one
 * progress bar at the top of the page (components/layout/navigation-progress.tsx). Private
 * pages render per request with no loading shell, so without it a click on a slow network
 * seemed to do nothing, and people click again.
 */
let pendingLinks = 0;
const listeners = new Set<() => void>();

function change(delta: number) {
  pendingLinks += delta;
  for (const listener of listeners) listener();
}

/** Inside each Link (intent-link.tsx): reports its pending state, renders nothing. */
export function ReportLinkPending() {
  const { pending } = useLinkStatus();
  useEffect(() => {
    if (!pending) return;
    change(1);
    return () => change(-1);
  }, [pending]);
  return null;
}

export function useNavigationPending(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pendingLinks > 0,
    () => false,
  );
}
