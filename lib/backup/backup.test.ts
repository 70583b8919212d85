import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, db, prepareDatabase, rowsOf } from '@/db';
import { DatabaseLockedError } from '@/db/lock';
import { applicationFiles, applications, documentSlots, organisationDocuments, organisations } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { backupKindOf, backupPglite, backupPostgres, fingerprint, restorePglite, restorePostgres, type Fingerprint } from '.';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eoi-backup-test-'));
const originalEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };

afterAll(async () => {
  await closeDatabase();
  Object.assign(process.env, originalEnv);
  if (!originalEnv.DATABASE_URL) delete process.env.DATABASE_URL;
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The demo data plus stored files with every byte value, in the database `db` points at now. */
async function demoWithFiles() {
  await prepareDatabase();
  await seedDemo();
  const [app] = await db.select().from(applications).limit(1);
  const [slot] = await db.select().from(documentSlots).where(eq(documentSlots.callId, app.callId)).limit(1);
  const [org] = await db.select().from(organisations).limit(1);
  const bytes = [crypto.randomBytes(70_000), Buffer.from(Array.from({ length: 256 }, (_, i) => i))];
  await db.delete(applicationFiles).where(sql`${applicationFiles.applicationId} = ${app.id} and ${applicationFiles.slotId} = ${slot.id}`);
  await db.insert(applicationFiles).values({
    applicationId: app.id,
    slotId: slot.id,
    fileName: 'budget.pdf',
    contentType: 'application/pdf',
    size: bytes[0].length,
    sha256: crypto.createHash('sha256').update(bytes[0]).digest('hex'),
    content: bytes[0],
  });
  await db.insert(organisationDocuments).values({
    organisationId: org.id,
    kind: 'registration_certificate',
    fileName: 'registration.png',
    contentType: 'image/png',
    size: bytes[1].length,
    sha256: crypto.createHash('sha256').update(bytes[1]).digest('hex'),
    content: bytes[1],
  });
  return bytes.map((b) => crypto.createHash('sha256').update(b).digest('hex'));
}

function expectSameData(after: Fingerprint, before: Fingerprint, expectedHashes: string[]) {
  expect(after.tables).toEqual(before.tables);
  expect(after.files).toEqual(before.files);
  // The demo is really there: users, calls, applications, reviews, audit rows, migrations.
  for (const table of ['public.users', 'public.calls', 'public.applications', 'public.reviews', 'public.audit_log', 'drizzle.__drizzle_migrations']) {
    expect(before.tables[table], table).toBeGreaterThan(0);
  }
  // And the hashes the database computes are those of the bytes we stored.
  expect(Object.values(after.files)).toEqual(expect.arrayContaining(expectedHashes));
}

describe('db:backup and db:restore', () => {
  it('the embedded database: PGlite\'s dump round-trips every row and every file, under the data directory\'s lock', async () => {
    const source = path.join(tmp, 'pglite-source');
    await closeDatabase();
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = source;
    const hashes = await demoWithFiles();

    const before = await fingerprint(async (text) => rowsOf<Record<string, unknown>>(await db.execute(sql.raw(text))));

    // While the app holds the database, a backup is refused.
    const file = path.join(tmp, 'backup.pglite.tar.gz');
    await expect(backupPglite(source, file)).rejects.toBeInstanceOf(DatabaseLockedError);
    await closeDatabase();

    await backupPglite(source, file);
    expect(backupKindOf(file)).toBe('pglite');
    const read = async (dir: string) => {
      const pg = new PGlite(dir);
      try {
        return await fingerprint(async (text) => (await pg.query<Record<string, unknown>>(text)).rows);
      } finally {
        await pg.close();
      }
    };

    // Restored over an existing directory: the old one is kept aside.
    const target = path.join(tmp, 'pglite-target');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'old-file'), 'x');
    const { previous } = await restorePglite(file, target);
    expect(previous && fs.existsSync(path.join(previous, 'old-file'))).toBe(true);
    expectSameData(await read(target), before, hashes);
  }, 180_000);

  it.skipIf(!originalEnv.DATABASE_URL)('PostgreSQL: pg_dump and pg_restore round-trip every row and every file', async () => {
    const base = new URL(originalEnv.DATABASE_URL!);
    const admin = postgres(originalEnv.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const suffix = `${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
    const names = [`eoi_backup_src_${suffix}`, `eoi_backup_dst_${suffix}`];
    const urlOf = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    try {
      for (const name of names) await admin.unsafe(`create database ${name}`);
      await closeDatabase();
      process.env.DATABASE_URL = urlOf(names[0]);
      const hashes = await demoWithFiles();
      await closeDatabase();

      const file = path.join(tmp, 'backup.pgdump');
      backupPostgres(urlOf(names[0]), file);
      expect(backupKindOf(file)).toBe('postgres');
      restorePostgres(file, urlOf(names[1]));
      // A second restore over the restored data replaces it (--clean), and still matches.
      restorePostgres(file, urlOf(names[1]));

      const read = async (url: string) => {
        const client = postgres(url, { max: 1, onnotice: () => {} });
        try {
          return await fingerprint((text) => client.unsafe(text) as unknown as Promise<Record<string, unknown>[]>);
        } finally {
          await client.end();
        }
      };
      expectSameData(await read(urlOf(names[1])), await read(urlOf(names[0])), hashes);
    } finally {
      for (const name of names) await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    }
  }, 180_000);

  it('a file that is not a backup is refused with a message', () => {
    const file = path.join(tmp, 'not-a-backup.txt');
    fs.writeFileSync(file, 'hello');
    expect(() => backupKindOf(file)).toThrow(/not a backup made by db:backup/);
  });
});
