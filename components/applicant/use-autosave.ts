'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { saveApplicationDraftAction } from '@/lib/actions/applications';
import type { ApplicationDraftValues } from '@/lib/validations/application';

export type SaveState =
  | { kind: 'saved'; at: Date }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** Someone else saved since this page read the draft: saving stops until a reload. */
  | { kind: 'conflict'; message: string }
  /** The request did not get through: kept in this browser, retried when back online. */
  | { kind: 'offline' }
  | { kind: 'error'; message: string; fieldErrors?: Record<string, string[]> };

type Backup = { baseVersion: number; typedAt: string; draft: ApplicationDraftValues };

const DEBOUNCE_MS = 1200;
const RETRY_MS = 10_000;

export function backupKey(applicationId: string) {
  return `eoi:application-draft:${applicationId}`;
}

export function readBackup(applicationId: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(applicationId));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

function writeBackup(applicationId: string, backup: Backup) {
  try {
    window.localStorage.setItem(backupKey(applicationId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server copy is all we have.
  }
}

export function clearBackup(applicationId: string) {
  try {
    window.localStorage.removeItem(backupKey(applicationId));
  } catch {
    // Nothing to clear.
  }
}

/**
 * Saves the draft by itself: a short while after the last change, at once when asked
 * (leaving a step, submitting), one request at a time, each naming the version it read.
 * Until a change is saved it is kept in localStorage, so a dropped connection or a closed
 * tab loses nothing; a refused stale save stops saving and says so (never overwrites).
 */
export function useAutosave({
  applicationId,
  version,
  savedAt,
  getDraft,
  enabled,
}: {
  applicationId: string;
  version: number;
  savedAt: Date;
  getDraft: () => ApplicationDraftValues;
  enabled: boolean;
}) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: savedAt });
  const versionRef = useRef(version);
  const savedJson = useRef<string | null>(null);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopped = useRef(!enabled);
  const getDraftRef = useRef(getDraft);
  // eslint-disable-next-line react-hooks/refs -- the latest callback, read only in callbacks
  getDraftRef.current = getDraft;

  // What the server holds when the page opens.
  if (savedJson.current === null) savedJson.current = JSON.stringify(getDraft());

  /** One save of what the form holds now; nothing to do if it is what the server has. */
  const run = useCallback(async (): Promise<boolean> => {
    if (stopped.current) return false;
    const draft = getDraftRef.current();
    const json = JSON.stringify(draft);
    if (json === savedJson.current) {
      setState((s) => (s.kind === 'saved' ? s : { kind: 'saved', at: new Date() }));
      clearBackup(applicationId);
      return true;
    }
    setState({ kind: 'saving' });
    try {
      const result = await saveApplicationDraftAction({ applicationId, version: versionRef.current, draft });
      if (result.ok) {
        versionRef.current = result.data.version;
        savedJson.current = json;
        // Typed on during the save: the debounce of that change saves it next.
        if (JSON.stringify(getDraftRef.current()) === json) {
          clearBackup(applicationId);
          setState({ kind: 'saved', at: new Date(result.data.savedAt) });
        } else {
          setState({ kind: 'dirty' });
        }
        return true;
      }
      if (result.fieldErrors?.version) {
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
  }, [applicationId]);

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

  /** Call on every change: keeps a copy in this browser and saves shortly. */
  const changed = useCallback(() => {
    writeBackup(applicationId, { baseVersion: versionRef.current, typedAt: new Date().toISOString(), draft: getDraftRef.current() });
    if (stopped.current) return;
    setState((s) => (s.kind === 'saving' || s.kind === 'offline' ? s : { kind: 'dirty' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS);
  }, [applicationId]);

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
  const unsaved = state.kind !== 'saved' && state.kind !== 'conflict';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { state, flush, changed, version: () => versionRef.current };
}
