import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('agree with the schema: drizzle-kit finds nothing to generate', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'eoi-migrations-'));
    fs.cpSync(path.join(process.cwd(), 'db', 'migrations'), out, { recursive: true });
    const before = fs.readdirSync(out).sort();
    const output = execFileSync(process.execPath, [path.join(process.cwd(), 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', '--name', 'sync-check'], {
      // drizzle-kit expects a path relative to the project.
      env: { ...process.env, DRIZZLE_OUT: path.relative(process.cwd(), out) },
      encoding: 'utf8',
    });
    const after = fs.readdirSync(out).sort();
    fs.rmSync(out, { recursive: true, force: true });
    expect(after, `the schema changed without a migration; run \`npm run db:generate\`:\n${output}`).toEqual(before);
    expect(output).toContain('No schema changes');
  });
});
