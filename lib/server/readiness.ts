import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { db, databaseKind, migrationsFolder, rowsOf, type DatabaseKind } from '@/db';
import { isDraining } from './shutdown';

export type Readiness = {
  ready: boolean;
  database: DatabaseKind;
  /** The database answered a query. */
  databaseAnswers: boolean;
  /** Migrations recorded in the database, against those this build ships. */
  migrations: { applied: number; expected: number; current: boolean };
  /** A termination signal arrived: the instance finishes its requests and leaves. */
  draining: boolean;
};

let expected: { count: number; last: number } | undefined;

/** The migrations this build ships (db/migrations/meta/_journal.json). */
function shippedMigrations() {
  if (!expected) {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    expected = { count: journal.entries.length, last: Math.max(0, ...journal.entries.map((e) => e.when)) };
  }
  return expected;
}

/**
 * Whether this instance should receive traffic: the database answers, every migration this
 * build ships is applied (drizzle records each in drizzle.__drizzle_migrations, stamped with
 * its journal time), and no shutdown is under way.
 */
export async function readiness(): Promise<Readiness> {
  const shipped = shippedMigrations();
  const draining = isDraining();
  let databaseAnswers = false;
  let applied = 0;
  let current = false;
  try {
    const [row] = rowsOf<{ applied: string | number; last: string | number | null }>(
      await db.execute(sql`select count(*) as applied, max(created_at) as last from drizzle.__drizzle_migrations`),
    );
    databaseAnswers = true;
    applied = Number(row?.applied ?? 0);
    current = applied >= shipped.count && Number(row?.last ?? 0) >= shipped.last;
  } catch {
    // No answer, or no migrations table yet: not ready.
  }
  return {
    ready: databaseAnswers && current && !draining,
    database: databaseKind(),
    databaseAnswers,
    migrations: { applied, expected: shipped.count, current },
    draining,
  };
}
