import nodemailer from 'nodemailer';
import { and, asc, eq, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { db as appDb, type Executor } from '@/db';
import { outbox, type OutboxMessage } from '@/db/schema';
import { log as appLog } from '@/lib/log';
import { mailConfig, type DeliverySettings } from './config';
import { mailHtml } from './outbox';
import { queueScheduledReminders } from './scheduler';

/**
 * The delivery worker. It runs inside every app process (lib/server/start.ts) and:
 *
 * 1. claims due messages in one atomic statement (`UPDATE … WHERE id IN (SELECT … FOR
 *    UPDATE SKIP LOCKED LIMIT n) RETURNING`), marking them 'sending' with a lease and
 *    counting the attempt; two instances never claim the same message, and a message a
 *    crashed worker held is claimed again only once its lease has run out;
 * 2. sends each one through SMTP, then marks it sent, or schedules a retry with
 *    exponential backoff and jitter, or marks it failed after MAIL_MAX_ATTEMPTS (an admin
 *    sees it in /admin/outbox and can retry it);
 * 3. computes the scheduled reminders now and then (also when SMTP is off: they wait in
 *    the outbox like any other message).
 *
 * Every write after the claim is fenced by (id, attempts): the claim increments
 * `attempts`, so a worker whose lease ran out and whose message was claimed again can no
 * longer touch it.
 */

/**
 * The worker's clock. Left out, the database's now() decides what is due and when a lease
 * runs out (one clock for every instance), and the worker waits with real timers; tests
 * pass one they move by hand (lib/test/clock.ts) instead of sleeping.
 */
export type Clock = {
  now(): Date;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
};

const realSleep: Clock['sleep'] = (ms, signal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/** The instant "now" in SQL: the clock's when there is one, else the database's. */
function nowIn(clock: Clock | undefined): SQL {
  return clock ? sql`${clock.now().toISOString()}::timestamptz` : sql`now()`;
}

/** What the worker needs from nodemailer: one method (tests pass their own). */
export type MailTransport = {
  sendMail(message: nodemailer.SendMailOptions): Promise<unknown>;
  close?(): void;
};

export type DeliveryResult = { claimed: number; sent: number; retried: number; failed: number; released: number };

/** Exponential backoff with up to 25 % jitter: base, 2×base, 4×base … capped at max. */
export function retryDelayMs(attempt: number, settings: Pick<DeliverySettings, 'retryBaseMs' | 'maxRetryMs'>, random = Math.random): number {
  const exponential = settings.retryBaseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(settings.maxRetryMs, exponential);
  return Math.round(capped * (1 + 0.25 * random()));
}

/** A recipient the server refused for good (5xx on RCPT TO): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const e = error as { code?: string; responseCode?: number };
  return e?.code === 'EENVELOPE' && typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
}

function errorText(error: unknown): string {
  const e = error as { message?: string; code?: string };
  const text = [e?.code, e?.message ?? String(error)].filter(Boolean).join(': ');
  return text.slice(0, 1000);
}

/** Marks messages whose last worker died on their final attempt as failed. */
async function failAbandoned(executor: Executor, maxAttempts: number, now: SQL) {
  await executor
    .update(outbox)
    .set({ status: 'failed', lockedUntil: null, lastError: sql`coalesce(${outbox.lastError}, 'delivery was interrupted')` })
    .where(and(eq(outbox.status, 'sending'), lt(outbox.lockedUntil, now), sql`${outbox.attempts} >= ${maxAttempts}`));
}

/** Claims up to `limit` due messages for this worker, atomically. */
export async function claimDueMessages(
  executor: Executor,
  { limit, leaseSeconds, maxAttempts, clock }: { limit: number; leaseSeconds: number; maxAttempts: number; clock?: Clock },
): Promise<OutboxMessage[]> {
  const now = nowIn(clock);
  await failAbandoned(executor, maxAttempts, now);
  const isDue = or(
    and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
    // A lease that ran out: its worker crashed or hung.
    and(eq(outbox.status, 'sending'), lt(outbox.lockedUntil, now), lt(outbox.attempts, maxAttempts)),
  );
  const due = executor
    .select({ id: outbox.id })
    .from(outbox)
    .where(isDue)
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return executor
    .update(outbox)
    .set({
      status: 'sending',
      attempts: sql`${outbox.attempts} + 1`,
      lockedUntil: sql`${now} + make_interval(secs => ${leaseSeconds})`,
    })
    .where(inArray(outbox.id, due))
    .returning();
}

/** Our claim on a message: the row is still 'sending' with the attempt we counted. */
function ours(message: Pick<OutboxMessage, 'id' | 'attempts'>) {
  return and(eq(outbox.id, message.id), eq(outbox.status, 'sending'), eq(outbox.attempts, message.attempts));
}

/** Renews the lease just before sending; false when the message is no longer ours. */
async function renewLease(executor: Executor, message: OutboxMessage, leaseSeconds: number, clock?: Clock): Promise<boolean> {
  const rows = await executor
    .update(outbox)
    .set({ lockedUntil: sql`${nowIn(clock)} + make_interval(secs => ${leaseSeconds})` })
    .where(ours(message))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Gives a claimed, unsent message back (on shutdown), without counting the attempt. */
async function release(executor: Executor, message: OutboxMessage) {
  await executor
    .update(outbox)
    .set({ status: 'pending', lockedUntil: null, attempts: sql`${outbox.attempts} - 1` })
    .where(ours(message));
}

function domainOf(from: string): string {
  const match = from.match(/@([^>\s]+)>?\s*$/);
  return match?.[1] ?? 'eoi-portal.invalid';
}

/** The message as it goes out; its Message-ID is stable, so a receiver can drop a duplicate. */
export function toSendMail(message: OutboxMessage, from: string): nodemailer.SendMailOptions {
  return {
    from,
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody,
    html: mailHtml(message),
    messageId: `<${message.id}@${domainOf(from)}>`,
    date: message.createdAt,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-EOI-Outbox-Id': message.id, 'X-EOI-Template': message.template },
  };
}

export type DeliverOptions = {
  executor: Executor;
  transport: MailTransport;
  from: string;
  settings: DeliverySettings;
  /** Checked before each message: when true, the rest of the batch is given back. */
  stopping?: () => boolean;
  random?: () => number;
  clock?: Clock;
};

/** Claims one batch and delivers it. */
export async function deliverBatch(options: DeliverOptions): Promise<DeliveryResult> {
  const { executor, transport, from, settings, clock } = options;
  const result: DeliveryResult = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
  const batch = await claimDueMessages(executor, {
    limit: settings.batchSize,
    leaseSeconds: settings.leaseSeconds,
    maxAttempts: settings.maxAttempts,
    clock,
  });
  result.claimed = batch.length;
  for (const message of batch) {
    if (options.stopping?.()) {
      await release(executor, message);
      result.released += 1;
      continue;
    }
    if (!(await renewLease(executor, message, settings.leaseSeconds, clock))) continue;
    try {
      await transport.sendMail(toSendMail(message, from));
    } catch (error) {
      const final = message.attempts >= settings.maxAttempts || isPermanent(error);
      const delaySeconds = retryDelayMs(message.attempts, settings, options.random) / 1000;
      await executor
        .update(outbox)
        .set(
          final
            ? { status: 'failed', lockedUntil: null, lastError: errorText(error) }
            : {
                status: 'pending',
                lockedUntil: null,
                lastError: errorText(error),
                nextAttemptAt: sql`${nowIn(clock)} + make_interval(secs => ${delaySeconds})`,
              },
        )
        .where(ours(message));
      if (final) result.failed += 1;
      else result.retried += 1;
      continue;
    }
    await executor
      .update(outbox)
      .set({ status: 'sent', sentAt: nowIn(clock), lockedUntil: null })
      .where(ours(message));
    result.sent += 1;
  }
  return result;
}

export type WorkerOptions = {
  executor: Executor;
  /** Null: no SMTP configured; the worker only queues the scheduled reminders. */
  transport: MailTransport | null;
  from: string;
  settings: DeliverySettings;
  /** Computes and queues scheduled messages (as of the clock's now, when there is a clock); defaults to the reminders. */
  schedule?: (executor: Executor, now?: Date) => Promise<unknown>;
  random?: () => number;
  clock?: Clock;
  log?: { log: (message: string) => void; error: (message: string, error?: unknown) => void };
};

export type MailWorker = {
  /** One round: the schedule if due, then every due message. */
  runOnce(): Promise<DeliveryResult>;
  start(): void;
  /** Finishes the message being sent, gives the rest of the batch back, and stops. */
  stop(): Promise<void>;
  readonly running: boolean;
};

export function createMailWorker(options: WorkerOptions): MailWorker {
  const { executor, transport, from, settings } = options;
  const log = options.log ?? { log: (message: string) => appLog.info(message), error: (message: string, error?: unknown) => appLog.error({ err: error }, message) };
  const schedule = options.schedule ?? ((e: Executor, now?: Date) => queueScheduledReminders(e, now));
  const { clock } = options;
  const nowMs = () => (clock ? clock.now().getTime() : Date.now());
  const sleep: Clock['sleep'] = clock ? (ms, signal) => clock.sleep(ms, signal) : realSleep;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: AbortController | null = null;
  let lastSchedule = 0;

  async function runOnce(): Promise<DeliveryResult> {
    const total: DeliveryResult = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
    if (nowMs() - lastSchedule >= settings.scheduleMs) {
      lastSchedule = nowMs();
      try {
        await schedule(executor, clock?.now());
      } catch (error) {
        log.error('[mail] scheduled reminders failed', error);
      }
    }
    if (!transport) return total;
    // Drain: keep claiming while full batches come back.
    for (;;) {
      const round = await deliverBatch({ executor, transport, from, settings, stopping: () => stopping, random: options.random, clock });
      for (const key of Object.keys(total) as (keyof DeliveryResult)[]) total[key] += round[key];
      if (round.claimed < settings.batchSize || stopping) break;
    }
    if (total.sent || total.retried || total.failed) {
      log.log(`[mail] sent ${total.sent}, to retry ${total.retried}, failed ${total.failed}`);
    }
    return total;
  }

  return {
    runOnce,
    get running() {
      return loop !== null;
    },
    start() {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          try {
            await runOnce();
          } catch (error) {
            log.error('[mail] delivery round failed', error);
          }
          if (stopping) break;
          wake = new AbortController();
          await sleep(settings.pollMs, wake.signal);
          wake = null;
        }
      })();
    },
    async stop() {
      stopping = true;
      wake?.abort();
      await loop;
      loop = null;
      transport?.close?.();
    },
  };
}

// One worker per app process, kept on globalThis so that `next dev` reloads reuse it.
const globalState = globalThis as unknown as { __eoiMailWorker?: MailWorker };

/**
 * Starts this process's worker with the environment's settings. Throws MailConfigError
 * on a half-done SMTP configuration, so the server refuses to start with a message.
 */
export function startMailWorker(): MailWorker {
  if (globalState.__eoiMailWorker) return globalState.__eoiMailWorker;
  const config = mailConfig();
  // One pooled connection per worker: the worker sends one message at a time, and reusing
  // the connection saves a TCP (and TLS) handshake per message (measured in the scale
  // test: about three times the throughput).
  const transport = config.enabled ? nodemailer.createTransport({ ...config.transport, pool: true, maxConnections: 1 }) : null;
  const worker = createMailWorker({
    executor: appDb,
    transport,
    from: config.enabled ? config.from : '',
    settings: config.delivery,
  });
  worker.start();
  globalState.__eoiMailWorker = worker;
  return worker;
}

export async function stopMailWorker(): Promise<void> {
  const worker = globalState.__eoiMailWorker;
  globalState.__eoiMailWorker = undefined;
  await worker?.stop();
}
