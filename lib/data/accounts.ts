import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { userRoles, users, userTokens, type Role } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { auditActor, writeAudit, type AuditActor } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { assertPasswordAcceptable } from '@/lib/auth/password-policy';
import { listLiveSessions, pruneSessions, revokeAllSessions } from '@/lib/auth/sessions';
import { clientAddress } from '@/lib/security/client-address';
import { clear, hit, limits, pruneRateLimits, refund } from '@/lib/security/rate-limit';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { queueMail } from '@/lib/mail/outbox';
import { queueEmailVerification } from './account-tokens';
import {
  signInSchema,
  type AcceptInvitationInput,
  type InviteUserInput,
  type SetUserRolesInput,
  type SignUpInput,
} from '@/lib/validations/auth';
import type { ChangePasswordInput } from '@/lib/validations/account';
import { pick } from 'zod/mini';
import { containsPattern } from './like';
import { closeOpenTokens, issueToken, usableToken, useToken } from './user-tokens';
import { pageNumber } from './paging';

export const INVITATION_DAYS = 14;

export type Authentication =
  | { ok: true; user: { id: string; email: string; name: string | null }; sessionVersion: number }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Audits the moment a limit starts refusing: one row per lock, never one per attempt. The
 * row names `by` when a signed-in user hit the limit, else the address tried (sign-in).
 */
export async function auditLock(
  executor: Executor,
  scope: string,
  values: { email?: string | null; address: string; userId?: string | null; until: Date; by?: AuditActor },
) {
  await writeAudit(executor, values.by ?? { id: null, email: values.email ?? null }, {
    action: 'security.locked',
    entityType: values.userId ? 'user' : 'address',
    entityId: values.userId ?? values.address,
    after: { scope, address: values.address, until: values.until.toISOString() },
  });
}

/**
 * Checks an e-mail and password (the Credentials provider). Sign-in protection that
 * slows guessing without letting anyone lock an owner out: attempts are counted per
 * account *and* address (10 per 15 minutes) and per address alone (50 an hour), never per
 * account alone, so an attacker elsewhere cannot keep the owner out. Each attempt is
 * counted atomically before the password is checked, so parallel guesses get no more
 * checks than the limit. A sign-in that succeeds clears its account-and-address count and
 * does not count against the address. Audited: each sign-in, and each lock (not each failure).
 */
export async function authenticate(credentials: unknown): Promise<Authentication> {
  const parsed = pick(signInSchema, { email: true, password: true }).safeParse({
    email: (credentials as Record<string, unknown> | undefined)?.email,
    password: (credentials as Record<string, unknown> | undefined)?.password,
  });
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const address = await clientAddress();
  const pair = `${email}|${address}`;

  if (Math.random() < 0.02) await Promise.all([pruneRateLimits(), pruneSessions()]);
  const byAccount = await hit(limits.signInAccount, pair);
  const byAddress = await hit(limits.signInAddress, address);
  if (!byAccount.allowed || !byAddress.allowed) {
    if (byAccount.justLocked) {
      const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      await auditLock(db, 'sign-in:account', { email, address, userId: owner?.id ?? null, until: byAccount.windowEndsAt });
    }
    if (byAddress.justLocked) await auditLock(db, 'sign-in:address', { address, until: byAddress.windowEndsAt });
    const retryAfterSeconds = Math.max(byAccount.allowed ? 0 : byAccount.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds);
    return { ok: false, reason: 'throttled', retryAfterSeconds };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) return { ok: false, reason: 'invalid' };
  await clear(limits.signInAccount, pair);
  await refund(limits.signInAddress, address);
  if (user.disabledAt) {
    await writeAudit(db, { id: user.id, email }, { action: 'auth.sign_in_refused_disabled', entityType: 'user', entityId: user.id, after: { address } });
    return { ok: false, reason: 'disabled' };
  }
  await writeAudit(db, { id: user.id, email }, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, after: { address } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionVersion: user.sessionVersion };
}

async function findUserByEmail(executor: Executor, email: string) {
  const [user] = await executor.select().from(users).where(eq(users.email, email));
  return user;
}

