// The `cacheHandlers.default` of next.config.ts: Next's own in-memory handler for this
// Next version, with tag invalidations shared by every instance through PostgreSQL
// (lib/cache/shared-tags.mjs). Local only on the embedded database and during the build.
import { createRequire } from 'node:module';
import { createSharedTagsHandler } from './shared-tags.mjs';

const require = createRequire(import.meta.url);
const { createDefaultCacheHandler } = require('next/dist/server/lib/cache-handlers/default.js');
// The tag manifest Next's default handler and its incremental cache (whole pages) both read.
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

const building = process.env.NEXT_PHASE === 'phase-production-build';
// CACHE_SHARED_TAGS=0: a single instance on PostgreSQL may do without the extra connection.
const shared = process.env.CACHE_SHARED_TAGS !== '0';

export default createSharedTagsHandler({
  // Next's default size for the in-memory cache (cacheMaxMemorySize): 50 MB.
  inner: createDefaultCacheHandler(50 * 1024 * 1024),
  manifest: tagsManifest,
  databaseUrl: building || !shared ? undefined : process.env.DATABASE_URL,
});
