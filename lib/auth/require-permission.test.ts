import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, requirePermission } from '@/lib/auth/session';
import { createUser } from '@/lib/test/factories';

/** What a page's gate threw: Next's digest for a redirect or an HTTP fallback (403), or the error itself. */
async function gate(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'passed';
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string') return digest;
    throw error;
  }
}

// next.config.ts turns on forbidden() (experimental.authInterrupts) for the app; here, for the test.
const previous = process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
beforeAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
});
afterAll(() => {
  if (previous === undefined) delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
  else process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = previous;
});

describe('requirePermission (the gate of every page)', () => {
  it('[visitor] is sent to sign in and back', async () => {
    const digest = await gate(() => actingAs(null, () => requirePermission('ranking:read', '/admin/calls/x/ranking')));
    expect(digest).toMatch(/^NEXT_REDIRECT;/);
    expect(digest).toContain('/sign-in?callbackUrl=%2Fadmin%2Fcalls%2Fx%2Franking');
  });

  it('[applicant] [reviewer] without the permission get the 403 page', async () => {
    for (const roles of [['applicant'], ['reviewer']] as const) {
      const user = await createUser([...roles]);
      expect(await gate(() => actingAs(user, () => requirePermission('ranking:read', '/admin')))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    }
    const admin = await createUser(['admin']);
    expect(await gate(() => actingAs(admin, () => requirePermission('review:write', '/review')))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('[admin] with the permission gets through, as themselves', async () => {
    const admin = await createUser(['admin']);
    expect((await actingAs(admin, () => requirePermission('ranking:read', '/admin'))).id).toBe(admin.id);
    const both = await createUser(['reviewer', 'applicant']);
    expect((await actingAs(both, () => requirePermission('review:write', '/review'))).id).toBe(both.id);
  });

  it('no page or component asks for a role: they ask for a permission (lib/authz is the one map)', async () => {
    const root = path.resolve(__dirname, '..', '..');
    const offenders: string[] = [];
    for (const dir of ['app', 'components']) {
      for (const entry of await readdir(path.join(root, dir), { recursive: true })) {
        if (!/\.tsx?$/.test(entry)) continue;
        const text = await readFile(path.join(root, dir, entry), 'utf8');
        if (/requireRole\(|roles\.(includes|some)\(/.test(text)) offenders.push(`${dir}/${entry}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
