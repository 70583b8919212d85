import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/db/schema';
import { auth } from '.';
import { loadUser, toSessionUser, type SessionUser } from './session-user';

export type { SessionUser };

// Lets code outside a request (tests, start-up tasks) act as a given user through the
// very same actions and data functions.
const actorScope = new AsyncLocalStorage<SessionUser | null>();

export function actingAs<T>(user: SessionUser | null, fn: () => Promise<T>): Promise<T> {
  return actorScope.run(user, fn);
}

/** The signed-in user, or null. A disabled user, or a session older than the last role change, is signed out. */
export const getOptionalUser = cache(async (): Promise<SessionUser | null> => {
  const scoped = actorScope.getStore();
  if (scoped !== undefined) return scoped;
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await loadUser(userId);
  const version = (session as { sessionVersion?: number }).sessionVersion ?? 0;
  if (!user || user.disabled || user.sessionVersion !== version) return null;
  return toSessionUser(user);
});

/** For pages: a visitor is sent to sign in and back. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getOptionalUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: a visitor is sent to sign in; a user without the role gets a 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.roles.includes(role)) forbidden();
  return user;
}
