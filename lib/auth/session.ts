import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { forbidden } from 'next/navigation';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { cache } from 'react';
import type { Role } from '@/db/schema';
import { can, type Permission } from '@/lib/authz';
import { cookies } from 'next/headers';
import { decodeSessionCookie } from './cookie-payload';
import { authSecret } from './secret';
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

/** Auth.js's session cookie: `__Secure-` on https, plain on http; its name is also the key's salt. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

type CookieJar = Awaited<ReturnType<typeof cookies>>;

/** A cookie's value; Auth.js splits one over 4 KB into name.0, name.1, … (ours stays far smaller). */
function cookieValue(jar: CookieJar, name: string): string | undefined {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const parts = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return parts.length ? parts.map((c) => c.value).join('') : undefined;
}

/**
 * What the signed cookie says (not yet checked against the database). The cookie is
 * decrypted here (or its payload remembered: lib/auth/cookie-payload.ts), as Auth.js's
 * auth() would, but without auth()'s round through its
 * session endpoint, which also encrypts a fresh cookie on every call: the cookie already
 * lives as long as the session may (session.maxAge), and the server-side session decides
 * the rest (lib/auth/sessions.ts).
 */
const readCookie = cache(async (): Promise<CookieSession | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(jar, name);
    if (!token) continue;
    const payload = await decodeSessionCookie(token, authSecret(), name);
    const userId = payload?.uid;
    const sessionId = payload?.sid;
    if (typeof userId !== 'string' || typeof sessionId !== 'string') return null;
    return { userId, sessionId, sessionVersion: Number(payload?.sv ?? 0) };
  }
  return null;
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
