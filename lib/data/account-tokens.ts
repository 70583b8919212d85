import 'server-only';
import { and, count, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { users, userTokens, type TokenPurpose } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { auditActor, writeAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { assertPasswordAcceptable } from '@/lib/auth/password-policy';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import { hit, limits } from '@/lib/security/rate-limit';
import { hashToken } from '@/lib/tokens';
import type { ConfirmEmailInput, ForgotPasswordInput, ResetPasswordInput } from '@/lib/validations/account';
import { closeOpenTokens, issueToken, usableToken, useToken } from './user-tokens';

/**
 * E-mail confirmation and password reset: single-use, expiring tokens mailed as links.
 * Only a hash of a token is stored (user_tokens); using one marks it used in the same
 * statement that checks it, so a link works once even if clicked twice at once.
 */
export const EMAIL_VERIFICATION_HOURS = 48;
export const PASSWORD_RESET_MINUTES = 60;
/** A new confirmation link: at most this many an hour, and not twice within a minute. */
export const VERIFICATION_RESEND_LIMIT = { perHour: 3, minSeconds: 60 };

type Recipient = { id: string; email: string; name: string | null; locale?: string | null };

/** Creates a confirmation token and queues its mail, in the caller's transaction. */
export async function queueEmailVerification(tx: Executor, user: Recipient) {
  const { token, expiresAt } = await issueToken(tx, {
    purpose: 'email_verification',
    email: user.email,
    userId: user.id,
    lifetimeMs: EMAIL_VERIFICATION_HOURS * 3600 * 1000,
  });
  await queueMail(tx, {
    to: user.email,
    toUserId: user.id,
    locale: user.locale,
    template: 'emailVerification',
    data: { name: user.name, link: appUrl(`/verify-email/${token}`), expiresAt },
  });
}

/** The still-usable token of a purpose (not used, not expired, for the user's current address). */
export async function findOpenToken(executor: Executor, purpose: TokenPurpose, token: string) {
  const [row] = await executor
    .select({ id: userTokens.id, userId: users.id, email: users.email, expiresAt: userTokens.expiresAt })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      // For the user's current address, and an account that is not disabled.
      and(usableToken(purpose, token), eq(userTokens.email, users.email), isNull(users.disabledAt)),
    );
  return row ?? null;
}

/** The password-reset link a token opens, if it is still good (the reset page; the token is the credential). */
export async function findOpenPasswordReset(token: string) {
  return findOpenToken(db, 'password_reset', token);
}

/**
 * What a confirmation link leads to: the button (still open), a thank-you (used, and the
 * address is confirmed: a second click, or the page after confirming), or an error.
 */
export async function verificationLinkState(token: string, executor: Executor = db): Promise<{ state: 'open' | 'confirmed' | 'invalid'; email?: string }> {
  const open = await findOpenToken(executor, 'email_verification', token);
  if (open) return { state: 'open', email: open.email };
  const [used] = await executor
    .select({ email: users.email })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, 'email_verification'),
        isNotNull(userTokens.usedAt),
        eq(userTokens.email, users.email),
        isNotNull(users.emailVerified),
      ),
    );
  return used ? { state: 'confirmed', email: used.email } : { state: 'invalid' };
}

/** Whether the user still has to confirm their address. */
export async function needsEmailVerification(user: SessionUser): Promise<boolean> {
  const [row] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, user.id));
  return !!row && row.verified === null;
}

/** The link from the confirmation mail: marks the address confirmed. `viewer`: whoever is signed in, if anyone (named by the audit row). */
export async function confirmEmail(tx: Executor, viewer: SessionUser | null, input: ConfirmEmailInput) {
  const open = await findOpenToken(tx, 'email_verification', input.token);
  if (!open || !(await useToken(tx, open.id))) throw new AppError('verificationInvalid');
  await tx
    .update(users)
    .set({ emailVerified: sql`coalesce(${users.emailVerified}, now() at time zone 'utc')` })
    .where(eq(users.id, open.userId));
  await writeAudit(tx, auditActor(viewer), { action: 'user.email_verified', entityType: 'user', entityId: open.userId, after: { email: open.email } });
  return { userId: open.userId, email: open.email };
}

/** "Send the link again", for a signed-in user whose address is not confirmed yet; rate-limited. */
export async function resendEmailVerification(tx: Executor, actor: SessionUser) {
  assertCan(actor, 'account:own');
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, actor.id))
    .for('update');
  if (!user) throw new AppError('notFound');
  if (user.verified) throw new AppError('alreadyVerified');
  const [recent] = await tx
    .select({
      lastHour: count(),
      lastMinute: sql<number>`count(*) filter (where ${userTokens.createdAt} > now() - make_interval(secs => ${VERIFICATION_RESEND_LIMIT.minSeconds}))::int`,
    })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, user.id),
        eq(userTokens.purpose, 'email_verification'),
        gt(userTokens.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  if (recent.lastHour >= VERIFICATION_RESEND_LIMIT.perHour || recent.lastMinute > 0) throw new AppError('tooManyRequests');
  await queueEmailVerification(tx, user);
  await writeAudit(tx, auditActor(actor), { action: 'user.verification_resent', entityType: 'user', entityId: actor.id });
  return { email: user.email };
}

/**
 * "Forgot your password": mails a reset link if the address has an active account with a
 * password. Whatever the case, the caller answers the same, so the form does not reveal
 * which addresses have accounts. Requests are limited per requesting address (by the
 * action, lib/actions/account.ts) and per e-mail address (here: beyond three an hour,
 * silently nothing is sent). Audited when a link is sent, not for every request.
 */
export async function requestPasswordReset(tx: Executor, input: ForgotPasswordInput): Promise<{ sent: boolean }> {
  const [user] = await tx.select().from(users).where(eq(users.email, input.email));
  const eligible = !!user && !!user.passwordHash && !user.disabledAt;
  if (!eligible) return { sent: false };
  const allowed = (await hit(limits.passwordResetEmail, input.email, tx)).allowed;
  if (!allowed) return { sent: false };
  const { token, expiresAt } = await issueToken(tx, {
    purpose: 'password_reset',
    email: user.email,
    userId: user.id,
    lifetimeMs: PASSWORD_RESET_MINUTES * 60 * 1000,
  });
  await queueMail(tx, {
    to: user.email,
    toUserId: user.id,
    locale: user.locale,
    template: 'passwordReset',
    data: { link: appUrl(`/reset-password/${token}`), expiresAt },
  });
  await writeAudit(tx, { id: null, email: input.email }, { action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id, after: { sent: true } });
  return { sent: true };
}

/**
 * Sets a new password from a reset link. Ends every session of the account (the session
 * version moves on), closes the account's other reset links and, as the mail reached its
 * owner, confirms the address.
 */
export async function resetPassword(tx: Executor, viewer: SessionUser | null, input: ResetPasswordInput) {
  const open = await findOpenToken(tx, 'password_reset', input.token);
  if (!open) throw new AppError('resetInvalid');
  await assertPasswordAcceptable(input.password, { email: open.email });
  if (!(await useToken(tx, open.id))) throw new AppError('resetInvalid');
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.password),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      emailVerified: sql`coalesce(${users.emailVerified}, now() at time zone 'utc')`,
    })
    .where(eq(users.id, open.userId));
  await closeOpenTokens(tx, 'password_reset', eq(userTokens.userId, open.userId));
  await writeAudit(tx, auditActor(viewer), { action: 'user.password_reset', entityType: 'user', entityId: open.userId });
  return { userId: open.userId, email: open.email };
}
