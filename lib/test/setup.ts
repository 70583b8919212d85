import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, prepareDatabase } from '@/db';

if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR ??= 'memory://';
process.env.AUTH_SECRET ??= 'test-secret-not-for-production-use-000000';

/** This worker's own PostgreSQL database (lib/test/global-setup.ts), made on its first file. */
async function workerDatabase(base: string, prefix: string): Promise<string> {
  const name = `${prefix}_w${process.env.VITEST_POOL_ID ?? '1'}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const [found] = await admin<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${name}`;
  if (!found.n) await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

// Before the test file is imported: some read DATABASE_URL at the top.
const base = process.env.EOI_TEST_DATABASE_BASE;
const prefix = process.env.EOI_TEST_DATABASE_PREFIX;
if (base && prefix) process.env.DATABASE_URL = await workerDatabase(base, prefix);

beforeAll(async () => {
  await prepareDatabase();
});

afterAll(async () => {
  await closeDatabase();
});
