'use server';

import { redirect } from 'next/navigation';
import { confirmEmail, requestPasswordReset, resendEmailVerification, resetPassword } from '@/lib/data/account-tokens';
import type { ActionResult } from '@/lib/errors';
import {
  confirmEmailSchema,
  forgotPasswordSchema,
  resendVerificationSchema,
  resetPasswordSchema,
} from '@/lib/validations/account';
import { action, publicAction } from './action';

/** The button on /verify-email/[token]: the token is the proof, no sign-in needed. */
export const confirmEmailAction = publicAction(confirmEmailSchema, async ({ input, tx, audit }) => {
  const confirmed = await confirmEmail(tx, input);
  await audit({ action: 'user.email_verified', entityType: 'user', entityId: confirmed.userId, after: { email: confirmed.email } });
  return { email: confirmed.email };
});

/** "Send the link again" in the notice a user with an unconfirmed address sees. */
export const resendVerificationAction = action(resendVerificationSchema, 'account:own', async ({ user, tx, audit }) => {
  const sent = await resendEmailVerification(tx, user);
  await audit({ action: 'user.verification_resent', entityType: 'user', entityId: user.id });
  return sent;
});

/** Always the same answer, whether or not the address has an account (audited in the data function). */
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async ({ input, tx }) => {
  await requestPasswordReset(tx, input);
  return null;
});

const resetPasswordTx = publicAction(resetPasswordSchema, async ({ input, tx, audit }) => {
  const reset = await resetPassword(tx, input);
  await audit({ action: 'user.password_reset', entityType: 'user', entityId: reset.userId });
  return reset;
});

/** Sets the new password, then sends the user to sign in with it. */
export async function resetPasswordAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await resetPasswordTx(raw);
  if (!result.ok) return result;
  // redirect() throws, so it stays outside any try/catch.
  redirect('/sign-in?reset=done');
}
