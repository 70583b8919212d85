import { decode, type JWT } from 'next-auth/jwt';

/** Auth.js's own leeway on `exp` when it decodes a session cookie (next-auth/jwt). */
const CLOCK_TOLERANCE_MS = 15_000;
const KEPT = 1_000;

const recent = new Map<string, JWT>();

/**
 * The payload of an Auth.js session cookie, or null when it does not decrypt or has expired.
 *
 * Decrypting the cookie (a JWE: a key derived from the secret, AES and an HMAC, each a job
 * on libuv's thread pool) took a tenth of the server's CPU time for an autosave. A cookie
 * decrypts to the same payload every time, so the payloads of the last 1,000 cookies are
 * kept in memory, keyed by the cookie itself, and used until they expire. Only what
 * decrypted is kept. The cookie is only half of the check: the session it names is read
 * from the database on every request (lib/auth/sessions.ts), so signing out, a disabled
 * account or changed roles still take effect at once.
 */
export async function decodeSessionCookie(token: string, secret: string, salt: string): Promise<JWT | null> {
  const key = `${salt}\n${token}`;
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    if (unexpired(known)) {
      recent.set(key, known); // the most recently used is the last to go
      return known;
    }
    return null;
  }
  const payload = await decode({ token, secret, salt }).catch(() => null);
  if (payload && unexpired(payload)) {
    if (recent.size >= KEPT) recent.delete(recent.keys().next().value!);
    recent.set(key, payload);
  }
  return payload;
}

function unexpired(payload: JWT): boolean {
  return typeof payload.exp === 'number' && payload.exp * 1000 + CLOCK_TOLERANCE_MS > Date.now();
}
