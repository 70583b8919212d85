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
// Idle keep-alive connections stay open longer than a proxy's or client's own idle timeout
// (nginx and most load balancers: 60 s). With Node's 5 s default, a client reusing a
// connection at the moment the server closes it gets ECONNRESET instead of an answer.
const keepAliveTimeout = process.env.KEEP_ALIVE_TIMEOUT_MS || '65000';
const server = spawn(process.execPath, [nextBin, 'start', '-p', port, '--keepAliveTimeout', keepAliveTimeout], { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });

// The server logs one JSON object a line (lib/log.ts); the few lines Next prints before
// our logger takes over (its banner) are wrapped the same way, so a log shipper reads
// every line alike.
function relay(stream, out, level) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (!line.trim()) continue;
      out.write(line.startsWith('{') ? `${line}\n` : `${JSON.stringify({ level, time: new Date().toISOString(), pid: server.pid, msg: line.trim() })}\n`);
    }
  });
}
relay(server.stdout, process.stdout, 'info');
relay(server.stderr, process.stderr, 'warn');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// 'close': after the pipes are drained, so no last line is lost.
server.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
