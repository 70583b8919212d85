import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { applications, calls, organisations, users, type Call } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan, type Permission } from '@/lib/authz';
import { AppError, NotFoundError } from '@/lib/errors';
import type { ScreenApplicationInput } from '@/lib/validations/screening';
import { pageNumber } from './paging';
import { uuidPattern } from '@/lib/validations/zod';


/**
 * A call for the admin review pages, by id (or by slug, handy in links and tests); null
 * when there is none. Checks the permission the page needs.
 */
export async function getCallForAdmin(user: SessionUser, idOrSlug: string, permission: Permission): Promise<Call | null> {
  assertCan(user, permission);
  const [call] = await db
    .select()
    .from(calls)
    .where(uuidPattern.test(idOrSlug) ? eq(calls.id, idOrSlug) : eq(calls.slug, idOrSlug));
  return call ?? null;
}

/** Screening starts at the close instant (the server's clock) and ends when results are published. */
export function screeningOpen(call: Pick<Call, 'status' | 'closesAt'>, now: Date = new Date()): boolean {
  if (['draft', 'cancelled', 'published'].includes(call.status)) return false;
  return !!call.closesAt && call.closesAt <= now;
}

export const SCREENING_PAGE_SIZE = 50;

/** The call's submitted applications with their screening state, a page at a time. */
export async function listScreening(user: SessionUser, call: Call, options: { page?: number; eligibility?: string } = {}) {
  assertCan(user, 'application:screen');
  const page = pageNumber(options.page);
  const conditions = [eq(applications.callId, call.id), eq(applications.status, 'submitted')];
  if (options.eligibility === 'pending' || options.eligibility === 'eligible' || options.eligibility === 'ineligible') {
    conditions.push(eq(applications.eligibility, options.eligibility));
  }
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: applications.id,
        reference: applications.reference,
        title: applications.title,
        countries: applications.countries,
        requestedAmount: applications.requestedAmount,
        organisation: organisations.legalName,
        eligibility: applications.eligibility,
        reason: applications.eligibilityReason,
        screenedAt: applications.screenedAt,
        screenedBy: users.email,
        submittedAt: applications.submittedAt,
        total: sql<number>`count(*) over ()::int`,
      })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .leftJoin(users, eq(users.id, applications.screenedBy))
      .where(and(...conditions))
      .orderBy(asc(applications.reference))
      .limit(SCREENING_PAGE_SIZE)
      .offset((page - 1) * SCREENING_PAGE_SIZE),
    db
      .select({ eligibility: applications.eligibility, count: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted')))
      .groupBy(applications.eligibility),
  ]);
  const byEligibility = { pending: 0, eligible: 0, ineligible: 0 };
  for (const c of counts) byEligibility[c.eligibility] = c.count;
  return { rows, page, pageSize: SCREENING_PAGE_SIZE, total: rows[0]?.total ?? 0, counts: byEligibility };
}

/** Marks a submitted application eligible, ineligible (with the reason) or back to pending. */
export async function screenApplication(tx: Executor, actor: SessionUser, input: ScreenApplicationInput) {
  assertCan(actor, 'application:screen');
  const [row] = await tx
    .select({ application: applications, call: calls })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, input.applicationId))
    .for('update', { of: applications });
  if (!row || row.application.status !== 'submitted') throw new NotFoundError();
  if (!screeningOpen(row.call)) throw new AppError('screeningClosed');
  const reason = input.eligibility === 'ineligible' ? input.reason : null;
  const before = { eligibility: row.application.eligibility, reason: row.application.eligibilityReason };
  const pending = input.eligibility === 'pending';
  await tx
    .update(applications)
    .set({
      eligibility: input.eligibility,
      eligibilityReason: reason,
      screenedBy: pending ? null : actor.id,
      screenedAt: pending ? null : new Date(),
    })
    .where(eq(applications.id, input.applicationId));
  const after = { eligibility: input.eligibility, reason };
  await writeAudit(tx, auditActor(actor), { action: 'application.screened', entityType: 'application', entityId: input.applicationId, before, after });
  return { callId: row.call.id, reference: row.application.reference, before, after };
}
