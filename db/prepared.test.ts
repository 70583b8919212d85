import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseKind, db, rowsOf, type Executor } from '@/db';
import { calls } from '@/db/schema';

/** The statements prepared on the connection the executor runs on. */
async function preparedOn(executor: Executor): Promise<string[]> {
  return rowsOf<{ statement: string }>(await executor.execute(sql`select statement from pg_prepared_statements`)).map((r) => r.statement);
}

const callById = (executor: Executor, id: string) => executor.select({ id: calls.id }).from(calls).where(eq(calls.id, id));

// PGlite runs in the process: no round trips to save, and drizzle's PGlite driver is left as it is.
describe.skipIf(databaseKind() !== 'postgres')('queries drizzle builds, on PostgreSQL (db/prepared.ts)', () => {
  it('are named statements, prepared on the connection, in a transaction and in a savepoint', async () => {
    const [call] = await db.insert(calls).values({ slug: `prepared-${Date.now()}`, title: 'Prepared' }).returning();
    await db.transaction(async (tx) => {
      expect(await callById(tx, call.id)).toEqual([{ id: call.id }]);
      expect((await preparedOn(tx)).some((s) => s.includes('from "calls" where "calls"."id" = $1'))).toBe(true);
      await tx.transaction(async (inner) => {
        await inner.select({ slug: calls.slug }).from(calls).where(eq(calls.slug, call.slug));
        expect((await preparedOn(inner)).some((s) => s.includes('where "calls"."slug" = $1'))).toBe(true);
      });
    });
  });

  it('keep working after a transaction that failed, and answer queries started together', async () => {
    const [call] = await db.insert(calls).values({ slug: `prepared-${Date.now()}-b`, title: 'Prepared' }).returning();
    await expect(
      db.transaction(async (tx) => {
        await callById(tx, call.id);
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    const answers = await db.transaction((tx) => Promise.all([callById(tx, call.id), callById(tx, call.id), tx.select({ title: calls.title }).from(calls).where(eq(calls.id, call.id))]));
    expect(answers).toEqual([[{ id: call.id }], [{ id: call.id }], [{ title: 'Prepared' }]]);
  });
});
