// @ts-check
/**
 * Cache invalidation shared by every instance (next.config.ts: `cacheHandlers.default`).
 *
 * Each instance keeps its `'use cache'` entries and its rendered public pages in its own
 * memory (Next's default handler, an LRU). What must be shared is only the news that a tag
 * is out of date: an `updateTag()` / `revalidateTag()` in an action on one instance must
 * make the entries with that tag invalid on all of them. This handler wraps the default
 * one and:
 *
 * - on `updateTags()` (called by Next for updateTag, revalidateTag and revalidatePath's
 *   implicit tags) applies the change locally, records it in `app_settings`
 *   (`cache-tag:<tag>` -> when it went stale / expired) and sends it with PostgreSQL's
 *   NOTIFY, in one transaction;
 * - LISTENs on the channel and applies what other instances send to this process's tag
 *   manifest, which Next's default handler reads for `'use cache'` entries and the
 *   incremental cache reads for whole rendered pages (ISR);
 * - on (re)connecting, reads the recorded tags once, so an instance that starts (or loses
 *   its connection) after an invalidation still knows about it, also for pages on disk.
 *
 * No database query is made while serving a visitor: `get`, `getExpiration` and
 * `refreshTags` only read memory. On the embedded database (PGlite, one process) and
 * during `next build` it is the default handler, unchanged.
 *
 * Plain JavaScript: Next loads a cache handler at run time from its file, unbundled.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';

export const CHANNEL = 'eoi_cache_tags';
export const KEY_PREFIX = 'cache-tag:';
/** NOTIFY payloads are limited to 8000 bytes: tags go out in batches below that. */
const MAX_PAYLOAD = 7000;

/**
 * @typedef {{ stale?: number, expired?: number }} TagState
 * @typedef {Map<string, TagState>} TagsManifest
 * @typedef {{ expire?: number }} Durations
 * @typedef {import('next/cache').CacheHandler} CacheHandler
 * @typedef {{ info: (msg: string) => void, warn: (msg: string) => void, error: (msg: string, error?: unknown) => void }} Log
 */

/** What Next's default handler and file-system cache do on updateTags, at a given time. */
export function tagStateAfter(/** @type {TagState | undefined} */ existing, /** @type {Durations | undefined} */ durations, /** @type {number} */ now) {
  if (durations) {
    /** @type {TagState} */
    const next = { ...existing, stale: now };
    if (durations.expire !== undefined) next.expired = now + durations.expire * 1000;
    return next;
  }
  return { ...existing, expired: now };
}

/** Keeps the later of each timestamp: a record read late never undoes a newer invalidation. */
export function mergeTagState(/** @type {TagState | undefined} */ a, /** @type {TagState} */ b) {
  /** @type {TagState} */
  const merged = { ...a };
  if (typeof b.stale === 'number') merged.stale = Math.max(a?.stale ?? 0, b.stale);
  if (typeof b.expired === 'number') merged.expired = Math.max(a?.expired ?? 0, b.expired);
  return merged;
}

/** Splits tags into NOTIFY-sized batches. */
function batches(/** @type {string[]} */ tags) {
  /** @type {string[][]} */
  const out = [];
  let current = /** @type {string[]} */ ([]);
  let size = 0;
  for (const tag of tags) {
    const cost = tag.length + 8;
    if (current.length && size + cost > MAX_PAYLOAD) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(tag);
    size += cost;
  }
  if (current.length) out.push(current);
  return out;
}

const consoleLog = {
  info: (/** @type {string} */ msg) => console.info(`[cache] ${msg}`),
  warn: (/** @type {string} */ msg) => console.warn(`[cache] ${msg}`),
  error: (/** @type {string} */ msg, /** @type {unknown} */ error) => console.error(`[cache] ${msg}`, error),
};

/**
 * @param {{
 *   inner: CacheHandler,
 *   manifest: TagsManifest,
 *   databaseUrl?: string,
 *   log?: Log,
 *   connect?: (url: string) => import('postgres').Sql,
 * }} options
 * @returns {CacheHandler & { ready: Promise<void>, close: () => Promise<void>, origin: string }}
 */
