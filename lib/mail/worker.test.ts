import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { db, schema, type Database, type Executor } from '@/db';
import { auditLog, outbox, type OutboxMessage } from '@/db/schema';
import { action } from '@/lib/actions/action';
import { retryFailedOutboxAction, retryOutboxMessageAction } from '@/lib/actions/mail';
import { actingAs } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { manualClock, type ManualClock } from '@/lib/test/clock';
import { createUser, uniqueEmail } from '@/lib/test/factories';
import { parseMail, startOutageProxy, startSmtpServer, testTransport, type ReceivedMail } from '@/lib/test/smtp';
import { z } from '@/lib/validations/zod';
import type { DeliverySettings } from './config';
import { mailHtml, queueMail } from './outbox';
import { renderMail, type MailTemplates } from './templates';
import { claimDueMessages, createMailWorker, retryDelayMs, startMailWorker, stopMailWorker, type MailTransport, type MailWorker } from './worker';

const FROM = 'EOI Portal <noreply@eoi.example>';

function settings(overrides: Partial<DeliverySettings> = {}): DeliverySettings {
  return {
    maxAttempts: 5,
    batchSize: 10,
    leaseSeconds: 60,
    pollMs: 20,
    retryBaseMs: 50,
    maxRetryMs: 60_000,
    scheduleMs: Number.POSITIVE_INFINITY,
    ...overrides,
  };
}

const quiet = { log: () => {}, error: (...args: unknown[]) => console.error(...args) };
const noSchedule = async () => {};

/** Workers started in a test, stopped after it whatever happens. */
const running: MailWorker[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
});

/** A worker; given a clock, it runs on it (no jitter then, so delays are exact). */
function worker(executor: Executor, transport: MailTransport | null, overrides: Partial<DeliverySettings> = {}, clock?: ManualClock) {
  const w = createMailWorker({
    executor,
    transport,
    from: FROM,
    settings: settings(overrides),
    schedule: noSchedule,
    log: quiet,
    ...(clock ? { clock, random: () => 0 } : {}),
  });
  running.push(w);
  return w;
}

/** Queues simple messages to fresh addresses, as an action would, and returns their ids. */
async function queue(n: number, prefix = 'mail'): Promise<string[]> {
  const rows = await db
    .insert(outbox)
    .values(
      Array.from({ length: n }, (_, i) => ({
        toAddress: uniqueEmail(`${prefix}${i}`),
        template: 'passwordReset',
        subject: `Test ${i}`,
        textBody: `Plain ${i}`,
        htmlBody: `<p>HTML ${i}</p>`,
      })),
    )
    .returning({ id: outbox.id });
  return rows.map((r) => r.id);
}

async function rows(ids: string[]): Promise<OutboxMessage[]> {
  return db.select().from(outbox).where(inArray(outbox.id, ids));
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Only the messages of this test: the database may hold other tests' mail. */
function outboxIdsIn(received: ReceivedMail[], ids: string[]): string[] {
  const wanted = new Set(ids);
  return received.map((m) => parseMail(m.raw).headers.get('x-eoi-outbox-id') ?? '').filter((id) => wanted.has(id));
}

/** Counts sendMail calls and remembers to whom. */
function recording(inner: MailTransport) {
  const calls: { to: string }[] = [];
  const transport: MailTransport = {
    async sendMail(message) {
      calls.push({ to: String(message.to) });
      return inner.sendMail(message);
    },
    close: () => inner.close?.(),
  };
  return { transport, calls };
}

describe('retry delays', () => {
  it('double with each attempt, stay under the cap and add at most 25 % jitter', () => {
    const s = { retryBaseMs: 1000, maxRetryMs: 10_000 };
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, s, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(5, s, () => 0)).toBe(10_000);
    expect(retryDelayMs(30, s, () => 0)).toBe(10_000);
    expect(retryDelayMs(2, s, () => 1)).toBe(2500);
    for (let i = 0; i < 50; i++) {
      const d = retryDelayMs(3, s);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(5000);
    }
  });
});

