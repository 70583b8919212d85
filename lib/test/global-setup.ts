import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { migrationsFolder } from '@/db';

/**
 * On PostgreSQL, the integration tests get brand-new databases on the server DATABASE_URL
 * names (dropped at the end), so a run never touches real data and always starts clean:
 * one per test worker (lib/test/setup.ts makes it on first use), so test files run in
 * parallel as they do on PGlite, and files on one worker share its database one at a time.
 * Without DATABASE_URL each test file uses an in-memory PGlite (lib/test/setup.ts).
 */
export default async function setup() {
  const base = process.env.DATABASE_URL;
  if (!base) return pgliteTemplate();
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

/**
 * Migrating a fresh in-memory PGlite takes seconds, once per test file. So it is done once
 * here, and the migrated database's files are dumped to a tar that each file's database
 * starts from (db/index.ts, EOI_TEST_PGLITE_TEMPLATE). The workers still run the migrator,
 * which finds nothing to do, or applies what the template lacks.
 */
async function pgliteTemplate() {
  const client = new PGlite('memory://');
  await migrate(drizzle({ client }), { migrationsFolder });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(os.tmpdir(), `eoi-test-pglite-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  process.env.EOI_TEST_PGLITE_TEMPLATE = file;
  return () => {
    delete process.env.EOI_TEST_PGLITE_TEMPLATE;
    fs.rmSync(file, { force: true });
  };
}
