import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * PGlite writes its files 0666 whatever the umask. The data folder must still be readable
 * by the server's user alone (0700), and the generated secret too (0600), even under a
 * permissive umask and for a folder an older version left open.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eoi-perm-'));
const script = path.join(process.cwd(), 'lib', 'test', 'open-database.ts');

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function openWithUmask000(dataDir: string): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, EOI_TEST_SECRET: '1' };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  const child = spawn('/bin/sh', ['-c', `umask 000 && exec "${process.execPath}" --import tsx "${script}" once`], { env });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('files on disk', () => {
  it('a new data folder is 0700 and the generated secret 0600, under umask 000', async () => {
    const dataDir = path.join(root, 'fresh', 'pglite');
    const { code, out } = await openWithUmask000(dataDir);
    expect(code, out).toBe(0);
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(`${dataDir}.auth-secret`).toString(8)).toBe('600');
    // PGlite's own files inside are world-writable: only the folder keeps others out.
    const inside = fs.readdirSync(dataDir).map((f) => path.join(dataDir, f));
    expect(inside.length).toBeGreaterThan(0);
  }, 180_000);

  it('a folder and a secret left open by an older version are closed at start-up', async () => {
    const dataDir = path.join(root, 'old', 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.chmodSync(dataDir, 0o777);
    fs.writeFileSync(`${dataDir}.auth-secret`, 'an-old-secret-value-of-enough-length-000');
    fs.chmodSync(`${dataDir}.auth-secret`, 0o644);
    const { code, out } = await openWithUmask000(dataDir);
    expect(code, out).toBe(0);
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(`${dataDir}.auth-secret`).toString(8)).toBe('600');
    expect(fs.readFileSync(`${dataDir}.auth-secret`, 'utf8')).toBe('an-old-secret-value-of-enough-length-000');
  }, 180_000);
});
