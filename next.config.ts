import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/security/headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // The scale test (e2e/scale) builds into a folder of its own, so it never replaces the
  // build the end-to-end tests and `npm start` use; its types are checked by `npm test`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The build does not check types again: `npm test` starts with `tsc --noEmit` (npm run
  // typecheck), and the build's own pass cost half a minute of every first `npm start` and CI run.
  typescript: { ignoreBuildErrors: true, ...(process.env.NEXT_DIST_DIR ? { tsconfigPath: 'e2e/scale/tsconfig.build.json' } : {}) },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'highs'],
  // Public pages and data are cached and expired by tag ('use cache', cacheTag; see
  // lib/data/public.ts); what is per user renders per request or in small client islands.
  cacheComponents: true,
  // A page's first visit waits for its render, which is then cached (no fallback shells).
  partialPrefetching: false,
  // Next's page cache, minus a race between a render and a tag expiring (see the file).
  cacheHandler: path.join(process.cwd(), 'lib', 'cache', 'page-cache-handler.cjs'),
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    serverActions: { bodySizeLimit: '1mb' },
    // Cached pages live in memory only: a restart (or another database) never serves pages
    // rendered from other data, and each instance keeps its own, kept coherent by tag.
    isrFlushToDisk: false,
    // Integrity hashes on the script tags of every page, prerendered ones included (see lib/security/headers.ts).
    sri: { algorithm: 'sha256' },
  },
  // 'use cache' entries stay in each instance's memory; tag invalidations reach every
  // instance through PostgreSQL (lib/cache/shared-tags.mjs).
  cacheHandlers: { default: path.join(process.cwd(), 'lib', 'cache', 'handler.mjs') },
  poweredByHeader: false,
  async headers() {
    return [
      {
        // Every path but the mail preview, which sets its own policy (lib/security/headers.ts).
        source: '/:path((?!api/outbox/[^/]+/html$).*)',
        headers: securityHeaders(),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
