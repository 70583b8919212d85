import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import proxy from '@/proxy';

const saved = process.env.AUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = saved;
});

const action = (body: string, type = 'text/plain;charset=UTF-8') =>
  new NextRequest('http://localhost/forgot-password', { method: 'POST', body, headers: { 'next-action': '7f00', 'content-type': type } });

describe('proxy.ts', () => {
  it('sends HSTS only when the public address is https', async () => {
    process.env.AUTH_URL = 'https://eoi.example.org';
    expect((await proxy(new NextRequest('http://localhost/'))).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    process.env.AUTH_URL = 'http://localhost:3000';
    expect((await proxy(new NextRequest('http://localhost/'))).headers.get('strict-transport-security')).toBeNull();
  });

  it('refuses malformed addresses and action bodies with 400 or 413, and lets good ones through', async () => {
    expect((await proxy(new NextRequest('http://localhost/calls/%zz'))).status).toBe(400);
    expect((await proxy(new NextRequest('http://localhost/partners?q=%00'))).status).toBe(400);
    expect((await proxy(action('{not json'))).status).toBe(400);
    expect((await proxy(action('"x"'))).status).toBe(400);
    expect((await proxy(action('["$@1"]'))).status).toBe(400);
    expect((await proxy(action('a'.repeat(1024 * 1024 + 1)))).status).toBe(413);
    expect((await proxy(action('[{"email":"$$dollar","when":"$D2026-01-01T00:00:00.000Z","n":"$undefined"}]'))).status).toBe(200);
    expect((await proxy(new NextRequest('http://localhost/calls/caf%C3%A9?q=r%C3%A9sum%C3%A9'))).status).toBe(200);
    // The same object passed twice: React writes a reference to where it first appears.
    expect((await proxy(action('[{"a":{"x":1},"b":"$0:0:a"}]'))).status).toBe(200);
    expect((await proxy(action('[{"a":{"x":1},"b":"$0:0:nope:deeper"}]'))).status).toBe(400);
  });

  it('serves a server action posted from an English page in English, whatever the language cookie says', async () => {
    const post = (path: string) =>
      new NextRequest(`http://localhost${path}`, {
        method: 'POST',
        body: '[{"locale":"fr"}]',
        headers: { 'next-action': '7f00', 'content-type': 'text/plain;charset=UTF-8', cookie: 'NEXT_LOCALE=fr; authjs.session-token=x' },
      });
    const unprefixed = await proxy(post('/dashboard'));
    expect(unprefixed.status).toBe(200);
    expect(unprefixed.headers.get('x-middleware-rewrite')).toBe('http://localhost/en/dashboard');
    // A page visited with that cookie is still sent to its language, as before.
    const visit = await proxy(new NextRequest('http://localhost/dashboard', { headers: { cookie: 'NEXT_LOCALE=fr; authjs.session-token=x' } }));
    expect(visit.status).toBe(307);
    expect(visit.headers.get('location')).toBe('http://localhost/fr/dashboard');
    // From a French page the action stays French.
    expect((await proxy(post('/fr/dashboard'))).headers.get('location')).toBeNull();
  });
});