/** A new applicant account; a link to confirm the address is mailed. */
/** Creates an applicant's account; `viewer` is whoever is signed in (usually nobody), named by the audit row. */
export async function createApplicantAccount(tx: Executor, viewer: SessionUser | null, input: SignUpInput, locale: Locale | null = null) {
  if (await findUserByEmail(tx, input.email)) {
    throw new AppError('emailTaken', {}, { email: ['emailTaken'] });
  }
  await assertPasswordAcceptable(input.password, { email: input.email, name: input.name });
  const [user] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password), locale })
    .returning({ id: users.id, email: users.email });
  await tx.insert(userRoles).values({ userId: user.id, role: 'applicant' });
  await queueEmailVerification(tx, { id: user.id, email: user.email, name: input.name, locale });
  await writeAudit(tx, auditActor(viewer), { action: 'user.sign_up', entityType: 'user', entityId: user.id, after: { email: user.email, roles: ['applicant'] } });
  return user;
}

/**
 * Sign-up answers the same whether or not the address has an account, so the form cannot
 * tell anyone which addresses are registered: a new address gets its account and a
 * confirmation link; an address that has one gets a mail telling its owner that someone
 * tried (at most one an hour), and nothing else changes. Both ways hash the password, so
 * they take as long.
 */
export async function signUp(tx: Executor, viewer: SessionUser | null, input: SignUpInput, locale: Locale | null = null): Promise<{ created: { id: string; email: string } | null }> {
  await assertPasswordAcceptable(input.password, { email: input.email, name: input.name });
  const existing = await findUserByEmail(tx, input.email);
  if (!existing) return { created: await createApplicantAccount(tx, viewer, input, locale) };
  await hashPassword(input.password);
  const notice = await hit(limits.signUpNoticeEmail, input.email, tx);
  if (notice.allowed && !existing.disabledAt) {
    await queueMail(tx, {
      to: existing.email,
      toUserId: existing.id,
      locale: existing.locale,
      template: 'accountExists',
      data: { signInLink: appUrl('/sign-in'), resetLink: appUrl('/forgot-password') },
    });
    await writeAudit(tx, { id: null, email: input.email }, { action: 'user.sign_up_existing', entityType: 'user', entityId: existing.id });
  }
  return { created: null };
}

/**
 * A signed-in user changes their password. The current password is required and its
 * checks count against the same limit as sign-in (account and address), so a borrowed
 * session cannot be used to guess it. Every other session of the account ends; this one
 * stays. A wrong current password is an answer, not an exception: the count must commit.
 */
export async function changePassword(
  tx: Executor,
  actor: SessionUser,
  input: ChangePasswordInput,
  keepSessionId: string | null,
): Promise<{ ok: true; otherSessionsEnded: number } | { ok: false; reason: 'wrongPassword' | 'throttled'; retryAfterSeconds?: number }> {
  assertCan(actor, 'account:own');
  const address = await clientAddress();
  const attempt = await hit(limits.signInAccount, `${actor.email}|${address}`, tx);
  if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
  const [user] = await tx.select().from(users).where(eq(users.id, actor.id)).for('update');
  if (!user) throw new AppError('notFound');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false, reason: 'wrongPassword' };
  await assertPasswordAcceptable(input.newPassword, { email: user.email, name: user.name }, 'newPassword');
  await tx.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, user.id));
  await clear(limits.signInAccount, `${actor.email}|${address}`, tx);
  const otherSessionsEnded = await revokeAllSessions(tx, user.id, keepSessionId ?? undefined);
  await writeAudit(tx, auditActor(actor), { action: 'user.password_changed', entityType: 'user', entityId: actor.id, after: { otherSessionsEnded } });
  return { ok: true, otherSessionsEnded };
}

