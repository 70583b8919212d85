import 'server-only';
import { and, desc, eq, ilike, sql } from 'drizzle-orm';
import { db } from '@/db';
import { applications, auditLog, calls } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { containsPattern, startsWithPattern } from './like';
import { pageNumber } from './paging';

export const PAGE_SIZE = 25;


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

export async function listAudit(user: SessionUser, filters: { action?: string; actor?: string; page?: number }) {
  assertCan(user, 'audit:read');
  const page = pageNumber(filters.page);
  const conditions = [];
  if (filters.action?.trim()) conditions.push(ilike(auditLog.action, startsWithPattern(filters.action.trim())));
  if (filters.actor?.trim()) conditions.push(ilike(auditLog.actorEmail, containsPattern(filters.actor.trim())));
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
