'use server';

import { eq } from 'drizzle-orm';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { users } from '@/db/schema';
import { signIn, signOut } from '@/lib/auth';
import { loadUser } from '@/lib/auth/session-user';
import { homeFor } from '@/lib/authz';
import { acceptInvitation, createApplicantAccount } from '@/lib/data/accounts';
import type { ActionResult } from '@/lib/errors';
import { loose, requestTranslator } from '@/lib/i18n/translate';
import { acceptInvitationSchema, signInSchema, signUpSchema } from '@/lib/validations/auth';
import { publicAction } from './action';

/** Only same-site paths: never an open redirect. */
function safeReturnPath(callbackUrl: string | undefined): string | null {
  if (!callbackUrl) return null;
  try {
    const url = new URL(callbackUrl, 'http://local.invalid');
    if (url.origin !== 'http://local.invalid') return null;
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

async function signInAndGoHome(email: string, password: string, callbackUrl?: string): Promise<ActionResult<never>> {
  const t = loose(await requestTranslator('auth'));
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      const key = code === 'disabled' ? 'errorDisabled' : code === 'throttled' ? 'errorThrottled' : 'errorInvalid';
      return { ok: false, error: t(key) };
    }
    throw error;
  }
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = row ? await loadUser(row.id) : null;
  // redirect() throws, so it stays outside any try/catch.
  redirect(safeReturnPath(callbackUrl) ?? homeFor(user?.roles ?? []));
}

export async function signInAction(raw: unknown): Promise<ActionResult<never>> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const t = loose(await requestTranslator('auth'));
    return { ok: false, error: t('errorInvalid') };
  }
  return signInAndGoHome(parsed.data.email, parsed.data.password, parsed.data.callbackUrl);
}

const createAccount = publicAction(signUpSchema, async ({ input, tx, audit }) => {
  const user = await createApplicantAccount(tx, input);
  await audit({ action: 'user.sign_up', entityType: 'user', entityId: user.id, after: { email: user.email, roles: ['applicant'] } });
  return user;
});

export async function signUpAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await createAccount(raw);
  if (!result.ok) return result;
  const input = signUpSchema.parse(raw);
  return signInAndGoHome(input.email, input.password, '/dashboard');
}

const acceptInvitationTx = publicAction(acceptInvitationSchema, async ({ input, tx, audit }) => {
  const accepted = await acceptInvitation(tx, input);
  await audit({ action: 'user.invitation_accepted', entityType: 'user', entityId: accepted.userId });
  return accepted;
});

export async function acceptInvitationAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await acceptInvitationTx(raw);
  if (!result.ok) return result;
  const input = acceptInvitationSchema.parse(raw);
  return signInAndGoHome(result.data.email, input.password);
}

/** Ends the session; the header's button then forgets the user and goes home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
}
