'use server';

import { signOut } from '@/lib/auth';
import { currentSessionId } from '@/lib/auth/session';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { confirmEmail, requestPasswordReset, resendEmailVerification, resetPassword } from '@/lib/data/account-tokens';
import { changePassword, setOwnLocale } from '@/lib/data/accounts';
import type { ActionResult } from '@/lib/errors';
import { requestTranslator } from '@/lib/i18n/translate';
import { limits } from '@/lib/security/rate-limit';
import {
  changePasswordSchema,
  confirmEmailSchema,
  forgotPasswordSchema,
  resendVerificationSchema,
  resetPasswordSchema,
  setLocaleSchema,
  signOutEverywhereSchema,
} from '@/lib/validations/account';
import { action, publicAction } from './action';

/** The button on /verify-email/[token]: the token is the proof, no sign-in needed. */
export const confirmEmailAction = publicAction(
  confirmEmailSchema,
  async ({ input, tx, audit }) => {
    const confirmed = await confirmEmail(tx, input);
    await audit({ action: 'user.email_verified', entityType: 'user', entityId: confirmed.userId, after: { email: confirmed.email } });
    return { email: confirmed.email };
  },
  { limit: limits.tokenAddress },
);

/** "Send the link again" in the notice a user with an unconfirmed address sees. */
export const resendVerificationAction = action(resendVerificationSchema, 'account:own', async ({ user, tx, audit }) => {
  const sent = await resendEmailVerification(tx, user);
  await audit({ action: 'user.verification_resent', entityType: 'user', entityId: user.id });
  return sent;
});

/** The language switcher, for a signed-in user: their choice is kept on the account (for their mail, and the next visit). */
export const setMyLocaleAction = action(setLocaleSchema, 'account:own', async ({ input, user, tx, audit }) => {
  const saved = await setOwnLocale(tx, user, input.locale);
  if (saved.changed) await audit({ action: 'user.locale_changed', entityType: 'user', entityId: user.id, before: { locale: saved.before }, after: { locale: input.locale } });
  return { locale: input.locale };
});

/** Always the same answer, whether or not the address has an account (audited in the data function). */
export const requestPasswordResetAction = publicAction(
  forgotPasswordSchema,
  async ({ input, tx }) => {
    await requestPasswordReset(tx, input);
    return null;
  },
  { limit: limits.passwordResetAddress },
);

const resetPasswordTx = publicAction(
  resetPasswordSchema,
  async ({ input, tx, audit }) => {
    const reset = await resetPassword(tx, input);
    await audit({ action: 'user.password_reset', entityType: 'user', entityId: reset.userId });
    return reset;
  },
  { limit: limits.tokenAddress },
);

/** Sets the new password, then sends the user to sign in with it. */
export async function resetPasswordAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await resetPasswordTx(raw);
  if (!result.ok) return result;
  // redirectInLocale() throws, so it stays outside any try/catch.
  return redirectInLocale('/sign-in?reset=done');
}

const changePasswordTx = action(changePasswordSchema, 'account:own', async ({ input, user, tx, audit }) => {
  const changed = await changePassword(tx, user, input, await currentSessionId());
  if (changed.ok) {
    await audit({ action: 'user.password_changed', entityType: 'user', entityId: user.id, after: { otherSessionsEnded: changed.otherSessionsEnded } });
  }
  return changed;
});

/** A signed-in user changes their password: the current one is required; other sessions end. */
export async function changePasswordAction(raw: unknown): Promise<ActionResult<{ otherSessionsEnded: number }>> {
  const result = await changePasswordTx(raw);
  if (!result.ok) return result;
  if (result.data.ok) return { ok: true, data: { otherSessionsEnded: result.data.otherSessionsEnded } };
  const t = await requestTranslator('errors');
  if (result.data.reason === 'throttled') {
    return { ok: false, error: t('tooManyAttempts', { minutes: Math.ceil((result.data.retryAfterSeconds ?? 60) / 60) }) };
  }
  const message = t('currentPasswordWrong');
  return { ok: false, error: message, fieldErrors: { currentPassword: [message] } };
}

const endEverySession = action(signOutEverywhereSchema, 'account:own', async ({ user, tx, audit }) => {
  const ended = await revokeAllSessions(tx, user.id);
  await audit({ action: 'user.signed_out_everywhere', entityType: 'user', entityId: user.id, after: { sessionsEnded: ended } });
  return { ended };
});

/** "Sign out of all devices": every session of the account ends on the server, this one too. */
export async function signOutEverywhereAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await endEverySession(raw);
  if (!result.ok) return result;
  await signOut({ redirect: false });
  return redirectInLocale('/sign-in?signedOut=all');
}