export function createSharedTagsHandler({ inner, manifest, databaseUrl, log = consoleLog, connect }) {
  const origin = randomUUID();
  if (!databaseUrl) {
    return Object.assign(Object.create(null), inner, {
      get: inner.get.bind(inner),
      set: inner.set.bind(inner),
      refreshTags: inner.refreshTags.bind(inner),
      getExpiration: inner.getExpiration.bind(inner),
      updateTags: inner.updateTags.bind(inner),
      ready: Promise.resolve(),
      close: async () => {},
      origin,
    });
  }

  const sql = connect ? connect(databaseUrl) : postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { application_name: 'eoi-cache-tags' } });

  /** Applies recorded states (absolute times) to this process's manifest. */
  function applyStates(/** @type {[string, TagState][]} */ states) {
    for (const [tag, state] of states) manifest.set(tag, mergeTagState(manifest.get(tag), state));
  }

  /** Reads every recorded invalidation: at start and after a lost connection, never per request. */
  async function catchUp() {
    // Records older than any cache entry could be are dropped (a tag per page path adds up).
    await sql`delete from app_settings where key like ${`${KEY_PREFIX}%`} and updated_at < now() - interval '30 days'`;
    const rows = await sql`select key, value from app_settings where key like ${`${KEY_PREFIX}%`}`;
    applyStates(rows.map((row) => [String(row.key).slice(KEY_PREFIX.length), /** @type {TagState} */ (row.value)]));
  }

  /** @type {() => void} */
  let caughtUp = () => {};
  const firstCatchUp = new Promise((resolve) => (caughtUp = () => resolve(undefined)));

  // Ready once listening and the recorded invalidations are applied.
  const ready = sql
    .listen(
      CHANNEL,
      (payload) => {
        try {
          const message = JSON.parse(payload);
          if (message.origin === origin || !Array.isArray(message.tags)) return;
          // Applied with this instance's clock: whatever it cached until now is out of date.
          const now = Date.now();
          applyStates(message.tags.map((/** @type {string} */ tag) => [tag, tagStateAfter(manifest.get(tag), message.durations ?? undefined, now)]));
        } catch (error) {
          log.error('a tag invalidation from another instance could not be read', error);
        }
      },
      // Called on every (re)connection of the listening connection.
      () =>
        catchUp()
          .catch((error) => log.error('reading recorded tag invalidations failed', error))
          .finally(caughtUp),
    )
    .then(() => firstCatchUp)
    .then(() => undefined)
    .catch((error) => {
      log.error('listening for tag invalidations failed; this instance only sees its own', error);
    });

  /** Records and broadcasts, retried a few times: the change itself is already committed. */
  async function publish(/** @type {string[]} */ tags, /** @type {Durations | undefined} */ durations) {
    const records = tags.map((tag) => ({ key: `${KEY_PREFIX}${tag}`, value: manifest.get(tag) ?? {} }));
    for (let attempt = 1; ; attempt++) {
      try {
        await sql.begin(async (tx) => {
          for (const { key, value } of records) {
            await tx`
              insert into app_settings (key, value, updated_at) values (${key}, ${tx.json(value)}, now())
              on conflict (key) do update set
                value = jsonb_strip_nulls(jsonb_build_object(
                  'stale', greatest((app_settings.value->>'stale')::bigint, (excluded.value->>'stale')::bigint),
                  'expired', greatest((app_settings.value->>'expired')::bigint, (excluded.value->>'expired')::bigint))),
                updated_at = now()`;
          }
          for (const batch of batches(tags)) {
            await tx`select pg_notify(${CHANNEL}, ${JSON.stringify({ origin, tags: batch, durations: durations ?? null })})`;
          }
        });
        return;
      } catch (error) {
        if (attempt >= 3) {
          log.error(`broadcasting the invalidation of ${tags.length} tag(s) failed; other instances keep them until they expire`, error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  return {
    origin,
    ready,
    get: (cacheKey, softTags) => inner.get(cacheKey, softTags),
    set: (cacheKey, pendingEntry) => inner.set(cacheKey, pendingEntry),
    // Other instances' invalidations arrive by LISTEN: nothing to fetch per request.
    refreshTags: () => inner.refreshTags(),
    getExpiration: (tags) => inner.getExpiration(tags),
    async updateTags(tags, durations) {
      await inner.updateTags(tags, durations);
      if (tags.length) await publish(tags, durations);
    },
    close: () => sql.end({ timeout: 2 }),
  };
}