/** An admin invites a reviewer or another admin; the mailed link lets them set a password. */
export async function inviteStaff(tx: Executor, actor: SessionUser, input: InviteUserInput) {
  assertCan(actor, 'user:manage');
  let user = await findUserByEmail(tx, input.email);
  if (user?.passwordHash) {
    throw new AppError('alreadyRegistered', { email: input.email }, { email: ['alreadyRegistered'] });
  }
  // The invitation, and every later mail, is written in the language the admin chose for them.
  const locale = input.locale ?? user?.locale ?? actor.locale ?? null;
  if (!user) {
    [user] = await tx.insert(users).values({ email: input.email, name: input.name || null, locale }).returning();
  } else if (locale !== user.locale) {
    await tx.update(users).set({ locale }).where(eq(users.id, user.id));
  }
  await tx
    .insert(userRoles)
    .values(input.roles.map((role) => ({ userId: user.id, role, grantedBy: actor.id })))
    .onConflictDoNothing();
  // A new invitation replaces any earlier one still open.
  await closeOpenTokens(tx, 'invitation', eq(userTokens.userId, user.id));
  const { token, expiresAt } = await issueToken(tx, {
    purpose: 'invitation',
    email: input.email,
    userId: user.id,
    data: { roles: input.roles },
    lifetimeMs: INVITATION_DAYS * 24 * 3600 * 1000,
    createdBy: actor.id,
  });
  await queueMail(tx, {
    to: input.email,
    toUserId: user.id,
    locale,
    template: 'invitation',
    data: { inviterName: actor.name ?? actor.email, roles: input.roles, link: appUrl(`/invitation/${token}`), expiresAt },
  });
  await writeAudit(tx, auditActor(actor), { action: 'user.invited', entityType: 'user', entityId: user.id, after: { email: input.email, roles: input.roles } });
  return { userId: user.id };
}

/** The invitation a token opens, if it is still good (the page it links to asks with `db`). */
export async function findOpenInvitation(token: string, executor: Executor = db) {
  const [row] = await executor
    .select({
      id: userTokens.id,
      userId: userTokens.userId,
      email: userTokens.email,
      expiresAt: userTokens.expiresAt,
      data: userTokens.data,
      name: users.name,
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(usableToken('invitation', token));
  return row ?? null;
}

/** Sets the invited account's name and password from the mailed link; `viewer` is whoever is signed in (usually nobody), named by the audit row. */
export async function acceptInvitation(tx: Executor, viewer: SessionUser | null, input: AcceptInvitationInput) {
  const invitation = await findOpenInvitation(input.token, tx);
  if (!invitation?.userId) throw new AppError('invitationInvalid');
  await assertPasswordAcceptable(input.password, { email: invitation.email, name: input.name });
  if (!(await useToken(tx, invitation.id))) throw new AppError('invitationInvalid');
  await tx
    .update(users)
    .set({
      name: input.name,
      passwordHash: await hashPassword(input.password),
      emailVerified: new Date(),
      sessionVersion: sql`${users.sessionVersion} + 1`,
    })
    .where(eq(users.id, invitation.userId));
  await writeAudit(tx, auditActor(viewer), { action: 'user.invitation_accepted', entityType: 'user', entityId: invitation.userId });
  return { userId: invitation.userId, email: invitation.email };
}

/** Locks the active admins' role rows and counts them, so two admins cannot demote each other at once. */
async function lockActiveAdmins(tx: Executor): Promise<string[]> {
  const rows = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'admin'), isNull(users.disabledAt)))
    .for('update', { of: userRoles });
  return rows.map((r) => r.userId);
}

/** Sets a user's roles; audited even when they stay the same (the admin asked). */
export async function setUserRoles(tx: Executor, actor: SessionUser, input: SetUserRolesInput) {
  const change = await replaceRoles(tx, actor, input);
  await writeAudit(tx, auditActor(actor), { action: 'user.roles_changed', entityType: 'user', entityId: input.userId, before: change.before, after: change.after });
  return change;
}

async function replaceRoles(tx: Executor, actor: SessionUser, input: SetUserRolesInput) {
  assertCan(actor, 'user:manage');
  const target = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, input.userId));
  const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
  if (!exists) throw new AppError('notFound');
  const before = target.map((r) => r.role).sort();
  const after = [...new Set(input.roles)].sort() as Role[];
  if (before.join() === after.join()) return { before, after };

  if (before.includes('admin') && !after.includes('admin')) {
    const admins = await lockActiveAdmins(tx);
    if (admins.length <= 1 && admins.includes(input.userId)) throw new AppError('lastAdmin');
  }
  await tx.delete(userRoles).where(eq(userRoles.userId, input.userId));
  if (after.length) {
    await tx.insert(userRoles).values(after.map((role) => ({ userId: input.userId, role, grantedBy: actor.id })));
  }
  // Ends the user's current sessions: they sign in again with the new roles.
  await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, input.userId));
  return { before, after };
}

