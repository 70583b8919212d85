import { lt, sql } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db';
import { rateLimits } from '@/db/schema';

/**
 * Fixed-window counters kept in the database, so that parallel requests and several app
 * instances share one count (PGlite and PostgreSQL alike). A hit is counted *before* the
 * work it guards (a password check, a mail), by one atomic upsert: of 50 parallel wrong
 * passwords, exactly `max` get checked.
 */
export type Limit = { name: string; max: number; windowSeconds: number };

export const limits = {
  /** Wrong passwords for one account from one address. */
  signInAccount: { name: 'sign-in:account', max: 10, windowSeconds: 15 * 60 },
  /** Wrong passwords from one address, whatever the accounts. */
  signInAddress: { name: 'sign-in:address', max: 50, windowSeconds: 60 * 60 },
  /** New accounts asked for from one address. */
  signUpAddress: { name: 'sign-up:address', max: 10, windowSeconds: 60 * 60 },
  /** Password reset links asked for from one address. */
  passwordResetAddress: { name: 'password-reset:address', max: 10, windowSeconds: 60 * 60 },
  /** Password reset links mailed to one address (beyond it, silently nothing is sent). */
  passwordResetEmail: { name: 'password-reset:email', max: 3, windowSeconds: 60 * 60 },
  /** "Someone tried to sign up with your address" mails to one address. */
  signUpNoticeEmail: { name: 'sign-up-notice:email', max: 1, windowSeconds: 60 * 60 },
  /** Mailed links used from one address: invitations accepted, passwords set, organisations joined. */
  tokenAddress: { name: 'token:address', max: 20, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

export type Hit = {
  /** This hit's number in the window (1 for the first). */
  count: number;
  allowed: boolean;
  /** True for the one hit that went over the limit first: the moment to write an audit row. */
  justLocked: boolean;
  windowEndsAt: Date;
  retryAfterSeconds: number;
};

/** Counts one hit of `limit` for `subject` and says whether it is within the limit. */
export async function hit(limit: Limit, subject: string, executor: Executor = db): Promise<Hit> {
  const key = `${limit.name}:${subject}`;
  const result = await executor.execute(sql`
    insert into ${rateLimits} (key, hits, window_ends_at)
    values (${key}, 1, now() + make_interval(secs => ${limit.windowSeconds}))
    on conflict (key) do update set
      hits = case when ${rateLimits.windowEndsAt} <= now() then 1 else ${rateLimits.hits} + 1 end,
      window_ends_at = case when ${rateLimits.windowEndsAt} <= now()
        then now() + make_interval(secs => ${limit.windowSeconds}) else ${rateLimits.windowEndsAt} end
    returning hits, window_ends_at, extract(epoch from (window_ends_at - now()))::int as retry_after`);
  const [row] = rowsOf<{ hits: number; window_ends_at: Date | string; retry_after: number }>(result);
  const count = Number(row.hits);
  return {
    count,
    allowed: count <= limit.max,
    justLocked: count === limit.max + 1,
    windowEndsAt: new Date(row.window_ends_at),
    retryAfterSeconds: Math.max(1, Number(row.retry_after)),
  };
}

/** Gives one hit back (a sign-in that succeeded does not count against the address). */
export async function refund(limit: Limit, subject: string, executor: Executor = db): Promise<void> {
  const key = `${limit.name}:${subject}`;
  await executor.execute(sql`update ${rateLimits} set hits = greatest(0, hits - 1) where key = ${key} and window_ends_at > now()`);
}

/** Forgets the count (the account's owner signed in from this address). */
export async function clear(limit: Limit, subject: string, executor: Executor = db): Promise<void> {
  const key = `${limit.name}:${subject}`;
  await executor.execute(sql`delete from ${rateLimits} where key = ${key}`);
}

/** Drops windows that ended an hour ago or more. */
export async function pruneRateLimits(executor: Executor = db): Promise<void> {
  await executor.delete(rateLimits).where(lt(rateLimits.windowEndsAt, sql`now() - interval '1 hour'`));
}
