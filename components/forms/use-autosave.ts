'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/errors';

export type SaveState =
  /** Nothing typed since the page opened (and no save time to show). */
  | { kind: 'idle' }
  | { kind: 'saved'; at: Date }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** Someone else saved since this page read the record: saving stops until a reload. */
  | { kind: 'conflict'; message: string }
  /** The request did not get through: kept in this browser, retried when back online. */
  | { kind: 'offline' }
  | { kind: 'error'; message: string; fieldErrors?: Record<string, string[]> };

/** What this browser keeps until the server has it: the values and the version they were typed on. */
export type Backup<V> = { baseVersion: number; typedAt: string; draft: V };

/** One save: the values and the version they are based on; answers the new version. */
export type SaveFn<V> = (values: V, version: number) => Promise<ActionResult<{ version: number; savedAt: Date | string }>>;

const DEBOUNCE_MS = 1200;
const RETRY_MS = 10_000;

export function readBackup<V>(storageKey: string): Backup<V> | null {
  try {
    const raw = window.localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Backup<V>) : null;
  } catch {
    return null;
  }
}

function writeBackup<V>(storageKey: string, backup: Backup<V>) {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server copy is all we have.
  }
}

export function clearBackup(storageKey: string) {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    // Nothing to clear.
  }
}

/** A refused save whose record changed since the page read it (`version` in its field errors). */
const staleByDefault = (result: { error: string; fieldErrors?: Record<string, string[]> }) => !!result.fieldErrors?.version;

/**
 * Saves a form's draft by itself: a short while after the last change, at once when asked
 * (leaving a step, submitting), one request at a time, each naming the version it read.
 * Until a change is saved it is kept in localStorage, so a dropped connection or a closed
 * tab loses nothing (the copy is offered back when the page opens again: `offer`); a
 * refused stale save stops saving and says so (never overwrites).
 *
 * `watch` is the form's subscription (react-hook-form's `form.watch`); every change of
 * the form's values is a change to save.
 */
export function useAutosave<V>({
  storageKey,
  version,
  savedAt,
  getValues,
  save,
  watch,
  isStale = staleByDefault,
}: {
  /** Where this browser keeps the unsaved copy (one key per record). */
  storageKey: string;
  version: number;
  /** When the server last saved it, or null to say nothing until something is typed. */
  savedAt: Date | null;
  /** The values as the save sends them (plain JSON: no NaN). */
  getValues: () => V;
  save: SaveFn<V>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's watch
  watch: (callback: (...args: any[]) => void) => { unsubscribe: () => void };
  isStale?: (result: { error: string; fieldErrors?: Record<string, string[]> }) => boolean;
}) {
  const [state, setState] = useState<SaveState>(savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' });
  const [offer, setOffer] = useState<Backup<V> | null>(null);
  const versionRef = useRef(version);
  const savedJson = useRef<string | null>(null);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopped = useRef(false);
  const latest = useRef({ getValues, save, isStale });
  // eslint-disable-next-line react-hooks/refs -- the latest callbacks, read only in callbacks
  latest.current = { getValues, save, isStale };

  // What the server holds when the page opens.
  if (savedJson.current === null) savedJson.current = JSON.stringify(getValues());

  /** One save of what the form holds now; nothing to do if it is what the server has. */
  const run = useCallback(async (): Promise<boolean> => {
    if (stopped.current) return false;
    const values = latest.current.getValues();
    const json = JSON.stringify(values);
    if (json === savedJson.current) {
      setState((s) => (s.kind === 'saved' || s.kind === 'idle' ? s : { kind: 'saved', at: new Date() }));
      clearBackup(storageKey);
      return true;
    }
    setState({ kind: 'saving' });
    try {
      const result = await latest.current.save(values, versionRef.current);
      if (result.ok) {
        versionRef.current = result.data.version;
        savedJson.current = json;
        // Typed on during the save: the debounce of that change saves it next.
        if (JSON.stringify(latest.current.getValues()) === json) {
          clearBackup(storageKey);
          setState({ kind: 'saved', at: new Date(result.data.savedAt) });
        } else {
          setState({ kind: 'dirty' });
        }
        return true;
      }
      if (latest.current.isStale(result)) {
        stopped.current = true;
        setState({ kind: 'conflict', message: result.error });
      } else {
        setState({ kind: 'error', message: result.error, fieldErrors: result.fieldErrors });
      }
      return false;
    } catch {
      setState({ kind: 'offline' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
      return false;
    }
  }, [storageKey]);

  /**
   * Saves now. Saves run one after the other (each needs the version the previous one
   * returned); a save asked for while one is on its way runs right after it.
   */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    const next = chain.current.then(run, run);
    chain.current = next.catch(() => false);
    return next;
  }, [run]);
  const flushRef = useRef(flush);
  // eslint-disable-next-line react-hooks/refs, react-hooks/immutability -- the latest callback, read only in callbacks
  flushRef.current = flush;

  /** Every change: keeps a copy in this browser and saves shortly. */
  const changed = useCallback(() => {
    writeBackup(storageKey, { baseVersion: versionRef.current, typedAt: new Date().toISOString(), draft: latest.current.getValues() });
    if (stopped.current) return;
    // (The same state object while typing on: the form around it does not re-render per keystroke.)
    setState((s) => (s.kind === 'saving' || s.kind === 'offline' || s.kind === 'dirty' ? s : { kind: 'dirty' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS);
  }, [storageKey]);

  useEffect(() => {
    const subscription = watch(() => changed());
    return () => subscription.unsubscribe();
  }, [watch, changed]);

  // Input typed in this browser but never saved (offline, closed tab): offer it back.
  useEffect(() => {
    const backup = readBackup<V>(storageKey);
    if (!backup) return;
    if (JSON.stringify(backup.draft) === JSON.stringify(latest.current.getValues())) clearBackup(storageKey);
    else setOffer(backup);
  }, [storageKey]);

  useEffect(() => {
    const online = () => void flushRef.current();
    const hidden = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', hidden);
      clearTimeout(timer.current);
    };
  }, []);

  // Leaving with unsaved changes: the browser asks first (the copy in localStorage stays anyway).
  // (Not after a conflict: the page must reload, and the copy in this browser is offered back then.)
  const unsaved = state.kind !== 'saved' && state.kind !== 'idle' && state.kind !== 'conflict';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return {
    state,
    flush,
    changed,
    version: () => versionRef.current,
    /** A copy typed in this browser and never saved, offered back (null when there is none). */
    offer,
    /** The offered copy is taken: the caller has put it in the form; it is saved like any change. */
    takeOffer: () => {
      setOffer(null);
      changed();
    },
    /** The offered copy is thrown away. */
    discardOffer: () => {
      clearBackup(storageKey);
      setOffer(null);
    },
    /** Done with this record (submitted): the copy in this browser is no longer needed. */
    forget: () => clearBackup(storageKey),
  };
}
