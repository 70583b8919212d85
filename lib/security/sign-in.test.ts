import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, outbox, users, userSessions } from '@/db/schema';
import { signUpAction } from '@/lib/actions/auth';
import { requestPasswordResetAction } from '@/lib/actions/account';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { actingAs } from '@/lib/auth/session';
import { createSession, loadLiveSession, revokeAllSessions, revokeSession } from '@/lib/auth/sessions';
import { authenticate } from '@/lib/data/accounts';
import { fromAddress } from '@/lib/security/client-address';
import { limits } from '@/lib/security/rate-limit';
import { createUser, uniqueEmail } from '@/lib/test/factories';

let n = 0;
/** A documentation address (RFC 5737) of its own for each test. */
const address = () => `198.51.100.${(n += 1)}-${process.pid}-${Date.now()}`;

async function owner(password = 'the right password for this') {
  const email = uniqueEmail('owner');
  const user = await createUser(['applicant'], { email, passwordHash: await hashPassword(password) });
  return { email, password, user };
}

async function locks(scope: string, email?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'security.locked'), sql`${auditLog.after}->>'scope' = ${scope}`, email ? eq(auditLog.actorEmail, email) : undefined));
}

describe('sign-in protection', () => {
  it('[attacker] wrong passwords from one address lock that address out of the account, not its owner elsewhere', async () => {
    const { email, password } = await owner();
    const attacker = address();
    for (let i = 0; i < limits.signInAccount.max; i++) {
      expect(await fromAddress(attacker, () => authenticate({ email, password: `wrong guess ${i}` }))).toEqual({ ok: false, reason: 'invalid' });
    }
    // The attacker is now refused, even with the right password…
    const refused = await fromAddress(attacker, () => authenticate({ email, password }));
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    if (refused.ok || refused.reason !== 'throttled') throw new Error('unreachable');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(limits.signInAccount.windowSeconds);
    // …while the owner, from their own address, signs in as usual.
    expect(await fromAddress(address(), () => authenticate({ email, password }))).toMatchObject({ ok: true });
    // One audit row for the lock, none for each failure.
    await fromAddress(attacker, () => authenticate({ email, password: 'yet another guess' }));
    expect(await locks('sign-in:account', email)).toHaveLength(1);
    const failures = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in_failed'), eq(auditLog.actorEmail, email)));
    expect(failures).toHaveLength(0);
  });

  it('[attacker] 50 parallel wrong passwords get exactly the limit of password checks', async () => {
    const { email } = await owner();
    const attacker = address();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fromAddress(attacker, () => authenticate({ email, password: `parallel guess ${i}` }))),
    );
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    const throttled = results.filter((r) => !r.ok && r.reason === 'throttled').length;
    expect(checked).toBe(limits.signInAccount.max);
    expect(throttled).toBe(50 - limits.signInAccount.max);
    expect(await locks('sign-in:account', email)).toHaveLength(1);
  });

  it('[attacker] one address trying many accounts is stopped by the per-address limit', async () => {
    const attacker = address();
    const target = await owner();
    let firstRefusal = -1;
    for (let i = 0; i < limits.signInAddress.max + 1; i++) {
      const result = await fromAddress(attacker, () => authenticate({ email: uniqueEmail('spray'), password: 'Summer2026!!' }));
      if (!result.ok && result.reason === 'throttled' && firstRefusal < 0) firstRefusal = i;
    }
    expect(firstRefusal).toBe(limits.signInAddress.max);
    expect(await fromAddress(attacker, () => authenticate({ email: target.email, password: target.password }))).toMatchObject({ reason: 'throttled' });
    expect(await fromAddress(address(), () => authenticate({ email: target.email, password: target.password }))).toMatchObject({ ok: true });
  });

  it('[owner] a successful sign-in does not use up the address limit (an office of many users shares one address)', async () => {
    const office = address();
    const people = await Promise.all(Array.from({ length: 3 }, () => owner()));
    for (let round = 0; round < Math.ceil(limits.signInAddress.max / 3) + 2; round++) {
      for (const p of people) expect(await fromAddress(office, () => authenticate({ email: p.email, password: p.password }))).toMatchObject({ ok: true });
    }
  });
});

