import 'server-only';
import { and, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { userTokens, type TokenPurpose } from '@/db/schema';
import { hashToken, newToken } from '@/lib/tokens';

/**
 * The life of a token mailed as a link (invitation, e-mail confirmation, password reset,
 * organisation invitation), in one place: only its hash is stored; it is good until it
 * expires or is used; using it marks it used in the same statement that checks it, so a
 * link works once even when clicked twice at once.
 */

/** Creates a token; returns the clear token for the mail (it is never stored). */
export async function issueToken(
  tx: Executor,
  values: {
    purpose: TokenPurpose;
    email: string;
    userId: string | null;
    lifetimeMs: number;
    data?: Record<string, unknown>;
    createdBy?: string | null;
    now?: Date;
  },
) {
  const { token, hash } = newToken();
  const expiresAt = new Date((values.now ?? new Date()).getTime() + values.lifetimeMs);
  const [row] = await tx
    .insert(userTokens)
    .values({
      purpose: values.purpose,
      tokenHash: hash,
      email: values.email,
      userId: values.userId,
      data: values.data ?? {},
      expiresAt,
      createdBy: values.createdBy ?? null,
    })
    .returning({ id: userTokens.id });
  return { id: row.id, token, expiresAt };
}

/** The condition for a token that can still be used: this one, of this purpose, unused, unexpired. */
export function usableToken(purpose: TokenPurpose, token: string, now: Date = new Date()): SQL {
  return and(
    eq(userTokens.tokenHash, hashToken(token)),
    eq(userTokens.purpose, purpose),
    isNull(userTokens.usedAt),
    gt(userTokens.expiresAt, now),
  )!;
}

/** Uses a token once: false if it was used meanwhile. `extra` is recorded with it (e.g. who joined). */
export async function useToken(tx: Executor, id: string, now: Date = new Date(), extra: { userId?: string } = {}): Promise<boolean> {
  const rows = await tx
    .update(userTokens)
    .set({ usedAt: now, ...extra })
    .where(and(eq(userTokens.id, id), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return rows.length > 0;
}

/** Closes the unused tokens that match, e.g. when a new invitation replaces an earlier one. */
export async function closeOpenTokens(tx: Executor, purpose: TokenPurpose, match: SQL, now: Date = new Date()) {
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), match));
}
