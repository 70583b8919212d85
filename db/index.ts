import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDirectory } from './lock';
import { preparingEveryQuery } from './prepared';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: data functions accept both. */
export type Executor = Database | Transaction;
export type DatabaseKind = 'pglite' | 'postgres';

type Handle = {
  kind: DatabaseKind;
  db: Database;
  migrated?: Promise<void>;
  close: () => Promise<void>;
};

// Kept on globalThis so that `next dev` module reloads reuse the one open database.
const globalState = globalThis as unknown as { __eoiDatabase?: Handle };

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function databaseKind(): DatabaseKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/**
 * Where the embedded database lives. `next dev` and `next start` never share one, and
 * tests use their own (PGLITE_DATA_DIR, or `memory://` for a throwaway in-memory one).
 */
export function pgliteDataDir(): string {
  const configured = process.env.PGLITE_DATA_DIR;
  if (configured) return configured.startsWith('memory://') ? configured : path.resolve(configured);
  return path.join(process.cwd(), '.data', process.env.NODE_ENV === 'development' ? 'dev' : 'pglite');
}

/**
 * PGlite writes its files 0666 whatever the umask, so the folder itself is made 0700 (and
 * kept so on every start, for folders made by older versions): no other account on the
 * machine can enter it to read password hashes and applications or change scores.
 */
export function keepPrivate(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
}

/**
 * The unit tests' in-memory databases start from a copy of one already migrated
 * (lib/test/global-setup.ts names the file): migrating each from scratch takes seconds.
 * prepareDatabase() still runs the migrator on it. Anything else starts empty.
 */
function testTemplate(dataDir: string): Blob | undefined {
  const file = process.env.EOI_TEST_PGLITE_TEMPLATE;
  if (!file || !dataDir.startsWith('memory://')) return undefined;
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}

function open(): Handle {
  const options = { schema, casing: 'snake_case' as const };
  if (databaseKind() === 'postgres') {
    const client = postgres(process.env.DATABASE_URL!, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client: preparingEveryQuery(client), ...options }) as unknown as Database;
    return { kind: 'postgres', db, close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = pgliteDataDir();
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    keepPrivate(dataDir);
    release = lockDataDirectory(dataDir);
  }
  const client = new PGlite({ dataDir, loadDataDir: testTemplate(dataDir) });
  const db = drizzlePglite({ client, ...options }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    close: async () => {
      await client.close();
      release();
    },
  };
}

function handle(): Handle {
  globalState.__eoiDatabase ??= open();
  return globalState.__eoiDatabase;
}

/**
 * Set while an action's transaction runs (lib/actions/action.ts). PGlite is one
 * connection: a query on `db` inside a transaction would wait for that transaction
 * forever, so it fails at once instead, naming the mistake.
 */
export const transactionScope = new AsyncLocalStorage<true>();

/**
 * The one database. Opened on first use (never at build time); `prepareDatabase()` must
 * have run first, which the server does at start-up (instrumentation.ts).
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    if (transactionScope.getStore() && databaseKind() === 'pglite') {
      throw new Error('`db` used inside an action transaction: use ctx.tx (on PGlite this would deadlock).');
    }
    const real = handle().db;
    const value = Reflect.get(real, property, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
  // Lets drizzle's `is(db, PgDatabase)` check (made by the Auth.js adapter) pass without
  // opening the database, which must not happen at build time.
  getPrototypeOf() {
    return PgDatabase.prototype;
  },
});

export function openedDatabaseKind(): DatabaseKind {
  return handle().kind;
}

const MIGRATION_LOCK_ID = 724_2026;

/** Applies pending migrations, once per process; on PostgreSQL one instance at a time. */
export function prepareDatabase(): Promise<void> {
  const h = handle();
  h.migrated ??= (async () => {
    if (h.kind === 'pglite') {
      await migratePglite(h.db as never, { migrationsFolder });
      return;
    }
    // Several instances may start together: an advisory lock lets one migrate at a time.
    const lockClient = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
      await migratePostgres(h.db as never, { migrationsFolder });
    } finally {
      await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
      await lockClient.end({ timeout: 5 });
    }
  })();
  return h.migrated;
}

export async function closeDatabase(): Promise<void> {
  const h = globalState.__eoiDatabase;
  if (!h) return;
  globalState.__eoiDatabase = undefined;
  await h.close();
}

/** Rows of a raw `db.execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

export { schema };
