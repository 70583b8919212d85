import 'server-only';
import { and, desc, eq, ilike, sql } from 'drizzle-orm';
import { db } from '@/db';
import { applications, auditLog, calls, outbox } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';

export const PAGE_SIZE = 25;

function likePattern(value: string) {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** All calls, newest first, with application counts by status. */
export async function listCallsForAdmin(user: SessionUser) {
  assertCan(user, 'call:manage');
  return db
    .select({
      id: calls.id,
      slug: calls.slug,
      title: calls.title,
      status: calls.status,
      closesAt: calls.closesAt,
      timeZone: calls.timeZone,
      drafts: sql<number>`count(${applications.id}) filter (where ${applications.status} = 'draft')::int`,
      submitted: sql<number>`count(${applications.id}) filter (where ${applications.status} = 'submitted')::int`,
    })
    .from(calls)
    .leftJoin(applications, eq(applications.callId, calls.id))
    .groupBy(calls.id)
    .orderBy(desc(calls.createdAt), desc(calls.closesAt));
}

export async function listOutbox(user: SessionUser, filters: { status?: string; to?: string; page?: number }) {
  assertCan(user, 'outbox:read');
  const page = Math.max(1, filters.page ?? 1);
  const conditions = [];
  if (filters.status && ['pending', 'sending', 'sent', 'failed'].includes(filters.status)) {
    conditions.push(eq(outbox.status, filters.status as 'pending'));
  }
  if (filters.to?.trim()) conditions.push(ilike(outbox.toAddress, likePattern(filters.to.trim())));
  const rows = await db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      template: outbox.template,
      status: outbox.status,
      attempts: outbox.attempts,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(outbox)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { rows, page, pageSize: PAGE_SIZE, total: rows[0]?.total ?? 0 };
}

export async function getOutboxMessage(user: SessionUser, id: string) {
  assertCan(user, 'outbox:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [message] = await db.select().from(outbox).where(eq(outbox.id, id));
  return message ?? null;
}

export async function listAudit(user: SessionUser, filters: { action?: string; actor?: string; page?: number }) {
  assertCan(user, 'audit:read');
  const page = Math.max(1, filters.page ?? 1);
  const conditions = [];
  if (filters.action?.trim()) conditions.push(ilike(auditLog.action, `${filters.action.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filters.actor?.trim()) conditions.push(ilike(auditLog.actorEmail, likePattern(filters.actor.trim())));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { rows, page, pageSize: PAGE_SIZE, total: rows[0]?.total ?? 0 };
}
