/** Building the app, and starting and stopping the processes we measure. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from '../../lib/cli/build-state.mjs';
import { processTree } from './machine';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
export const nextBin = require.resolve('next/dist/bin/next');

/** `next build` unless the build in .next is current (or `force`). */
export function ensureBuild(force: boolean): { built: boolean; seconds: number } {
  if (!force && buildIsCurrent(root)) {
    console.log('[bench] the production build in .next is current: not rebuilding (--build forces it)');
    return { built: false, seconds: 0 };
  }
  console.log('[bench] next build …');
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('next build failed (see above)');
  return { built: true, seconds: (performance.now() - t0) / 1000 };
}

export type Running = {
  name: string;
  port: number;
  pid: number;
  logFile: string;
  stop: () => Promise<void>;
};

const running = new Set<Running>();

/** Stops whatever we started (on exit, error or Ctrl-C). */
export async function stopAll() {
  await Promise.all([...running].map((r) => r.stop()));
}

function lastLines(file: string, n = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/** A server left on the port (an earlier run, another app) would answer in place of ours, and be measured. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: stop what listens there, or pick another with --port`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv, port: number, logDir: string): { child: ChildProcess; running: Running } {
  const logFile = path.join(logDir, `${name}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const r: Running = {
    name,
    port,
    pid: child.pid!,
    logFile,
    stop: () => {
      stopping ??= (async () => {
        running.delete(r);
        if (child.exitCode !== null || child.signalCode !== null) return;
        const family = processTree(child.pid!).map((p) => p.pid);
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
        // Anything the process left behind (only processes we started, by id).
        for (const pid of family) {
          try {
            if (pid !== child.pid) process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      })();
      return stopping;
    },
  };
  running.add(r);
  return { child, running: r };
}

/** Polls until the URL answers 200; returns the time it answered, or throws if the process died or time ran out. */
async function waitFor200(url: string, child: ChildProcess, logFile: string, timeoutMs = 120_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited before answering ${url}:\n${lastLines(logFile)}`);
    }
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s:\n${lastLines(logFile)}`);
}

/** The route that answers 200 once the database does: readiness where the app has it (liveness does not touch the database). */
export const readyPath = fs.existsSync(path.join(root, 'app', 'api', 'health', 'ready', 'route.ts')) ? '/api/health/ready' : '/api/health';

export type Startup = {
  /** From spawning `next start` to the first 200 of `readyPath` (a database round trip). */
  healthMs: number;
  /** From spawning to the first 200 of / (requested as soon as `readyPath` answered). */
  homeMs: number;
};

/** `next start` on the production build, timed to its first 200s. */
export async function startNext(options: { port: number; env: NodeJS.ProcessEnv; logDir: string; name?: string; profileDir?: string | null }) {
  await assertPortFree(options.port);
  const t0 = performance.now();
  const { child, running: server } = start(
    options.name ?? 'next',
    // No -H: bound to one address, Next 16 answers every page through the proxy's rewrite with a 307.
    [...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir)}`] : []), nextBin, 'start', '-p', String(options.port)],
    { ...options.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    options.port,
    options.logDir,
  );
  const base = `http://127.0.0.1:${options.port}`;
  try {
    const health = await waitFor200(`${base}${readyPath}`, child, server.logFile);
    const home = await waitFor200(`${base}/`, child, server.logFile);
    const startup: Startup = { healthMs: health - t0, homeMs: home - t0 };
    return { server, startup };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The bare node:http + postgres.js server (bench/bare-server.ts). */
export async function startBare(options: { port: number; env: NodeJS.ProcessEnv; logDir: string }) {
  await assertPortFree(options.port);
  const { child, running: server } = start(
    'bare',
    ['--import', 'tsx', path.join(root, 'bench', 'bare-server.ts')],
    { ...options.env, PORT: String(options.port), NODE_ENV: 'production' },
    options.port,
    options.logDir,
  );
  try {
    await waitFor200(`http://127.0.0.1:${options.port}/health`, child, server.logFile, 60_000);
    return server;
  } catch (error) {
    await server.stop();
    throw error;
  }
}
