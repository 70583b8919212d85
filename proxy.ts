import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from '@/lib/i18n/routing';

const intl = createMiddleware(routing);

/** Pages that exist only for a signed-in user (each checks the user and its rights itself). */
// (An organisation's invitation link is open to visitors: the token is the credential.)
const privatePaths = /^\/(dashboard|organisation(?!\/join\/)|applications|review|admin|account)(\/|$)|^\/calls\/[^/]+\/apply\/?$/;
const localePrefix = new RegExp(`^/(${routing.locales.join('|')})(?=/|$)`);

/**
 * Two things, before anything is rendered:
 * - The language: English pages are served unprefixed (rewritten to /en/… inside), other
 *   languages under their prefix; a visitor's language is negotiated once and remembered.
 * - A visitor without any session asking for a private page is sent to sign in with a real
 *   redirect. Cached pages stream, so a check made while rendering could only redirect
 *   from the browser. This is an optimistic check on the cookie's presence, never a guard:
 *   every page, action and data function checks the user itself.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const prefix = pathname.match(localePrefix)?.[0] ?? '';
  const path = pathname.slice(prefix.length) || '/';
  if (privatePaths.test(path) && !hasSessionCookie(request)) {
    const signIn = new URL(`${prefix}/sign-in`, request.url);
    signIn.searchParams.set('callbackUrl', `${path}${search}`);
    return NextResponse.redirect(signIn, 307);
  }
  return intl(request);
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export const config = {
  // Pages only: not the API, Next's own files, or files with an extension (results.json,
  // export.csv and everything in public/).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
