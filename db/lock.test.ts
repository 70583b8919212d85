import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eoi-lock-')), 'pglite');
const script = path.join(process.cwd(), 'lib', 'test', 'open-database.ts');
const children: ChildProcess[] = [];

function openIn(mode: 'hold' | 'once') {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  // One process (node --import tsx), so that killing it really frees the lock.
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode], { env });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const opened = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('OPEN') && resolve());
    child.on('exit', () => reject(new Error(out)));
  });
  opened.catch(() => {});
  const exited = new Promise<{ code: number | null; out: string }>((resolve) => child.on('exit', (code) => resolve({ code, out })));
  return { child, opened, exited };
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe('the embedded database lock', () => {
  it('refuses a second process on the same data directory with a clear message, and recovers after a crash', async () => {
    const first = openIn('hold');
    await first.opened;

    const second = openIn('once');
    const refused = await second.exited;
    expect(refused.code).toBe(3);
    expect(refused.out).toContain(`The embedded database in ${dataDir} is already open in another process`);
    expect(refused.out).toContain(`(pid ${first.child.pid} on `);

    // A crashed holder (SIGKILL: no clean-up) leaves a stale lock that the next process takes over.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = openIn('once');
    expect((await third.exited).code).toBe(0);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  }, 180_000); // spawns Node processes that each start PGlite: minutes on a loaded CI machine
});
