import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { CacheEntry, CacheHandler } from 'next/cache';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedTagsHandler, KEY_PREFIX, tagStateAfter, type TagsManifest } from './shared-tags.mjs';

const require = createRequire(import.meta.url);
const databaseUrl = process.env.DATABASE_URL;
const quiet = { info: () => {}, warn: () => {}, error: (msg: string, error?: unknown) => console.error(msg, error) };

/** An in-memory handler reading its own tag manifest, as Next's default reads the process's one. */
function memoryHandler(manifest: TagsManifest): CacheHandler {
  const entries = new Map<string, Omit<CacheEntry, 'value'> & { bytes: Uint8Array }>();
  return {
    async get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      let revalidate = e.revalidate;
      for (const tag of e.tags) {
        const { stale = 0, expired = 0 } = manifest.get(tag) ?? {};
        if (expired > e.timestamp && expired <= Date.now()) return undefined;
        if (stale > e.timestamp) revalidate = -1;
      }
      const { bytes, ...rest } = e;
      return { ...rest, revalidate, value: new Response(Buffer.from(bytes)).body! };
    },
    async set(key, pending) {
      const e = await pending;
      entries.set(key, { ...e, bytes: new Uint8Array(await new Response(e.value).arrayBuffer()) });
    },
    async refreshTags() {},
    async getExpiration(tags) {
      return Math.max(0, ...tags.map((t) => manifest.get(t)?.expired ?? 0));
    },
    async updateTags(tags, durations) {
      for (const tag of tags) manifest.set(tag, tagStateAfter(manifest.get(tag), durations, Date.now()));
    },
  };
}

/** An entry whose render began at `timestamp` (by default a moment ago). */
function entry(tags: string[], text = 'cached', timestamp = Date.now() - 5): Promise<CacheEntry> {
  return Promise.resolve({
    value: new Response(text).body!,
    tags,
    stale: 0,
    timestamp,
    expire: 3600,
    revalidate: 900,
  });
}

async function until(condition: () => Promise<boolean> | boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()));
});

/** An instance: its own memory, its own manifest, its own connection (queries counted). */
function instance() {
  const manifest: TagsManifest = new Map();
  const counter = { queries: 0 };
  const handler = createSharedTagsHandler({
    inner: memoryHandler(manifest),
    manifest,
    databaseUrl,
    log: quiet,
    connect: (url) => postgres(url, { max: 1, onnotice: () => {}, debug: () => void counter.queries++ }),
  });
  opened.push(handler);
  return { handler, manifest, counter };
}

const tag = (name: string) => `${name}-${crypto.randomBytes(4).toString('hex')}`;

describe('shared cache tags: the embedded database', () => {
  it('without PostgreSQL the handler is the in-memory one, local to the process', async () => {
    const manifest: TagsManifest = new Map();
    const handler = createSharedTagsHandler({ inner: memoryHandler(manifest), manifest, databaseUrl: undefined, log: quiet });
    const t = tag('call');
    await handler.set('k', entry([t]));
    expect(await handler.get('k', [])).toBeDefined();
    await handler.updateTags([t]);
    expect(await handler.get('k', [])).toBeUndefined();
  });
});

describe.skipIf(!databaseUrl)('shared cache tags across instances (PostgreSQL LISTEN/NOTIFY)', () => {
  it('a tag updated on one instance is expired on the other, which then misses the entries that carry it', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.handler.ready, b.handler.ready]);
    const t = tag('call');
    const other = tag('partners');
    await b.handler.set('page', entry([t]));
    await b.handler.set('unrelated', entry([other]));
    expect(await b.handler.get('page', [])).toBeDefined();

    await a.handler.updateTags([t]);
    expect(await until(async () => (await b.handler.getExpiration([t])) > 0)).toBe(true);
    expect(await b.handler.get('page', [])).toBeUndefined();
    expect(await b.handler.get('unrelated', [])).toBeDefined();
    // Entries made after the invalidation are served again (rendered from now: one begun
    // a moment ago, before the invalidation, is rightly expired).
    await b.handler.set('page', entry([t], 'fresh', Date.now()));
    const fresh = await b.handler.get('page', []);
    expect(fresh && (await new Response(fresh.value).text())).toBe('fresh');
  });

  it('revalidateTag with a profile marks entries stale on the other instance: served while they refresh', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.handler.ready, b.handler.ready]);
    const t = tag('calls-list');
    await b.handler.set('list', entry([t]));
    await a.handler.updateTags([t], { expire: 3600 });
    expect(await until(() => (b.manifest.get(t)?.stale ?? 0) > 0)).toBe(true);
    const served = await b.handler.get('list', []);
    expect(served?.revalidate).toBe(-1);
  });

  it('serving makes no database query: get, getExpiration and refreshTags read memory only', async () => {
    const b = instance();
    await b.handler.ready;
    const t = tag('call');
    await b.handler.set('page', entry([t]));
    expect(b.counter.queries).toBeGreaterThan(0);
    const before = b.counter.queries;
    for (let i = 0; i < 1000; i++) {
      await b.handler.refreshTags();
      await b.handler.get('page', [`_N_T_/calls/${i}`]);
      await b.handler.getExpiration([t, `_N_T_/calls/${i}`]);
    }
    expect(b.counter.queries).toBe(before);
  });

  it('an instance that starts after an invalidation reads it once at start, with its time', async () => {
    const a = instance();
    await a.handler.ready;
    const t = tag('call');
    const before = Date.now();
    await a.handler.updateTags([t]);
    const late = instance();
    await late.handler.ready;
    expect(await until(() => (late.manifest.get(t)?.expired ?? 0) >= before)).toBe(true);
    // Recorded in app_settings, merged with the later of each time.
    const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
    const [row] = await sql`select value from app_settings where key = ${KEY_PREFIX + t}`;
    await sql.end();
    expect(row.value.expired).toBeGreaterThanOrEqual(before);
  });

  it('wired to Next: a tag updated elsewhere expires entries of Next\'s own default handler in this process', async () => {
    const { createDefaultCacheHandler } = require('next/dist/server/lib/cache-handlers/default.js');
    const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');
    const next = createSharedTagsHandler({ inner: createDefaultCacheHandler(1024 * 1024), manifest: tagsManifest, databaseUrl, log: quiet });
    opened.push(next);
    const a = instance();
    await Promise.all([next.ready, a.handler.ready]);
    const t = tag('call');
    await next.set('page', entry([t]));
    expect(await next.get('page', [])).toBeDefined();
    await a.handler.updateTags([t]);
    expect(await until(() => tagsManifest.has(t))).toBe(true);
    expect(await next.get('page', [])).toBeUndefined();
  });
});
