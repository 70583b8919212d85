#!/usr/bin/env node
// Serves the app for the end-to-end tests on a database of their own, so they never touch
// the developer's data: a fresh embedded database in .data/e2e, or, when DATABASE_URL is
// set, a new throwaway database on that PostgreSQL server (dropped afterwards), with the
// demo data loaded.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
// As behind one reverse proxy: each test sends an X-Forwarded-For of its own (fixtures.ts),
// so the per-address limits of one test do not refuse another's. E2E_FIXTURES_SECRET
// (playwright.config.ts) opens the test-only fixtures route on the throwaway database made
// here, and only there (lib/e2e/guard.ts).
const env = { TRUSTED_PROXY: '1', ...process.env };
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const name = `eoi_e2e_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.SEED_DEMO = '1';
  env.AUTH_SECRET ??= crypto.randomBytes(33).toString('base64');
  env.AUTH_TRUST_HOST = 'true';
  console.log(`[e2e] PostgreSQL database ${name}`);
  cleanup = async () => {
    const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await sql.end();
  };
} else {
  const dir = path.join(root, '.data', 'e2e');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}.lock`, { force: true });
  fs.rmSync(`${dir}.auth-secret`, { force: true });
  env.PGLITE_DATA_DIR = dir;
}

const server = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'start.mjs')], { cwd: root, env, stdio: 'inherit' });
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
server.on('exit', async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
