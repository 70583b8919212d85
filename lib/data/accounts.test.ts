import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, outbox, userRoles, users } from '@/db/schema';
import { acceptInvitationAction } from '@/lib/actions/auth';
import { inviteUserAction, setUserDisabledAction, setUserRolesAction } from '@/lib/actions/users';
import { actingAs } from '@/lib/auth/session';
import { loadUser } from '@/lib/auth/session-user';
import { authenticate } from '@/lib/data/accounts';
import { hashPassword } from '@/lib/auth/password';
import { createUser, uniqueEmail } from '@/lib/test/factories';
import { mailHtml } from '@/lib/mail/outbox';

async function invitationToken(email: string) {
  const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, email));
  return mail.textBody.match(/\/invitation\/([A-Za-z0-9_-]+)/)![1];
}

describe('accounts', () => {
  it('[admin] an invitation creates the user with the roles, queues the mail and audits it', async () => {
    const admin = await createUser(['admin']);
    const email = uniqueEmail('invitee');
    const result = await actingAs(admin, () => inviteUserAction({ email, name: 'New Reviewer', roles: ['reviewer'] }));
    expect(result).toMatchObject({ ok: true });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user.passwordHash).toBeNull();
    const roles = await db.select().from(userRoles).where(eq(userRoles.userId, user.id));
    expect(roles.map((r) => r.role)).toEqual(['reviewer']);
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mail.subject).toBe('You are invited to EOI Portal');
    expect(mail.textBody).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}/);
    expect(mailHtml(mail)).toContain('Accept the invitation');
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.invited'), eq(auditLog.entityId, user.id)));
    expect(entry.actorEmail).toBe(admin.email);
  });

  it('[invitee] an invitation sets the password once; a second use is refused', async () => {
    const admin = await createUser(['admin']);
    const email = uniqueEmail('invitee');
    await actingAs(admin, () => inviteUserAction({ email, roles: ['reviewer', 'admin'] }));
    const token = await invitationToken(email);
    const accept = acceptInvitationAction as unknown as (i: unknown) => Promise<unknown>;
    // Outside Next the final sign-in cannot set a cookie; the account change before it is what we check.
    await actingAs(null, () => accept({ token, name: 'Invitee', password: 'correct horse battery' })).catch(() => undefined);
    const result = await authenticate({ email, password: 'correct horse battery' });
    expect(result.ok).toBe(true);
    const second = await actingAs(null, () => accept({ token, name: 'Invitee', password: 'another password 123' })).catch((e) => e);
    expect(second).toMatchObject({ ok: false, error: 'This invitation link is invalid, already used or expired. Ask an admin for a new one.' });
  });

  it('[admin] disabling a user and changing roles bump the session version (old sessions stop working)', async () => {
    const admin = await createUser(['admin']);
    const target = await createUser(['applicant']);
    const v0 = (await loadUser(target.id))!.sessionVersion;
    await actingAs(admin, () => setUserRolesAction({ userId: target.id, roles: ['applicant', 'reviewer'] }));
    const v1 = (await loadUser(target.id))!;
    expect(v1.sessionVersion).toBe(v0 + 1);
    expect(v1.roles).toEqual(['applicant', 'reviewer']);
    await actingAs(admin, () => setUserDisabledAction({ userId: target.id, disabled: true }));
    const v2 = (await loadUser(target.id))!;
    expect(v2.sessionVersion).toBe(v0 + 2);
    expect(v2.disabled).toBe(true);
  });

  it('[admin] a disabled user cannot sign in, even with the right password', async () => {
    const admin = await createUser(['admin']);
    const email = uniqueEmail('disabled');
    const target = await createUser(['applicant'], { email, passwordHash: await hashPassword('the right password') });
    await actingAs(admin, () => setUserDisabledAction({ userId: target.id, disabled: true }));
    expect(await authenticate({ email, password: 'the right password' })).toEqual({ ok: false, reason: 'disabled' });
  });

  it('[admin] the last active admin cannot be demoted or disabled; with two, one can', async () => {
    // Make this test's admin the only active one.
    const others = await db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin'));
    const admin = await createUser(['admin']);
    for (const o of others) await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, o.id));

    const demote = await actingAs(admin, () => setUserRolesAction({ userId: admin.id, roles: ['reviewer'] }));
    expect(demote).toEqual({ ok: false, error: 'This is the last active admin. Make someone else an admin first.' });
    const self = await actingAs(admin, () => setUserDisabledAction({ userId: admin.id, disabled: true }));
    expect(self).toEqual({ ok: false, error: 'You cannot disable your own account.' });

    const second = await createUser(['admin']);
    const ok = await actingAs(second, () => setUserRolesAction({ userId: admin.id, roles: ['reviewer'] }));
    expect(ok.ok).toBe(true);
    for (const o of others) await db.update(users).set({ disabledAt: null }).where(eq(users.id, o.id));
  });
});
