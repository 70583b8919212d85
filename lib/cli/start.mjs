#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the source, then
// serves it. Migrations, demo data and the printed demo accounts come from the server's
// own start-up (instrumentation.ts), so this script never touches the database itself.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildIsCurrent } from './build-state.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (process.env.SKIP_BUILD !== '1' && !buildIsCurrent(root)) {
  console.log('[eoi] building the app (first start or changed source)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('[eoi] the build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
}

const port = process.env.PORT || '3000';
const server = spawn(process.execPath, [nextBin, 'start', '-p', port], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
