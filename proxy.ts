import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { defaultLocale } from '@/lib/i18n/config';
import { routing } from '@/lib/i18n/routing';

const intl = createMiddleware(routing);

/** Pages that exist only for a signed-in user (each checks the user and its rights itself). */
// (An organisation's invitation link is open to visitors: the token is the credential.)
const privatePaths = /^\/(dashboard|organisation(?!\/join\/)|applications|review|admin|account)(\/|$)|^\/calls\/[^/]+\/apply\/?$/;
const localePrefix = new RegExp(`^/(${routing.locales.join('|')})(?=/|$)`);
/** Not pages: the API, Next's own files, and files with an extension (results.json, export.csv, public/). */
const notAPage = /^\/(api|_next|_vercel)(\/|$)|\.[^/]*$/;

/**
 * Before anything is rendered, for every request but Next's static files:
 *
 * - Bad requests get a clear refusal where Next.js would answer 500: a path with malformed
 *   percent-encoding (`/calls/%zz`) or a query holding control characters (`?q=%00`: the
 *   database refuses NUL) gets 400; a server action body over the limit 413, one that is not
 *   the JSON arguments a browser sends 400.
 * - The language (pages only): English pages are served unprefixed (rewritten to /en/…
 *   inside), other languages under their prefix; a visitor's language is negotiated once.
 * - A visitor without any session asking for a private page is sent to sign in with a real
 *   redirect. Cached pages stream, so a check made while rendering could only redirect
 *   from the browser. This is an optimistic check on the cookie's presence, never a guard:
 *   every page, action and data function checks the user itself.
 * - HSTS when the public address (AUTH_URL) is https.
 */
/** The body limit of server actions (next.config.ts `serverActions.bodySizeLimit`, 1 MB). */
const ACTION_BODY_LIMIT = 1024 * 1024;

const CONTROL_IN_QUERY = /%(?:0[0-8bcef]|1[0-9a-f]|7f)/i;

function refuse(status: number, message: string) {
  return new NextResponse(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

function wellEncoded(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * In React's reply format a string that starts with `$` is a reference (to another part of
 * a multipart body, a promise, a Map…). The browser escapes its own such strings as `$$…`
 * and our actions take plain values, so only the scalar encodings are accepted: anything
 * else would make React wait for a part that never comes, and Next.js answer 500.
 */
const SCALAR_REFERENCE = /^\$(?:\$[\s\S]*|undefined|Infinity|-Infinity|NaN|-0|D[\s\S]*|n-?\d+)$/;

/** `$0:a:b`: the browser's reference to an object it already wrote (the same object passed twice); it must lead somewhere. */
function resolves(root: unknown, reference: string): boolean {
  let node = root;
  for (const key of reference.split(':').slice(1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object';
}

function plainReply(value: unknown, root: unknown, allowFormData: boolean, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') {
    if (!value.startsWith('$') || SCALAR_REFERENCE.test(value)) return true;
    if (/^\$0(?::[^:]+)*$/.test(value)) return resolves(root, value);
    return allowFormData && /^\$K\d+$/.test(value);
  }
  if (value === null || typeof value !== 'object') return true;
  const items = Array.isArray(value) ? value : Object.entries(value).flat();
  return items.every((item) => plainReply(item, root, allowFormData, depth + 1));
}

async function checkActionBody(request: NextRequest): Promise<NextResponse | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > ACTION_BODY_LIMIT) return refuse(413, 'Request too large.');
  const type = request.headers.get('content-type') ?? '';
  let args: string | null;
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return refuse(400, 'The request body is not a valid form.');
    }
    const first = form.get('0');
    args = typeof first === 'string' ? first : null;
    if (args === null) return null;
  } else {
    args = await request.clone().text();
    if (Buffer.byteLength(args) > ACTION_BODY_LIMIT) return refuse(413, 'Request too large.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(args);
  } catch {
    return refuse(400, 'The request body is not valid JSON.');
  }
  // The arguments of a server action: always a JSON array of plain values.
  if (!Array.isArray(parsed) || !plainReply(parsed, parsed, type.startsWith('multipart/'))) {
    return refuse(400, 'The request body does not have the expected shape.');
  }
  return null;
}

function withHsts(response: NextResponse): NextResponse {
  if (process.env.AUTH_URL?.startsWith('https://')) {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  return response;
}

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const rawPath = new URL(request.url).pathname;
  if (!wellEncoded(rawPath) || !wellEncoded(pathname)) return refuse(400, 'This address is not valid (malformed percent-encoding).');
  if (search && CONTROL_IN_QUERY.test(search)) return refuse(400, 'This address is not valid (control characters in the query).');
  const isAction = request.method === 'POST' && request.headers.has('next-action');
  if (isAction) {
    const refused = await checkActionBody(request);
    if (refused) return refused;
  }
  if (notAPage.test(pathname)) return withHsts(NextResponse.next());

  const prefix = pathname.match(localePrefix)?.[0] ?? '';
  const path = pathname.slice(prefix.length) || '/';
  // A server action posts to the page it was sent from. An unprefixed page is English, even
  // when the language cookie has meanwhile become another (switched in another tab, or by
  // the switcher's own click): next-intl would redirect the POST, and the action be lost.
  if (isAction && !prefix) {
    return withHsts(NextResponse.rewrite(new URL(`/${defaultLocale}${path === '/' ? '' : path}${search}`, request.url)));
  }
  if (privatePaths.test(path) && !hasSessionCookie(request)) {
    const signIn = new URL(`${prefix}/sign-in`, request.url);
    signIn.searchParams.set('callbackUrl', `${path}${search}`);
    return withHsts(NextResponse.redirect(signIn, 307));
  }
  return withHsts(intl(request));
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export const config = {
  // Everything but Next's static files: the refusals above apply to API routes and files too.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
