import type { CacheHandler } from 'next/cache';
import type { Sql } from 'postgres';

export type TagState = { stale?: number; expired?: number };
export type TagsManifest = Map<string, TagState>;
export type Durations = { expire?: number };
export type Log = { info(msg: string): void; warn(msg: string): void; error(msg: string, error?: unknown): void };

export const CHANNEL: string;
export const KEY_PREFIX: string;
export function tagStateAfter(existing: TagState | undefined, durations: Durations | undefined, now: number): TagState;
export function mergeTagState(a: TagState | undefined, b: TagState): TagState;
export function createSharedTagsHandler(options: {
  inner: CacheHandler;
  manifest: TagsManifest;
  databaseUrl?: string;
  log?: Log;
  connect?: (url: string) => Sql;
}): CacheHandler & { ready: Promise<void>; close(): Promise<void>; origin: string };
