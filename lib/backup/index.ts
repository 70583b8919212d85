/**
 * Backup and restore of the whole database, uploaded files included (they are stored in
 * the database: application_files and organisation_documents).
 *
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --single-transaction`,
 *   the server's own tools (the newest installed, /usr/lib/postgresql/N/bin or the PATH).
 * - The embedded PGlite: PGlite's own dump of its data directory (`dumpDataDir`, a gzipped
 *   tarball), restored with `loadDataDir` into a fresh directory. PGlite is one process
 *   only, so both take the data directory's lock (db/lock.ts): while the app runs, they
 *   refuse with the message that says which process holds it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDirectory } from '@/db/lock';

export type BackupKind = 'postgres' | 'pglite';

/** Runs one SQL statement and returns its rows. */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

export type Fingerprint = {
  /** Every table of the application (and drizzle's migrations table) with its row count. */
  tables: Record<string, number>;
  /** Every stored file: table:id -> SHA-256 of its bytes, computed by the database. */
  files: Record<string, string>;
};

/** Row counts of every table and the SHA-256 of every stored file: equal before a backup and after its restore. */
export async function fingerprint(query: Query): Promise<Fingerprint> {
  const tables = await query(`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [schema, table] = String(name).split('.');
    const [row] = await query(`select count(*) as n from "${schema}"."${table}"`);
    counts[String(name)] = Number(row.n);
  }
  const files: Record<string, string> = {};
  for (const table of ['application_files', 'organisation_documents']) {
    if (!(`public.${table}` in counts)) continue;
    for (const row of await query(`select id::text as id, encode(sha256(content), 'hex') as sha from ${table} order by id`)) {
      files[`${table}:${row.id}`] = String(row.sha);
    }
  }
  return { tables: counts, files };
}

/** The newest PostgreSQL client tool installed: /usr/lib/postgresql/<n>/bin, else the PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(a) - Number(b));
    for (const v of versions.reverse()) {
      const candidate = path.join(root, v, 'bin', name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return name;
}

/** pg_dump's URL without a password in argv (it goes through PGPASSWORD instead). */
function connection(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function runWithEnv(tool: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.error) throw new Error(`${path.basename(tool)} could not run (${result.error.message}): install PostgreSQL's client tools (Debian: postgresql-client).`);
  if (result.status !== 0) throw new Error(`${path.basename(tool)} failed: ${result.stderr.trim()}`);
}

export function backupPostgres(databaseUrl: string, file: string) {
  const { url, env } = connection(databaseUrl);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  runWithEnv(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', url], env);
  // It holds password hashes and applicants' documents: readable by its owner only.
  fs.chmodSync(file, 0o600);
}

/**
 * Replaces the database's content with the backup's, in one transaction: on any error
 * nothing changes. Stop the app instances first (or restore into a new database).
 */
export function restorePostgres(file: string, databaseUrl: string) {
  const { url, env } = connection(databaseUrl);
  runWithEnv(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', url, file], env);
}

/** PGlite's own dump of a data directory, taken under the directory's lock. */
export async function backupPglite(dataDir: string, file: string) {
  if (!fs.existsSync(dataDir)) throw new Error(`There is no embedded database in ${dataDir} (PGLITE_DATA_DIR).`);
  const release = lockDataDirectory(dataDir);
  try {
    const pg = new PGlite(dataDir);
    try {
      // dumpDataDir does not wait for the database to open: without this it never settles.
      await pg.waitReady;
      const dump = await pg.dumpDataDir('gzip');
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a PGlite dump into `dataDir`, under its lock. An existing directory is kept
 * beside it (`<dir>.before-restore-<time>`) and only replaced once the restored copy opens.
 */
export async function restorePglite(file: string, dataDir: string): Promise<{ previous: string | null }> {
  const release = lockDataDirectory(dataDir);
  try {
    const staging = `${dataDir}.restoring-${Date.now()}`;
    fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
    const bytes = fs.readFileSync(file);
    const pg = new PGlite(staging, { loadDataDir: new Blob([bytes]) });
    try {
      await pg.query('select 1');
    } finally {
      await pg.close();
    }
    let previous: string | null = null;
    if (fs.existsSync(dataDir)) {
      previous = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dataDir, previous);
    }
    fs.renameSync(staging, dataDir);
    fs.chmodSync(dataDir, 0o700);
    return { previous };
  } finally {
    release();
  }
}

/** Which kind of backup a file holds, from its first bytes. */
export function backupKindOf(file: string): BackupKind {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(5);
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new Error(`${file} is not a backup made by db:backup (neither a pg_dump archive nor a PGlite dump).`);
}
