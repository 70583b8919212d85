'use client';

import { useEffect, useSyncExternalStore } from 'react';
import type { Role } from '@/db/schema/auth';

export type Viewer = { name: string | null; email: string; roles: Role[]; emailUnconfirmed: boolean };

/**
 * The signed-in user as the browser learns it from /api/me. Public pages are cached and the
 * same for everyone, so what is personal (the header's name, the call page's apply button)
 * is filled in here. `undefined` while not known yet, `null` for a visitor. One request
 * per page load, shared by every island; asked again after a navigation, since signing in
 * or out navigates.
 */
let current: Viewer | null | undefined;
let inFlight: Promise<void> | null = null;
/** Only the newest answer counts: an older request that returns late is ignored. */
let latest = 0;
const listeners = new Set<() => void>();

function publish(viewer: Viewer | null) {
  current = viewer;
  for (const listener of listeners) listener();
}

function load(fresh = false) {
  if (inFlight && !fresh) return inFlight;
  const request = ++latest;
  const pending = fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' })
    .then(async (response) => (response.ok ? ((await response.json()) as { viewer: Viewer | null }).viewer : null))
    .catch(() => null)
    .then((viewer) => {
      if (request === latest) publish(viewer);
    })
    .finally(() => {
      if (inFlight === pending) inFlight = null;
    });
  inFlight = pending;
  return pending;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (current === undefined) void load();
  return () => listeners.delete(listener);
}

export function useViewer(): Viewer | null | undefined {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => undefined,
  );
}

/** Asks again whenever `key` changes (the header passes the pathname). */
export function useViewerRefresh(key: string) {
  useEffect(() => {
    if (current !== undefined) void load(true);
  }, [key]);
}

/** After signing out: the header forgets the user. */
export function forgetViewer() {
  latest += 1;
  publish(null);
}

/** After a change to the account the header shows (an address confirmed): ask again. */
export function reloadViewer() {
  void load(true);
}
