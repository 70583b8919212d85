import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
      // `server-only` throws outside React Server Components; tests are server code too.
      { find: 'server-only', replacement: path.join(root, 'lib/test/empty-module.ts') },
    ],
  },
  test: {
    include: ['{lib,db,bench}/**/*.test.ts'],
    environment: 'node',
    // next-auth and next-intl import `next/server` without an extension; let Vite resolve it.
    server: { deps: { inline: ['next-auth', 'next-intl'] } },
    globalSetup: ['lib/test/global-setup.ts'],
    setupFiles: ['lib/test/setup.ts'],
    pool: 'forks',
    // Vitest's default is cores − 1: one worker on a 2-core machine, so files would run one
    // at a time. Most of a file's time is its database's start and migrations, not CPU-bound
    // test code, so two workers finish sooner even on 2 cores.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // In parallel on both databases: on PostgreSQL each worker has a database of its own
    // (lib/test/global-setup.ts), which its test files share one at a time.
    testTimeout: 30_000,
    // A fresh PGlite per file takes seconds, and much longer on a busy machine.
    hookTimeout: 180_000,
  },
});