describe('sign-up and forgot-password do not say which addresses have accounts', () => {
  it('[visitor] sign-up answers the same for a new and a taken address; the owner of the taken one is told', async () => {
    const taken = await owner();
    const fresh = uniqueEmail('fresh');
    const newAnswer = await actingAs(null, () => signUpAction({ name: 'Someone', email: fresh, password: 'a long enough password' }));
    const takenAnswer = await actingAs(null, () => signUpAction({ name: 'Someone', email: taken.email, password: 'a long enough password' }));
    expect(newAnswer).toEqual({ ok: true, data: { email: fresh } });
    expect(takenAnswer).toEqual({ ok: true, data: { email: taken.email } });
    // The taken account is unchanged: same password, no second account.
    expect(await authenticate({ email: taken.email, password: taken.password })).toMatchObject({ ok: true });
    expect(await db.select().from(users).where(eq(users.email, taken.email))).toHaveLength(1);
    const mails = await db.select().from(outbox).where(eq(outbox.toAddress, taken.email));
    expect(mails.map((m) => m.template)).toEqual(['accountExists']);
    expect((await db.select().from(outbox).where(eq(outbox.toAddress, fresh))).map((m) => m.template)).toEqual(['emailVerification']);
    // A second try within the hour mails nobody again.
    await actingAs(null, () => signUpAction({ name: 'Someone', email: taken.email, password: 'a long enough password' }));
    expect(await db.select().from(outbox).where(eq(outbox.toAddress, taken.email))).toHaveLength(1);
  });

  it('[visitor] a refused password is refused the same way for a new and a taken address', async () => {
    const taken = await owner();
    const a = await actingAs(null, () => signUpAction({ name: 'Someone', email: uniqueEmail('fresh'), password: 'password1234' }));
    const b = await actingAs(null, () => signUpAction({ name: 'Someone', email: taken.email, password: 'password1234' }));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining('list of common passwords')] } });
  });

  it('[visitor] sign-up is limited per address, with a message and one audit row', async () => {
    const from = address();
    const answers = [];
    for (let i = 0; i < limits.signUpAddress.max + 2; i++) {
      answers.push(await fromAddress(from, () => actingAs(null, () => signUpAction({ name: 'Bulk', email: uniqueEmail('bulk'), password: 'a long enough password' }))));
    }
    expect(answers.slice(0, limits.signUpAddress.max).every((a) => a.ok)).toBe(true);
    for (const refused of answers.slice(limits.signUpAddress.max)) {
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts from your network\. Wait \d+ minutes?/) });
    }
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.action, 'security.locked'), eq(auditLog.entityId, from)));
    expect(rows).toHaveLength(1);
  });

  it('[visitor] forgot-password is limited per address', async () => {
    const from = address();
    const answers = [];
    for (let i = 0; i < limits.passwordResetAddress.max + 1; i++) {
      answers.push(await fromAddress(from, () => actingAs(null, () => requestPasswordResetAction({ email: uniqueEmail('nobody') }))));
    }
    expect(answers.filter((a) => a.ok)).toHaveLength(limits.passwordResetAddress.max);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: expect.stringContaining('Too many attempts') });
  });
});

describe('sessions end on the server', () => {
  it('[user] a revoked session stops working at once; the others stay', async () => {
    const { user } = await owner();
    const [laptop, phone] = [await createSession(user.id, 'laptop'), await createSession(user.id, 'phone')];
    expect(await loadLiveSession(user.id, laptop, 0)).not.toBeNull();
    await revokeSession(laptop);
    expect(await loadLiveSession(user.id, laptop, 0)).toBeNull();
    expect(await loadLiveSession(user.id, phone, 0)).not.toBeNull();
    await revokeAllSessions(db, user.id);
    expect(await loadLiveSession(user.id, phone, 0)).toBeNull();
  });

  it('[user] a session ends after the idle lifetime and after the absolute one', async () => {
    const { user } = await owner();
    const idle = await createSession(user.id, null);
    const old = await createSession(user.id, null);
    await db.update(userSessions).set({ lastSeenAt: sql`now() - interval '9 hours'` }).where(eq(userSessions.id, idle));
    await db.update(userSessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(userSessions.id, old));
    expect(await loadLiveSession(user.id, idle, 0)).toBeNull();
    expect(await loadLiveSession(user.id, old, 0)).toBeNull();
    const previous = process.env.SESSION_IDLE_MINUTES;
    process.env.SESSION_IDLE_MINUTES = '600';
    try {
      expect(await loadLiveSession(user.id, idle, 0)).not.toBeNull();
    } finally {
      if (previous === undefined) delete process.env.SESSION_IDLE_MINUTES;
      else process.env.SESSION_IDLE_MINUTES = previous;
    }
  });

  it('[user] another user\'s session id, a disabled user or an older session version opens nothing', async () => {
    const a = await owner();
    const b = await owner();
    const sid = await createSession(a.user.id, null);
    expect(await loadLiveSession(b.user.id, sid, 0)).toBeNull();
    expect(await loadLiveSession(a.user.id, sid, 1)).toBeNull();
    expect(await loadLiveSession(a.user.id, 'not-a-uuid', 0)).toBeNull();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, a.user.id));
    expect(await loadLiveSession(a.user.id, sid, 0)).toBeNull();
  });
});

describe('passwords (OWASP ASVS 5.0)', () => {
  it('refuses common and breached passwords, personal ones and patterns, and says why', async () => {
    expect(await passwordProblem('password1234')).toBe('passwordBreached');
    expect(await passwordProblem('Qwertyuiop')).toBe('passwordBreached');
    expect(await passwordProblem('iloveyou12')).not.toBeNull();
    expect(await passwordProblem('aaaaaaaaaaaa')).toBe('passwordPattern');
    expect(await passwordProblem('maria.santos1', { email: 'maria.santos@example.org', name: 'Maria Santos' })).toBe('passwordPersonal');
    expect(await passwordProblem('eoiportal2026')).toBe('passwordPersonal');
  });

  it('accepts long passphrases, any characters, no composition rules', async () => {
    for (const ok of ['a long enough password', 'correct horse battery staple', 'مرحبا بالعالم الجميل', 'tous les matins du monde', '🦊🦊 renard rusé 🦊🦊']) {
      expect(await passwordProblem(ok), ok).toBeNull();
    }
  });
});
