'use server';

import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { signIn, signOut } from '@/lib/auth';
import { signInErrorText } from '@/lib/auth/sign-in-errors';
import { homeFor } from '@/lib/authz';
import { acceptInvitation, signUp } from '@/lib/data/accounts';
import { getSignedInAccount } from '@/lib/data/internal/signed-in-account';
import type { ActionResult } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { routing } from '@/lib/i18n/routing';
import { limits } from '@/lib/security/rate-limit';
import { safeReturnPath } from '@/lib/security/return-path';
import { cleanInput } from '@/lib/security/text';
import { acceptInvitationSchema, signInSchema, signUpSchema } from '@/lib/validations/auth';
import { publicAction } from './action';

async function signInAndGoHome(email: string, password: string, callbackUrl?: string): Promise<ActionResult<never>> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      return { ok: false, error: await signInErrorText((error as AuthError & { code?: string }).code) };
    }
    throw error;
  }
  const user = await getSignedInAccount(email);
  // The language saved on the account wins from now on: the proxy sends the user there
  // whenever they arrive at an address without a language (links in mail, bookmarks).
  if (isLocale(user?.locale)) {
    const { name, ...options } = routing.localeCookie as { name: string; maxAge: number };
    (await cookies()).set(name, user.locale, { ...options, path: '/', sameSite: 'lax' });
  }
  // redirectInLocale() throws, so it stays outside any try/catch.
  return redirectInLocale(safeReturnPath(callbackUrl) ?? homeFor(user?.roles ?? []), user?.locale);
}

export async function signInAction(raw: unknown): Promise<ActionResult<never>> {
  const parsed = signInSchema.safeParse(cleanInput(raw));
  if (!parsed.success) return { ok: false, error: await signInErrorText('invalid') };
  return signInAndGoHome(parsed.data.email, parsed.data.password, parsed.data.callbackUrl);
}

/**
 * Sign-up answers the same whether or not the address already has an account (see
 * lib/data/accounts.ts signUp): the form then says to look for our mail and sign in. A new
 * account keeps the language it was made in (for its mail).
 */
export const signUpAction = publicAction(
  signUpSchema,
  async ({ input, user, locale, tx }) => {
    await signUp(tx, user, input, locale);
    return { email: input.email };
  },
  { limit: limits.signUpAddress },
);

const acceptInvitationTx = publicAction(
  acceptInvitationSchema,
  async ({ input, user, tx }) => acceptInvitation(tx, user, input),
  { limit: limits.tokenAddress },
);

export async function acceptInvitationAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await acceptInvitationTx(raw);
  if (!result.ok) return result;
  const input = acceptInvitationSchema.parse(cleanInput(raw));
  return signInAndGoHome(result.data.email, input.password);
}

/** Ends the session, on the server too (the signOut event in lib/auth); the header's button then forgets the user and goes home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
}
