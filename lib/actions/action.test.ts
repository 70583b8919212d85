import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db';
import { auditLog, outbox, userRoles, users } from '@/db/schema';
import { readAction } from '@/lib/actions/action';
import { inviteUserAction, setUserRolesAction } from '@/lib/actions/users';
import { actingAs } from '@/lib/auth/session';
import { createUser, uniqueEmail } from '@/lib/test/factories';

async function tableCounts() {
  const [[u], [o], [a]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(outbox),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { users: u.n, outbox: o.n, audit: a.n };
}

describe('the action wrapper', () => {
  it('[visitor] an anonymous call is refused and writes nothing', async () => {
    const before = await tableCounts();
    const result = await actingAs(null, () => inviteUserAction({ email: uniqueEmail(), roles: ['reviewer'] }));
    expect(result).toEqual({ ok: false, error: 'Please sign in first.' });
    expect(await tableCounts()).toEqual(before);
  });

  it('[applicant] a call without the permission is refused and writes nothing', async () => {
    const applicant = await createUser(['applicant']);
    const before = await tableCounts();
    const result = await actingAs(applicant, () => inviteUserAction({ email: uniqueEmail(), roles: ['admin'] }));
    expect(result).toEqual({ ok: false, error: 'You do not have permission to do that.' });
    expect(await tableCounts()).toEqual(before);
  });

  it('[reviewer] cannot grant themselves admin', async () => {
    const reviewer = await createUser(['reviewer']);
    const result = await actingAs(reviewer, () => setUserRolesAction({ userId: reviewer.id, roles: ['reviewer', 'admin'] }));
    expect(result.ok).toBe(false);
    const roles = await db.select().from(userRoles).where(eq(userRoles.userId, reviewer.id));
    expect(roles.map((r) => r.role)).toEqual(['reviewer']);
  });

  it('[admin] invalid input is refused with field errors in words, before anything else', async () => {
    const admin = await createUser(['admin']);
    const before = await tableCounts();
    const result = await actingAs(admin, () => inviteUserAction({ email: 'not-an-email', roles: [] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.email).toEqual(['Enter an e-mail address like name@example.org.']);
    expect(result.fieldErrors?.roles).toEqual(['Choose at least one.']);
    expect(await tableCounts()).toEqual(before);
  });

  it('[admin] unknown fields such as "status" are refused (strict schemas)', async () => {
    const admin = await createUser(['admin']);
    const result = await actingAs(admin, () => inviteUserAction({ email: uniqueEmail(), roles: ['reviewer'], status: 'admin' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('Unexpected fields were sent: status.');
  });

  it('[admin] a known refusal inside the transaction rolls back everything it wrote', async () => {
    const admin = await createUser(['admin']);
    const email = uniqueEmail('taken');
    await createUser(['applicant'], { email, passwordHash: 'x' });
    const before = await tableCounts();
    const result = await actingAs(admin, () => inviteUserAction({ email, roles: ['reviewer'] }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: ['This person already has an account.'] } });
    expect(await tableCounts()).toEqual(before);
  });

  it('[admin] the right role succeeds with a typed result, one audit row and one mail', async () => {
    const admin = await createUser(['admin']);
    const before = await tableCounts();
    const result = await actingAs(admin, () => inviteUserAction({ email: uniqueEmail(), roles: ['reviewer'] }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await tableCounts()).toEqual({ users: before.users + 1, outbox: before.outbox + 1, audit: before.audit + 1 });
  });
});

describe('a read-only action', () => {
  const countUsers = readAction(z.strictObject({ role: z.enum(['admin', 'reviewer']) }), 'user:manage', async ({ input }) => {
    // Outside any transaction: `db` itself may be used (inside an action's transaction this
    // throws on the embedded database, where it would wait for the one connection forever).
    const [row] = await db.select({ n: count() }).from(userRoles).where(eq(userRoles.role, input.role));
    return row.n;
  });

  it('is validated, authenticated and authorised like any action, and writes nothing', async () => {
    const applicant = await createUser(['applicant']);
    const before = await tableCounts();
    expect(await actingAs(null, () => countUsers({ role: 'admin' }))).toEqual({ ok: false, error: 'Please sign in first.' });
    expect(await actingAs(applicant, () => countUsers({ role: 'admin' }))).toEqual({ ok: false, error: 'You do not have permission to do that.' });
    const admin = await createUser(['admin']);
    const invalid = await actingAs(admin, () => countUsers({ role: 'owner' }));
    expect(invalid.ok).toBe(false);
    expect(await tableCounts()).toEqual({ ...before, users: before.users + 1 });
  });

  it('runs outside a transaction and answers with its data', async () => {
    const admin = await createUser(['admin']);
    const result = await actingAs(admin, () => countUsers({ role: 'admin' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toBeGreaterThanOrEqual(1);
  });
});
