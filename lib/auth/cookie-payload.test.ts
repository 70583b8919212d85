import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeSessionCookie } from './cookie-payload';

const secret = 'a-test-secret-that-is-long-enough-for-auth-js';
const salt = 'authjs.session-token';

function cookie(maxAge = 3600, uid = 'user-1') {
  return encode({ token: { uid, sid: 'session-1', sv: 0 }, secret, salt, maxAge });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('decodeSessionCookie', () => {
  it('reads what Auth.js wrote, and the second time gives the payload it kept without decrypting again', async () => {
    const token = await cookie();
    const first = await decodeSessionCookie(token, secret, salt);
    expect(first).toMatchObject({ uid: 'user-1', sid: 'session-1', sv: 0 });
    // Decrypting makes a new object each time: the very same one means it was kept.
    expect(await decodeSessionCookie(token, secret, salt)).toBe(first);
  });

  it('refuses a cookie that is altered, encrypted with another secret or under another name', async () => {
    const token = await cookie(3600, 'user-2');
    const altered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await decodeSessionCookie(altered, secret, salt)).toBeNull();
    expect(await decodeSessionCookie(token, `${secret}-other`, salt)).toBeNull();
    // Kept under its own name only: the same value under another cookie's name is decrypted with that salt, and fails.
    expect(await decodeSessionCookie(token, secret, salt)).toMatchObject({ uid: 'user-2' });
    expect(await decodeSessionCookie(token, secret, `__Secure-${salt}`)).toBeNull();
  });

  it('stops giving a kept payload once the cookie has expired (with Auth.js’s 15 s of leeway)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await cookie(60, 'user-3');
    expect(await decodeSessionCookie(token, secret, salt)).toMatchObject({ uid: 'user-3' });
    vi.setSystemTime(Date.now() + 70_000);
    expect(await decodeSessionCookie(token, secret, salt)).toMatchObject({ uid: 'user-3' });
    vi.setSystemTime(Date.now() + 10_000);
    expect(await decodeSessionCookie(token, secret, salt)).toBeNull();
    expect(await decodeSessionCookie(token, secret, salt)).toBeNull();
  });
});
