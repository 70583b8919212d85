import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { userRoles, users, userSessions } from '@/db/schema';
import { ConfigurationError } from './secret';
import { uuidPattern } from '@/lib/validations/zod';

/**
 * Server-side sessions. The signed cookie (a JWT, as the Credentials provider requires)
 * only names a row of `user_sessions`; the row decides. Each request checks that the row
 * is not revoked, was used within the idle lifetime and is younger than the absolute one,
 * and that the user's session version has not moved (disabled, roles changed, password
 * reset). So signing out, here or "on all devices", ends the session on the server: a
 * copied cookie stops working at once.
 */

function minutesFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(`${name} must be a positive number, not "${raw}".`);
  }
  return value;
}

/** SESSION_IDLE_MINUTES (default 8 hours) and SESSION_MAX_HOURS (default 7 days). */
export function sessionLifetimes(): { idleSeconds: number; maxSeconds: number } {
  return {
    idleSeconds: Math.round(minutesFrom('SESSION_IDLE_MINUTES', 8 * 60) * 60),
    maxSeconds: Math.round(minutesFrom('SESSION_MAX_HOURS', 7 * 24) * 3600),
  };
}

/** The session's last use is written at most this often (one write a minute, not one a request). */
const TOUCH_SECONDS = 60;

export async function createSession(userId: string, userAgent: string | null, executor: Executor = db): Promise<string> {
  const { maxSeconds } = sessionLifetimes();
  const [row] = await executor
    .insert(userSessions)
    .values({ userId, userAgent, expiresAt: sql`now() + make_interval(secs => ${maxSeconds})` })
    .returning({ id: userSessions.id });
  return row.id;
}


export type LiveSession = {
  user: { id: string; email: string; name: string | null; locale: string | null; roles: string[] };
};

/**
 * The user of a live session, or null: one query (user, roles, session), and at most one
 * write a minute to move the idle deadline.
 */
export async function loadLiveSession(userId: string, sessionId: string, sessionVersion: number): Promise<LiveSession | null> {
  if (!uuidPattern.test(userId) || !uuidPattern.test(sessionId)) return null;
  const { idleSeconds } = sessionLifetimes();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      role: userRoles.role,
      stale: sql<boolean>`${userSessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_SECONDS})`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        gt(userSessions.lastSeenAt, sql`now() - make_interval(secs => ${idleSeconds})`),
        isNull(users.disabledAt),
        eq(users.sessionVersion, sessionVersion),
      ),
    );
  if (!rows.length) return null;
  const [first] = rows;
  if (first.stale) {
    await db.update(userSessions).set({ lastSeenAt: sql`now()` }).where(eq(userSessions.id, sessionId));
  }
  return {
    user: {
      id: first.id,
      email: first.email,
      name: first.name,
      locale: first.locale,
      roles: rows.flatMap((r) => (r.role ? [r.role] : [])).sort(),
    },
  };
}

/** Ends one session (sign-out). */
export async function revokeSession(sessionId: string, executor: Executor = db): Promise<void> {
  if (!uuidPattern.test(sessionId)) return;
  await executor.update(userSessions).set({ revokedAt: sql`now()` }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user ("sign out of all devices"); returns how many were live. */
export async function revokeAllSessions(executor: Executor, userId: string, except?: string): Promise<number> {
  const ended = await executor
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        except ? sql`${userSessions.id} <> ${except}` : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return ended.length;
}

/** The user's live sessions, newest use first, for the account page. */
export async function listLiveSessions(executor: Executor, userId: string) {
  const { idleSeconds } = sessionLifetimes();
  return executor
    .select({ id: userSessions.id, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt, userAgent: userSessions.userAgent })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        gt(userSessions.lastSeenAt, sql`now() - make_interval(secs => ${idleSeconds})`),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt));
}

/** Drops sessions that ended more than 30 days ago. */
export async function pruneSessions(executor: Executor = db): Promise<void> {
  await executor
    .delete(userSessions)
    .where(or(lt(userSessions.expiresAt, sql`now() - interval '30 days'`), lt(userSessions.revokedAt, sql`now() - interval '30 days'`)));
}
