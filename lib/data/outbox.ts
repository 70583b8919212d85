import 'server-only';
import { and, desc, eq, ilike, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { outbox, outboxStatusEnum } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { AppError, NotFoundError } from '@/lib/errors';
import { mailTemplateNames, type MailTemplateName } from '@/lib/mail/templates';
import { containsPattern } from './like';
import { pageNumber } from './paging';
import { uuidPattern } from '@/lib/validations/zod';

export const OUTBOX_PAGE_SIZE = 25;
export type OutboxStatus = (typeof outboxStatusEnum.enumValues)[number];
export const outboxStatuses = outboxStatusEnum.enumValues;


export function isOutboxStatus(value: unknown): value is OutboxStatus {
  return typeof value === 'string' && (outboxStatuses as readonly string[]).includes(value);
}

export function isTemplateName(value: unknown): value is MailTemplateName {
  return typeof value === 'string' && (mailTemplateNames as readonly string[]).includes(value);
}

export type OutboxFilters = { status?: string; to?: string; template?: string; page?: number };

/** The outbox for admins, newest first, filtered by status, recipient and kind of message. */
export async function listOutbox(user: SessionUser, filters: OutboxFilters) {
  assertCan(user, 'outbox:read');
  const page = pageNumber(filters.page);
  const conditions = [];
  if (isOutboxStatus(filters.status)) conditions.push(eq(outbox.status, filters.status));
  if (isTemplateName(filters.template)) conditions.push(eq(outbox.template, filters.template));
  if (filters.to?.trim()) conditions.push(ilike(outbox.toAddress, containsPattern(filters.to.trim())));
  const rows = await db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      template: outbox.template,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(outbox)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return { rows, page, pageSize: OUTBOX_PAGE_SIZE, total: rows[0]?.total ?? 0 };
}

/** How many messages are in each state, counted by the database. */
export async function countOutboxByStatus(user: SessionUser): Promise<Record<OutboxStatus, number>> {
  assertCan(user, 'outbox:read');
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status);
  const counts = Object.fromEntries(outboxStatuses.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export async function getOutboxMessage(user: SessionUser, id: string) {
  assertCan(user, 'outbox:read');
  if (!uuidPattern.test(id)) return null;
  const [message] = await db.select().from(outbox).where(eq(outbox.id, id));
  return message ?? null;
}

const retried = {
  status: 'pending' as const,
  attempts: 0,
  nextAttemptAt: sql`now()`,
  lockedUntil: null,
};

/** A failed message goes back to the queue with a fresh set of attempts (its last error is kept). */
export async function retryOutboxMessage(tx: Executor, user: SessionUser, id: string) {
  assertCan(user, 'outbox:manage');
  const [current] = await tx.select({ status: outbox.status, attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, id));
  if (!current) throw new NotFoundError();
  const rows = await tx
    .update(outbox)
    .set(retried)
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning({ id: outbox.id });
  if (!rows.length) throw new AppError('outboxNotFailed');
  const change = { before: current, after: { status: 'pending', attempts: 0 } };
  await writeAudit(tx, auditActor(user), { action: 'outbox.retried', entityType: 'outbox', entityId: id, ...change });
  return change;
}

/** Every failed message back to the queue; returns how many. */
export async function retryFailedOutbox(tx: Executor, user: SessionUser) {
  assertCan(user, 'outbox:manage');
  const rows = await tx.update(outbox).set(retried).where(eq(outbox.status, 'failed')).returning({ id: outbox.id });
  await writeAudit(tx, auditActor(user), { action: 'outbox.retried_all', entityType: 'outbox', after: { count: rows.length } });
  return { count: rows.length };
}