describe('the delivery worker', () => {
  it('[mail] a submission receipt arrives over SMTP with its subject, reference and both parts; its HTML is laid out by the worker', async () => {
    const smtp = await startSmtpServer();
    try {
      const to = uniqueEmail('receipt');
      const data: MailTemplates['submissionReceipt'] = {
        organisation: 'Pontes Ricerche e Interventi',
        callTitle: 'Diaspora partnerships for climate resilience 2027',
        reference: 'EOI-2027-0042',
        projectTitle: 'Solar pumps for Tunisian cooperatives',
        submittedAt: new Date('2027-03-01T10:00:00Z'),
        closes: { at: new Date('2027-03-15T16:00:00Z'), timeZone: 'Africa/Tunis' },
        requestedAmount: 150000,
        currency: 'USD',
        countries: ['TN', 'LB'],
        link: 'http://localhost:3000/applications/x',
      };
      await db.transaction((tx) => queueMail(tx, { to, template: 'submissionReceipt', data }));
      const [queued] = await db.select().from(outbox).where(eq(outbox.toAddress, to));
      expect(queued.status).toBe('pending');
      // The request stored what the message says, not its HTML (the item 4).
      expect(queued.htmlBody).toBeNull();
      expect(queued.content).toMatchObject({ subject: 'Receipt: application EOI-2027-0042 submitted', lang: 'en', dir: 'ltr' });
      const whole = renderMail('submissionReceipt', data, 'en');
      expect(queued.textBody).toBe(whole.text);
      expect(mailHtml(queued)).toBe(whole.html);

      await worker(db, testTransport(smtp.port)).runOnce();

      const mine = smtp.received.filter((m) => m.to.includes(to));
      expect(mine).toHaveLength(1);
      expect(mine[0].from).toBe('noreply@eoi.example');
      const mail = parseMail(mine[0].raw);
      expect(mail.subject).toBe('Receipt: application EOI-2027-0042 submitted');
      expect(mail.headers.get('message-id')).toBe(`<${queued.id}@eoi.example>`);
      expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative/);
      const text = mail.parts.find((p) => p.type === 'text/plain');
      const html = mail.parts.find((p) => p.type === 'text/html');
      expect(text?.body).toContain('Reference: EOI-2027-0042');
      expect(text?.body).toContain('Solar pumps for Tunisian cooperatives');
      expect(text?.body).toContain('Tunisia, Lebanon');
      expect(text?.body).toContain('Amount requested: $150,000');
      expect(html?.body).toContain('EOI-2027-0042');
      expect(html?.body).toContain('<a href="http://localhost:3000/applications/x"');
      expect(html?.body).toContain('We received the application of Pontes Ricerche e Interventi');
      expect(html?.body?.replace(/\r\n/g, '\n').trim()).toBe(whole.html.trim());

      const [sent] = await db.select().from(outbox).where(eq(outbox.id, queued.id));
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });
      expect(sent.sentAt).toBeInstanceOf(Date);
    } finally {
      await smtp.close();
    }
  });

  it('[mail] a message queued with its HTML whole (before migration 0008) goes out with that HTML; one with neither HTML nor content is refused', async () => {
    const smtp = await startSmtpServer();
    try {
      const [id] = await queue(1, 'legacy');
      await worker(db, testTransport(smtp.port)).runOnce();
      const [mine] = smtp.received.filter((m) => parseMail(m.raw).headers.get('x-eoi-outbox-id') === id);
      expect(parseMail(mine.raw).parts.find((p) => p.type === 'text/html')?.body.trim()).toBe('<p>HTML 0</p>');
    } finally {
      await smtp.close();
    }
    await expect(
      db.insert(outbox).values({ toAddress: uniqueEmail('empty'), template: 'passwordReset', subject: 's', textBody: 't' }),
    ).rejects.toThrow();
  });

  it('[mail] while the SMTP server is down it retries with growing delays, and delivers once when it is back', async () => {
    const smtp = await startSmtpServer();
    const server = await startOutageProxy(smtp.port);
    const clock = manualClock();
    try {
      const [id] = await queue(1, 'down');
      const w = worker(db, testTransport(server.port), { retryBaseMs: 100, maxAttempts: 10 }, clock);

      // Each failed attempt waits twice as long as the one before (100, 200, 400 ms), and
      // the message is not tried again a moment before its time.
      for (const [i, delay] of [100, 200, 400].entries()) {
        await w.runOnce();
        const [row] = await rows([id]);
        expect(row).toMatchObject({ status: 'pending', attempts: i + 1 });
        expect(row.lastError).toBeTruthy();
        expect(row.nextAttemptAt.getTime() - clock.now().getTime(), `wait after attempt ${i + 1}`).toBe(delay);
        await clock.advance(delay - 1);
        await w.runOnce();
        expect((await rows([id]))[0].attempts).toBe(i + 1);
        await clock.advance(1);
      }
      expect(outboxIdsIn(smtp.received, [id])).toEqual([]);

      server.setUp(true);
      await w.runOnce();
      expect((await rows([id]))[0]).toMatchObject({ status: 'sent', attempts: 4 });
      expect((await rows([id]))[0].sentAt).toEqual(clock.now());
      // More rounds, later: nothing is sent again.
      for (let i = 0; i < 3; i++) {
        await clock.advance(60_000);
        await w.runOnce();
      }
      expect(outboxIdsIn(smtp.received, [id])).toEqual([id]);
    } finally {
      await server.close();
      await smtp.close();
    }
  });

  it('[mail] a message refused again and again is marked failed after the last attempt; an admin retry delivers it', async () => {
    let refuse = true;
    const smtp = await startSmtpServer({ reply: (to) => (refuse && to.startsWith('flaky') ? 451 : null) });
    try {
      const [id] = await queue(1, 'flaky');
      const clock = manualClock();
      const w = worker(db, testTransport(smtp.port), { maxAttempts: 3, retryBaseMs: 10 }, clock);
      for (let attempt = 1; attempt <= 3; attempt++) {
        await w.runOnce();
        await clock.advance(1000);
      }
      const [failed] = await rows([id]);
      expect(failed.status).toBe('failed');
      expect(failed.attempts).toBe(3);
      expect(failed.lastError).toContain('451');

      // Left alone, a failed message is not tried again, however long one waits.
      await clock.advance(24 * 3_600_000);
      await w.runOnce();
      expect((await rows([id]))[0].attempts).toBe(3);

      refuse = false;
      const admin = await createUser(['admin']);
      const applicant = await createUser(['applicant']);
      expect(await actingAs(applicant, () => retryOutboxMessageAction({ id }))).toMatchObject({ ok: false });
      expect(await actingAs(admin, () => retryOutboxMessageAction({ id }))).toEqual({ ok: true, data: { id } });
      await w.runOnce();
      expect((await rows([id]))[0].status).toBe('sent');
      expect(outboxIdsIn(smtp.received, [id])).toEqual([id]);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'outbox.retried'), eq(auditLog.entityId, id)));
      expect(entry).toMatchObject({ actorEmail: admin.email, before: { status: 'failed', attempts: 3 }, after: { status: 'pending', attempts: 0 } });

      // Only a failed message can be retried.
      const again = await actingAs(admin, () => retryOutboxMessageAction({ id }));
      expect(again).toEqual({ ok: false, error: 'Only a failed message can be retried; this one is already in the queue or sent.' });
    } finally {
      await smtp.close();
    }
  });

  it('[mail] a recipient refused for good (550) fails at once; "retry all failed" puts it back', async () => {
    const smtp = await startSmtpServer({ reply: (to) => (to.startsWith('gone') ? 550 : null) });
    try {
      const [id] = await queue(1, 'gone');
      await worker(db, testTransport(smtp.port), { maxAttempts: 5 }).runOnce();
      const [failed] = await rows([id]);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.lastError).toContain('550');

      const admin = await createUser(['admin']);
      const result = await actingAs(admin, () => retryFailedOutboxAction({}));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.data.count).toBeGreaterThanOrEqual(1);
      expect((await rows([id]))[0]).toMatchObject({ status: 'pending', attempts: 0 });
      const [{ n }] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed'));
      expect(n).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it('[mail] a message whose worker died mid-send is sent again only after its lease runs out', async () => {
    const smtp = await startSmtpServer();
    try {
      const ids = await queue(1, 'crash');
      const clock = manualClock();
      // A worker claims it with a short lease, then "crashes" (never sends, never releases).
      const claimed = await claimDueMessages(db, { limit: 1000, leaseSeconds: 1, maxAttempts: 5, clock });
      expect(claimed.map((m) => m.id)).toContain(ids[0]);
      const other = worker(db, testTransport(smtp.port), {}, clock);
      await other.runOnce();
      await clock.advance(999);
      await other.runOnce();
      expect(outboxIdsIn(smtp.received, ids)).toEqual([]);
      expect((await rows(ids))[0].status).toBe('sending');

      await clock.advance(2);
      await other.runOnce();
      expect(outboxIdsIn(smtp.received, ids)).toEqual(ids);
      expect((await rows(ids))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await smtp.close();
    }
  });

  it('[mail] stopping finishes the message being sent and gives the rest of the batch back', async () => {
    const smtp = await startSmtpServer({ delayMs: 400 });
    try {
      // Only this test's messages are due (a later instant would leave them to the next round).
      await db.update(outbox).set({ nextAttemptAt: sql`now() + interval '1 hour'` }).where(eq(outbox.status, 'pending'));
      const ids = await queue(3, 'stop');
      const { transport, calls } = recording(testTransport(smtp.port));
      const w = worker(db, transport);
      w.start();
      await until(async () => calls.length === 1, 10_000, 'the first send');
      await w.stop();
      expect(calls).toHaveLength(1);
      expect(smtp.received).toHaveLength(1);
      const after = await rows(ids);
      const sent = after.filter((m) => m.status === 'sent');
      const back = after.filter((m) => m.status === 'pending');
      expect(sent).toHaveLength(1);
      expect(back).toHaveLength(2);
      for (const m of back) expect(m).toMatchObject({ attempts: 0, lockedUntil: null });
    } finally {
      await smtp.close();
    }
  });

  it('[mail] a rolled-back action queues nothing, so nothing is ever sent', async () => {
    const smtp = await startSmtpServer();
    try {
      const to = uniqueEmail('rolled-back');
      const failing = action(z.strictObject({}), 'user:manage', async ({ tx }) => {
        await queueMail(tx, { to, template: 'passwordReset', data: { link: 'http://localhost/x', expiresAt: new Date() } });
        throw new AppError('forbidden');
      });
      const admin = await createUser(['admin']);
      expect(await actingAs(admin, () => failing({}))).toEqual({ ok: false, error: 'You do not have permission to do that.' });
      expect(await db.select().from(outbox).where(eq(outbox.toAddress, to))).toEqual([]);
      await worker(db, testTransport(smtp.port)).runOnce();
      expect(smtp.received.filter((m) => m.to.includes(to))).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('[mail] without SMTP settings nothing is sent: messages stay pending, readable in the outbox', async () => {
    const ids = await queue(2, 'nosmtp');
    const result = await worker(db, null).runOnce();
    expect(result.claimed).toBe(0);
    expect((await rows(ids)).map((m) => [m.status, m.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
  });
});

describe('the worker loop', () => {
  it('[mail] waits one poll interval on its clock between rounds, and stopping wakes it at once', async () => {
    const smtp = await startSmtpServer();
    const clock = manualClock();
    try {
      const { transport, calls } = recording(testTransport(smtp.port));
      const w = worker(db, transport, { pollMs: 5_000 }, clock);
      w.start();
      await until(async () => clock.sleepers === 1, 10_000, 'the first round');
      const [id] = await queue(1, 'loop');
      const { toAddress } = (await rows([id]))[0];
      // A moment before the interval: still asleep, nothing sent.
      await clock.advance(4_999);
      expect(clock.sleepers).toBe(1);
      expect(calls.filter((c) => c.to === toAddress)).toEqual([]);
      await clock.advance(1);
      await until(async () => (await rows([id]))[0].status === 'sent' && clock.sleepers === 1, 10_000, 'the next round');
      expect(calls.filter((c) => c.to === toAddress)).toHaveLength(1);
      await w.stop();
      expect(w.running).toBe(false);
      expect(clock.sleepers).toBe(0);
    } finally {
      await smtp.close();
    }
  });
});

describe("the app's worker", () => {
  it('[mail] configured by SMTP_URL and MAIL_FROM, it starts, delivers through nodemailer and stops', async () => {
    const smtp = await startSmtpServer();
    const saved = { ...process.env };
    Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Calls <calls@eoi.example>', MAIL_POLL_SECONDS: '0.05' });
    try {
      const [id] = await queue(1, 'app');
      const started = startMailWorker();
      expect(startMailWorker()).toBe(started); // one per process
      expect(started.running).toBe(true);
      await until(async () => (await rows([id]))[0].status === 'sent', 20_000, 'delivery');
      const [mail] = smtp.received.filter((m) => outboxIdsIn([m], [id]).length);
      expect(mail.from).toBe('calls@eoi.example');
      expect(parseMail(mail.raw).headers.get('from')).toBe('Calls <calls@eoi.example>');
      await stopMailWorker();
      expect(started.running).toBe(false);
    } finally {
      await stopMailWorker();
      for (const key of ['SMTP_URL', 'MAIL_FROM', 'MAIL_POLL_SECONDS']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
      await smtp.close();
    }
  });
});

describe('several instances', () => {
  // On PostgreSQL, each worker has its own connection pool, as two app instances would. On
  // the embedded database (one connection in one process) the two loops share it; the
  // claim is still one atomic statement each.
  const separateDatabases = !!process.env.DATABASE_URL;

  it(`[mail] two workers deliver 200 messages, each exactly once (${separateDatabases ? 'two PostgreSQL pools' : 'two loops on PGlite'})`, async () => {
    const smtp = await startSmtpServer();
    const clients: postgres.Sql[] = [];
    const executorFor = (): Database => {
      if (!separateDatabases) return db;
      const client = postgres(process.env.DATABASE_URL!, { max: 3, onnotice: () => {} });
      clients.push(client);
      return drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database;
    };
    try {
      const ids = await queue(200, 'bulk');
      const a = recording(testTransport(smtp.port));
      const b = recording(testTransport(smtp.port));
      worker(executorFor(), a.transport, { batchSize: 5, pollMs: 5 }).start();
      worker(executorFor(), b.transport, { batchSize: 5, pollMs: 5 }).start();
      await until(async () => (await rows(ids)).every((m) => m.status === 'sent'), 60_000, '200 deliveries');

      const delivered = outboxIdsIn(smtp.received, ids);
      expect(delivered).toHaveLength(200);
      expect(new Set(delivered).size).toBe(200);
      expect((await rows(ids)).every((m) => m.attempts === 1)).toBe(true);
      // Both took part.
      const mine = (calls: { to: string }[]) => calls.filter((c) => c.to.startsWith('bulk')).length;
      expect(mine(a.calls)).toBeGreaterThan(0);
      expect(mine(b.calls)).toBeGreaterThan(0);
      expect(mine(a.calls) + mine(b.calls)).toBe(200);
    } finally {
      await Promise.all(running.splice(0).map((w) => w.stop()));
      await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
      await smtp.close();
    }
  }, 90_000);
});
