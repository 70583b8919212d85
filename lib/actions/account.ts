'use server';

import { signOut } from '@/lib/auth';
import { currentSessionId } from '@/lib/auth/session';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { confirmEmail, requestPasswordReset, resendEmailVerification, resetPassword } from '@/lib/data/account-tokens';
import { changePassword, setOwnLocale, signOutEverywhere } from '@/lib/data/accounts';
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
  async ({ input, user, tx }) => {
    const confirmed = await confirmEmail(tx, user, input);
    return { email: confirmed.email };
  },
  { limit: limits.tokenAddress },
);

/** "Send the link again" in the notice a user with an unconfirmed address sees. */
export const resendVerificationAction = action(resendVerificationSchema, 'account:own', async ({ user, tx }) => resendEmailVerification(tx, user));

/** The language switcher, for a signed-in user: their choice is kept on the account (for their mail, and the next visit). */
export const setMyLocaleAction = action(setLocaleSchema, 'account:own', async ({ input, user, tx }) => {
  await setOwnLocale(tx, user, input.locale);
  return { locale: input.locale };
});

/** Always the same answer, whether or not the address has an account. */
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
  async ({ input, user, tx }) => resetPassword(tx, user, input),
  { limit: limits.tokenAddress },
);

/** Sets the new password, then sends the user to sign in with it. */
export async function resetPasswordAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await resetPasswordTx(raw);
  if (!result.ok) return result;
  // redirectInLocale() throws, so it stays outside any try/catch.
  return redirectInLocale('/sign-in?reset=done');
}

const changePasswordTx = action(changePasswordSchema, 'account:own', async ({ input, user, tx }) =>
  changePassword(tx, user, input, await currentSessionId()),
);

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

const endEverySession = action(signOutEverywhereSchema, 'account:own', async ({ user, tx }) => ({ ended: await signOutEverywhere(tx, user) }));

/** "Sign out of all devices": every session of the account ends on the server, this one too. */
export async function signOutEverywhereAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await endEverySession(raw);
  if (!result.ok) return result;
  await signOut({ redirect: false });
  return redirectInLocale('/sign-in?signedOut=all');
}
