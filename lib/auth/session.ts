import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { forbidden } from 'next/navigation';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { cache } from 'react';
import type { Role } from '@/db/schema';
import { can, type Permission } from '@/lib/authz';
import { auth } from '.';
import type { SessionUser } from './session-user';
import { fromAddress, hasScopedAddress } from '@/lib/security/client-address';
import { loadLiveSession } from './sessions';

export type { SessionUser };

// Lets code outside a request (tests, start-up tasks) act as a given user through the
// very same actions and data functions.
const actorScope = new AsyncLocalStorage<SessionUser | null>();
let inProcessCalls = 0;

/**
 * Runs `fn` as `user`. Unless the caller chose an address (`fromAddress`), each call counts
 * as coming from an address of its own for the per-address limits (lib/security/rate-limit.ts).
 */
export function actingAs<T>(user: SessionUser | null, fn: () => Promise<T>): Promise<T> {
  const run = () => actorScope.run(user, fn);
  if (hasScopedAddress()) return run();
  inProcessCalls += 1;
  return fromAddress(`in-process-${process.pid}-${inProcessCalls}`, run);
}

type CookieSession = { userId: string; sessionId: string; sessionVersion: number };

/** What the signed cookie says (not yet checked against the database). */
const readCookie = cache(async (): Promise<CookieSession | null> => {
  const session = (await auth()) as (Record<string, unknown> & { user?: { id?: string } }) | null;
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || typeof sessionId !== 'string') return null;
  return { userId, sessionId, sessionVersion: Number(session.sessionVersion ?? 0) };
});

/** The id of this browser's session (to mark "this device" and to sign it out), if any. */
export async function currentSessionId(): Promise<string | null> {
  if (actorScope.getStore() !== undefined) return null;
  return (await readCookie())?.sessionId ?? null;
}

/**
 * The signed-in user, or null. The cookie's session must be live on the server: not
 * signed out, within its idle and absolute lifetimes, of a user who is not disabled and
 * whose roles or password have not changed since (lib/auth/sessions.ts).
 */
export const getOptionalUser = cache(async (): Promise<SessionUser | null> => {
  const scoped = actorScope.getStore();
  if (scoped !== undefined) return scoped;
  const cookie = await readCookie();
  if (!cookie) return null;
  const live = await loadLiveSession(cookie.userId, cookie.sessionId, cookie.sessionVersion);
  if (!live) return null;
  return { ...live.user, roles: live.user.roles as Role[] };
});

/** For pages: a visitor is sent to sign in and back. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getOptionalUser();
  if (!user) return redirectInLocale(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For pages: a visitor is sent to sign in and back; a user without the permission gets a 403
 * page. Pages ask for a permission, never a role: the map in lib/authz is the one source.
 */
export async function requirePermission(permission: Permission, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!can(user, permission)) forbidden();
  return user;
}
