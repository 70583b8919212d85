// Next's own page cache (in memory, see next.config.ts), with one fix: a page rendered
// while one of its tags was being expired is not trusted.
//
// Next stamps a cached page with the time it was *stored*. A render that read the data just
// before an admin's change, and finished just after it, would be stored as newer than the
// change and served, stale, until its next expiry. So a page stored within a few seconds of
// the expiry of one of its tags is stamped as older than that expiry: the next request
// renders it again, from fresh data ('use cache' entries are stamped when they start, so
// the data itself never has this race).
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external');

/** Longer than any page render takes, even on a loaded machine. */
const RENDER_WINDOW_MS = 10_000;

class PageCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    await super.set(key, data, ctx);
    const tags = data && data.headers && data.headers['x-next-cache-tags'];
    if (typeof tags !== 'string') return;
    const now = performance.timeOrigin + performance.now();
    let earliest = Infinity;
    for (const tag of tags.split(',')) {
      const expired = tagsManifest.get(tag)?.expired;
      if (typeof expired === 'number' && expired <= now && expired > now - RENDER_WINDOW_MS) earliest = Math.min(earliest, expired);
    }
    const entry = earliest !== Infinity && FileSystemCache.memoryCache ? FileSystemCache.memoryCache.get(key) : undefined;
    if (entry) entry.lastModified = earliest - 1;
  }
}

module.exports = PageCacheHandler;