export async function setUserDisabled(tx: Executor, actor: SessionUser, input: { userId: string; disabled: boolean }) {
  assertCan(actor, 'user:manage');
  const [target] = await tx.select().from(users).where(eq(users.id, input.userId));
  if (!target) throw new AppError('notFound');
  if (input.disabled && target.id === actor.id) throw new AppError('cannotDisableSelf');
  if (input.disabled) {
    const admins = await lockActiveAdmins(tx);
    if (admins.length <= 1 && admins.includes(target.id)) throw new AppError('lastAdmin');
  }
  await tx
    .update(users)
    .set({ disabledAt: input.disabled ? new Date() : null, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId));
  const change = { before: { disabled: target.disabledAt !== null }, after: { disabled: input.disabled } };
  await writeAudit(tx, auditActor(actor), { action: input.disabled ? 'user.disabled' : 'user.enabled', entityType: 'user', entityId: input.userId, ...change });
  return change;
}

export type UserListRow = {
  id: string;
  email: string;
  name: string | null;
  roles: Role[];
  disabled: boolean;
  invited: boolean;
  createdAt: Date;
};

export const USERS_PAGE_SIZE = 25;

/** Users for the admin list, searched by name or e-mail, a page at a time. */
export async function listUsers(actor: SessionUser, options: { query?: string; role?: Role; page?: number } = {}) {
  assertCan(actor, 'user:manage');
  const page = pageNumber(options.page);
  const conditions = [];
  if (options.query?.trim()) {
    const like = containsPattern(options.query.trim().toLowerCase());
    conditions.push(sql`(${users.email} like ${like} or lower(coalesce(${users.name}, '')) like ${like})`);
  }
  if (options.role) {
    conditions.push(
      inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, options.role))),
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      passwordHash: users.passwordHash,
      createdAt: users.createdAt,
      roles: sql<Role[]>`coalesce((select array_agg(${userRoles.role}::text order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(users)
    .where(where)
    .orderBy(users.email)
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE);
  return {
    page,
    total: rows[0]?.total ?? 0,
    pageSize: USERS_PAGE_SIZE,
    rows: rows.map(
      (r): UserListRow => ({
        id: r.id,
        email: r.email,
        name: r.name,
        roles: r.roles,
        disabled: r.disabledAt !== null,
        invited: r.passwordHash === null,
        createdAt: r.createdAt,
      }),
    ),
  };
}

/** The language a user reads the app and their mail in, chosen with the language switcher. */
export async function setOwnLocale(tx: Executor, actor: SessionUser, locale: Locale) {
  assertCan(actor, 'account:own');
  const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.id));
  if (!before) throw new AppError('unauthenticated');
  if (before.locale === locale) return { changed: false, before: before.locale };
  await tx.update(users).set({ locale }).where(eq(users.id, actor.id));
  await writeAudit(tx, auditActor(actor), { action: 'user.locale_changed', entityType: 'user', entityId: actor.id, before: { locale: before.locale }, after: { locale } });
  return { changed: true, before: before.locale };
}

/** "Sign out of all devices": every session of the account ends on the server, the caller's too. */
export async function signOutEverywhere(tx: Executor, actor: SessionUser) {
  assertCan(actor, 'account:own');
  const ended = await revokeAllSessions(tx, actor.id);
  await writeAudit(tx, auditActor(actor), { action: 'user.signed_out_everywhere', entityType: 'user', entityId: actor.id, after: { sessionsEnded: ended } });
  return ended;
}

/** The user's own live sessions, newest use first (the account page). */
export async function listMySessions(actor: SessionUser) {
  return listLiveSessions(db, actor.id);
}
