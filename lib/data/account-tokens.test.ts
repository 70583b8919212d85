import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, outbox, users, userTokens } from '@/db/schema';
import { confirmEmailAction, requestPasswordResetAction, resendVerificationAction } from '@/lib/actions/account';
import * as accountActions from '@/lib/actions/account';
import { signUpAction } from '@/lib/actions/auth';
import { hashPassword } from '@/lib/auth/password';
import { actingAs } from '@/lib/auth/session';
import { loadUser } from '@/lib/auth/session-user';
import { authenticate } from '@/lib/data/accounts';
import { createUser, uniqueEmail } from '@/lib/test/factories';
import { limits } from '@/lib/security/rate-limit';
import { mailHtml } from '@/lib/mail/outbox';

// Outside Next, redirect() and the final sign-in throw: the change before them is what we check.
const call = (fn: (raw: unknown) => Promise<unknown>, raw: unknown) => actingAs(null, () => fn(raw)).catch((e: unknown) => e);

async function mailsTo(email: string) {
  return db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.createdAt));
}

function tokenIn(text: string, path: string) {
  const match = text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no /${path}/ link in:\n${text}`);
  return match[1];
}

async function signUp(name = 'New Applicant') {
  const email = uniqueEmail('signup');
  await call(signUpAction, { name, email, password: 'a long enough password' });
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return { email, user };
}

describe('e-mail confirmation', () => {
  it('[visitor] signing up queues a confirmation mail; its link confirms the address once', async () => {
    const { email, user } = await signUp('Amina Diallo');
    expect(user.emailVerified).toBeNull();
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ template: 'emailVerification', subject: 'Confirm your e-mail address', toUserId: user.id });
    expect(mail.textBody).toContain('Hello Amina Diallo,');
    expect(mailHtml(mail)).toContain('Confirm my address');
    const token = tokenIn(mail.textBody, 'verify-email');
    // Only a hash is kept.
    const stored = await db.select().from(userTokens).where(eq(userTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(token);

    expect(await actingAs(null, () => confirmEmailAction({ token }))).toEqual({ ok: true, data: { email } });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(Math.abs(after.emailVerified!.getTime() - Date.now())).toBeLessThan(60_000);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.email_verified'), eq(auditLog.entityId, user.id)));
    expect(entry).toBeDefined();

    expect(await actingAs(null, () => confirmEmailAction({ token }))).toEqual({
      ok: false,
      error: 'This confirmation link is invalid, already used or expired. Sign in and ask for a new one.',
    });
  });

  it('[visitor] an expired or made-up confirmation link is refused and confirms nothing', async () => {
    const { email, user } = await signUp();
    const token = tokenIn((await mailsTo(email))[0].textBody, 'verify-email');
    await db.update(userTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(userTokens.userId, user.id));
    expect(await actingAs(null, () => confirmEmailAction({ token }))).toMatchObject({ ok: false });
    expect(await actingAs(null, () => confirmEmailAction({ token: 'x'.repeat(43) }))).toMatchObject({ ok: false });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.emailVerified).toBeNull();
  });

  it('[applicant] "send again" mails a new link, but not twice in a minute nor once confirmed', async () => {
    const { email, user } = await signUp();
    const me = { id: user.id, email, name: user.name, roles: ['applicant' as const], locale: null };
    // The sign-up link was sent a moment ago: too soon.
    expect(await actingAs(me, () => resendVerificationAction({}))).toEqual({
      ok: false,
      error: 'You asked for a new link a moment ago. Wait a few minutes, then try again.',
    });
    await db.update(userTokens).set({ createdAt: sql`now() - interval '2 minutes'` }).where(eq(userTokens.userId, user.id));
    expect(await actingAs(me, () => resendVerificationAction({}))).toEqual({ ok: true, data: { email } });
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    // The newer link works.
    expect(await actingAs(null, () => confirmEmailAction({ token: tokenIn(mails[0].textBody, 'verify-email') }))).toMatchObject({ ok: true });
    await db.update(userTokens).set({ createdAt: sql`now() - interval '2 hours'` }).where(eq(userTokens.userId, user.id));
    expect(await actingAs(me, () => resendVerificationAction({}))).toEqual({ ok: false, error: 'Your e-mail address is already confirmed.' });
    expect(await actingAs(null, () => resendVerificationAction({}))).toEqual({ ok: false, error: 'Please sign in first.' });
  });
});

describe('password reset', () => {
  async function member(password = 'the old password') {
    const email = uniqueEmail('member');
    const user = await createUser(['applicant'], { email, passwordHash: await hashPassword(password) });
    return { email, user };
  }

  it('[visitor] answers the same for an unknown address, and mails nobody', async () => {
    const email = uniqueEmail('nobody');
    const known = await member();
    const unknownAnswer = await actingAs(null, () => requestPasswordResetAction({ email }));
    const knownAnswer = await actingAs(null, () => requestPasswordResetAction({ email: known.email }));
    expect(unknownAnswer).toEqual({ ok: true, data: null });
    expect(knownAnswer).toEqual(unknownAnswer);
    expect(await mailsTo(email)).toEqual([]);
    expect(await mailsTo(known.email)).toHaveLength(1);
  });

  it('[visitor] a reset link sets a new password once, ends other sessions and the old password stops working', async () => {
    const { email, user } = await member();
    const before = (await loadUser(user.id))!.sessionVersion;
    await actingAs(null, () => requestPasswordResetAction({ email: email.toUpperCase() }));
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ template: 'passwordReset', subject: 'Reset your EOI Portal password' });
    const token = tokenIn(mail.textBody, 'reset-password');

    await call(accountActions.resetPasswordAction, { token, password: 'a brand new password' });
    expect(await authenticate({ email, password: 'a brand new password' })).toMatchObject({ ok: true });
    expect(await authenticate({ email, password: 'the old password' })).toEqual({ ok: false, reason: 'invalid' });
    const after = (await loadUser(user.id))!;
    expect(after.sessionVersion).toBe(before + 1);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.emailVerified).toBeInstanceOf(Date);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.password_reset'), eq(auditLog.entityId, user.id)));
    expect(entry).toBeDefined();

    const again = await call(accountActions.resetPasswordAction, { token, password: 'yet another password' });
    expect(again).toEqual({ ok: false, error: 'This password reset link is invalid, already used or expired. Ask for a new one.' });
    expect(await authenticate({ email, password: 'a brand new password' })).toMatchObject({ ok: true });
  });

  it('[visitor] an expired link is refused; a too-short password is refused at the field', async () => {
    const { email } = await member();
    await actingAs(null, () => requestPasswordResetAction({ email }));
    const token = tokenIn((await mailsTo(email))[0].textBody, 'reset-password');
    const short = await call(accountActions.resetPasswordAction, { token, password: 'short' });
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: ['Use at least 10 characters.'] } });
    await db.update(userTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(userTokens.email, email));
    expect(await call(accountActions.resetPasswordAction, { token, password: 'a brand new password' })).toMatchObject({ ok: false });
    expect(await authenticate({ email, password: 'the old password' })).toMatchObject({ ok: true });
  });

  it('[visitor] beyond three links an hour for one address the answer is the same, but nothing is sent', async () => {
    const { email } = await member();
    const unknown = uniqueEmail('nobody');
    for (let i = 0; i < limits.passwordResetEmail.max + 2; i++) {
      expect(await actingAs(null, () => requestPasswordResetAction({ email }))).toEqual({ ok: true, data: null });
      expect(await actingAs(null, () => requestPasswordResetAction({ email: unknown }))).toEqual({ ok: true, data: null });
    }
    expect(await mailsTo(email)).toHaveLength(limits.passwordResetEmail.max);
    // Audited when a link is sent, not for every anonymous request.
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.password_reset_requested'), eq(auditLog.actorEmail, unknown)));
    expect(audited).toHaveLength(0);
  });

  it('[visitor] a disabled account, or an invited one without a password, gets no reset mail', async () => {
    const disabled = await member();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
    const invited = await createUser(['reviewer']);
    await actingAs(null, () => requestPasswordResetAction({ email: disabled.email }));
    await actingAs(null, () => requestPasswordResetAction({ email: invited.email }));
    expect(await mailsTo(disabled.email)).toEqual([]);
    expect(await mailsTo(invited.email)).toEqual([]);
  });
});
