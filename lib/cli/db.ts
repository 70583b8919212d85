/**
 * `npm run db:backup [FILE]` and `npm run db:restore FILE`.
 *
 * With DATABASE_URL: pg_dump / pg_restore of that PostgreSQL database. Without it: PGlite's
 * own dump of the embedded database (PGLITE_DATA_DIR, default .data/pglite), which needs
 * the app stopped: the data directory's lock says so when it is not.
 *
 * Prints the tables, rows and files the backup holds (or the restored database now holds).
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { pgliteDataDir } from '@/db';
import { backupKindOf, backupPglite, backupPostgres, fingerprint, restorePglite, restorePostgres, type Fingerprint } from '@/lib/backup';

async function fingerprintOf(kind: 'postgres' | 'pglite', target: string): Promise<Fingerprint> {
  if (kind === 'postgres') {
    const sql = postgres(target, { max: 1, onnotice: () => {} });
    try {
      return await fingerprint((text) => sql.unsafe(text) as unknown as Promise<Record<string, unknown>[]>);
    } finally {
      await sql.end();
    }
  }
  const pg = new PGlite(target);
  try {
    return await fingerprint(async (text) => (await pg.query<Record<string, unknown>>(text)).rows);
  } finally {
    await pg.close();
  }
}

function describe(f: Fingerprint): string {
  const rows = Object.values(f.tables).reduce((a, b) => a + b, 0);
  return `${Object.keys(f.tables).length} tables, ${rows} rows, ${Object.keys(f.files).length} files`;
}

async function main() {
  const [command, fileArg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  const kind = url ? 'postgres' : 'pglite';
  const where = url ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${pgliteDataDir()}`;

  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.resolve(fileArg ?? path.join('.data', 'backups', `eoi-${stamp}.${kind === 'postgres' ? 'pgdump' : 'pglite.tar.gz'}`));
    if (kind === 'postgres') backupPostgres(url!, file);
    else await backupPglite(pgliteDataDir(), file);
    // What it holds, read back from the source (PGlite: after the lock was released).
    const summary = await fingerprintOf(kind, url ?? pgliteDataDir()).catch(() => null);
    console.log(`Backed up ${where} to ${file}${summary ? ` (${describe(summary)})` : ''}.`);
    return;
  }

  if (command === 'restore') {
    if (!fileArg) throw new Error('Usage: npm run db:restore FILE');
    const file = path.resolve(fileArg);
    const fileKind = backupKindOf(file);
    if (fileKind !== kind) {
      throw new Error(
        fileKind === 'postgres'
          ? `${file} is a PostgreSQL backup: set DATABASE_URL to the database to restore it into.`
          : `${file} is a backup of the embedded database: unset DATABASE_URL to restore it (into PGLITE_DATA_DIR).`,
      );
    }
    if (kind === 'postgres') {
      restorePostgres(file, url!);
    } else {
      const { previous } = await restorePglite(file, pgliteDataDir());
      if (previous) console.log(`The database it replaced is kept in ${previous}.`);
    }
    const summary = await fingerprintOf(kind, url ?? pgliteDataDir());
    console.log(`Restored ${file} into ${where} (${describe(summary)}).`);
    return;
  }

  throw new Error('Usage: npm run db:backup [FILE] | npm run db:restore FILE');
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  },
);
