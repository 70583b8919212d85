import crypto from 'node:crypto';
import postgres from 'postgres';

/**
 * On PostgreSQL, the integration tests get brand-new databases on the server DATABASE_URL
 * names (dropped at the end), so a run never touches real data and always starts clean:
 * one per test worker (lib/test/setup.ts makes it on first use), so test files run in
 * parallel as they do on PGlite, and files on one worker share its database one at a time.
 * Without DATABASE_URL each test file uses an in-memory PGlite (lib/test/setup.ts).
 */
export default async function setup() {
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const prefix = `eoi_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  process.env.EOI_TEST_DATABASE_BASE = base;
  process.env.EOI_TEST_DATABASE_PREFIX = prefix;
  return async () => {
    const sql = postgres(base, { max: 1, onnotice: () => {} });
    const made = await sql<{ datname: string }[]>`select datname from pg_database where datname like ${`${prefix}_w%`}`;
    for (const { datname } of made) await sql.unsafe(`drop database if exists ${datname} with (force)`);
    await sql.end();
  };
}
