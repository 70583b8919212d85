/** Signing in through the app's real endpoints, and the headers a browser sends. */

export const BROWSER_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'en-GB,en;q=0.9',
  'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
} as const;

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]);
}

export type Session = { email: string; cookie: string; cookies: { name: string; value: string }[] };

/**
 * Signs in as a browser does without the form: GET /api/auth/csrf (token and its cookie),
 * then POST the credentials to /api/auth/callback/credentials; Auth.js answers 302 with the
 * session cookie.
 */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  for (const pair of cookiePairs(csrf)) jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' }),
  });
  await response.arrayBuffer();
  const location = response.headers.get('location') ?? '';
  if (response.status !== 302 || location.includes('error=')) {
    throw new Error(`sign-in of ${email} failed: ${response.status} ${location}`);
  }
  for (const pair of cookiePairs(response)) jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  const session = [...jar].filter(([name]) => name.includes('session-token'));
  if (!session.length) throw new Error(`sign-in of ${email} set no session cookie`);
  const cookies = [...jar].map(([name, value]) => ({ name, value }));
  return { email, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), cookies };
}
