import { connection } from 'next/server';
import { sql } from 'drizzle-orm';
import { db, openedDatabaseKind } from '@/db';

/** Liveness with a real database round trip, for load balancers and the quick start. */
export async function GET() {
  // Every call asks the database: never prerendered or cached.
  await connection();
  try {
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', database: openedDatabaseKind() });
  } catch (error) {
    console.error('[health] database check failed', error);
    return Response.json({ status: 'error', database: openedDatabaseKind() }, { status: 503 });
  }
}
