import 'server-only';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db';
import { applications, calls, organisations, reviewAssignments, reviews, userRoles, users, type Call } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { callTitleIn } from '@/lib/calls/languages';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { AppError, NotFoundError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import { planAssignments, type Shortfall } from '@/lib/scoring/assignment';
import { likelyConflictDomain } from '@/lib/scoring/conflicts';
import type { AssignReviewerInput } from '@/lib/validations/assignment';
import { pageNumber } from './paging';

/** Everyone who can be given reviews: active users with the reviewer role. */
async function listActiveReviewers(executor: Executor = db) {
  return executor
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'reviewer')))
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.email));
}

export const MATRIX_PAGE_SIZE = 40;

/**
 * The assignment matrix: the call's eligible applications (a page at a time) against its
 * reviewers, each cell the assignment's state, with every reviewer's load in the call.
 */
export async function getAssignmentMatrix(user: SessionUser, call: Call, options: { page?: number } = {}) {
  assertCan(user, 'assignment:manage');
  const page = pageNumber(options.page);
  const eligible = and(eq(applications.callId, call.id), eq(applications.status, 'submitted'), eq(applications.eligibility, 'eligible'));
  const [reviewerRows, appRows, loads, [summary]] = await Promise.all([
    listActiveReviewers(),
    db
      .select({
        id: applications.id,
        reference: applications.reference,
        title: applications.title,
        organisation: organisations.legalName,
        total: sql<number>`count(*) over ()::int`,
      })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(eligible)
      .orderBy(asc(applications.reference))
      .limit(MATRIX_PAGE_SIZE)
      .offset((page - 1) * MATRIX_PAGE_SIZE),
    db
      .select({ reviewerId: reviewAssignments.reviewerId, load: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .where(and(eligible, ne(reviewAssignments.status, 'conflict')))
      .groupBy(reviewAssignments.reviewerId),
    db.execute(sql`
      select count(*) filter (where coalesce(x.assigned, 0) < ${call.reviewersPerApplication})::int as under,
             count(*)::int as applications
      from applications a
      left join (select application_id, count(*) filter (where status <> 'conflict') as assigned
                 from review_assignments group by application_id) x on x.application_id = a.id
      where a.call_id = ${call.id} and a.status = 'submitted' and a.eligibility = 'eligible'`).then((r) => rowsOf<{ under: number; applications: number }>(r)),
  ]);
  const ids = appRows.map((a) => a.id);
  const cells = ids.length
    ? await db
        .select({
          id: reviewAssignments.id,
          applicationId: reviewAssignments.applicationId,
          reviewerId: reviewAssignments.reviewerId,
          status: reviewAssignments.status,
          likelyConflict: reviewAssignments.likelyConflict,
          conflictReason: reviewAssignments.conflictReason,
          reviewStatus: reviews.status,
        })
        .from(reviewAssignments)
        .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
        .where(inArray(reviewAssignments.applicationId, ids))
    : [];
  // Reviewers no longer active keep their existing assignments on the matrix.
  const known = new Set(reviewerRows.map((r) => r.id));
  const missing = [...new Set(cells.map((c) => c.reviewerId))].filter((id) => !known.has(id));
  const former = missing.length
    ? await db.select({ id: users.id, email: users.email, name: users.name, locale: users.locale }).from(users).where(inArray(users.id, missing))
    : [];
  const loadOf = new Map(loads.map((l) => [l.reviewerId, l.load]));
  return {
    reviewers: [...reviewerRows.map((r) => ({ ...r, active: true })), ...former.map((r) => ({ ...r, active: false }))].map((r) => ({
      ...r,
      load: loadOf.get(r.id) ?? 0,
    })),
    applications: appRows.map(({ total: _t, ...a }) => a),
    cells,
    page,
    pageSize: MATRIX_PAGE_SIZE,
    total: appRows[0]?.total ?? 0,
    underAssigned: summary?.under ?? 0,
    eligibleCount: summary?.applications ?? 0,
  };
}

type AppForAssignment = { id: string; reference: string | null; website: string | null; contactEmail: string | null };

async function eligibleApplication(tx: Executor, applicationId: string) {
  const [row] = await tx
    .select({
      id: applications.id,
      reference: applications.reference,
      status: applications.status,
      eligibility: applications.eligibility,
      website: organisations.website,
      contactEmail: organisations.contactEmail,
      call: calls,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, applicationId));
  if (!row || row.status !== 'submitted') throw new NotFoundError();
  if (row.eligibility !== 'eligible') throw new AppError('notEligible');
  if (['published', 'cancelled'].includes(row.call.status)) throw new AppError('reviewClosed');
  return row;
}

/** Queues one "applications to review" mail per reviewer for a batch of new assignments. */
async function mailReviewers(tx: Executor, call: Call, reviewerIds: string[]) {
  const counts = new Map<string, number>();
  for (const id of reviewerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  if (!counts.size) return;
  const people = await tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, [...counts.keys()]));
  for (const person of people) {
    await queueMail(tx, {
      to: person.email,
      toUserId: person.id,
      locale: person.locale,
      template: 'reviewAssignment',
      data: {
        callTitle: callTitleIn(call, person.locale),
        count: counts.get(person.id)!,
        deadline: call.reviewDeadline ? { at: call.reviewDeadline, timeZone: call.timeZone } : null,
        link: appUrl('/review'),
      },
    });
  }
}

async function insertAssignments(
  tx: Executor,
  actor: SessionUser,
  pairs: { application: AppForAssignment; reviewer: { id: string; email: string } }[],
) {
  if (!pairs.length) return [];
  return tx
    .insert(reviewAssignments)
    .values(
      pairs.map(({ application, reviewer }) => ({
        applicationId: application.id,
        reviewerId: reviewer.id,
        assignedBy: actor.id,
        likelyConflict: likelyConflictDomain(reviewer.email, application),
      })),
    )
    .onConflictDoNothing()
    .returning();
}

/** An admin assigns one reviewer to one eligible application by hand. */
export async function assignReviewer(tx: Executor, actor: SessionUser, input: AssignReviewerInput) {
  assertCan(actor, 'assignment:manage');
  const application = await eligibleApplication(tx, input.applicationId);
  const [reviewer] = (await listActiveReviewers(tx)).filter((r) => r.id === input.reviewerId);
  if (!reviewer) throw new AppError('notAReviewer');
  const [created] = await insertAssignments(tx, actor, [{ application, reviewer }]);
  if (!created) throw new AppError('alreadyAssigned');
  await mailReviewers(tx, application.call, [reviewer.id]);
  await auditCreated(tx, actor, [created], false);
  return { assignment: created, callId: application.call.id, reference: application.reference };
}

/**
 * An admin removes an assignment. A declared conflict stays on record (it keeps the
 * reviewer off the application), and a submitted review is never thrown away.
 */
export async function unassignReviewer(tx: Executor, actor: SessionUser, assignmentId: string) {
  assertCan(actor, 'assignment:manage');
  const [row] = await tx
    .select({ assignment: reviewAssignments, reviewStatus: reviews.status, callId: applications.callId })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.id, assignmentId))
    .for('update', { of: reviewAssignments });
  if (!row) throw new NotFoundError();
  if (row.assignment.status === 'conflict') throw new AppError('conflictIsKept');
  if (row.reviewStatus === 'submitted') throw new AppError('reviewSubmittedKept');
  await tx.delete(reviewAssignments).where(eq(reviewAssignments.id, assignmentId));
  const hadDraft = row.reviewStatus === 'draft';
  const { applicationId, reviewerId, status } = row.assignment;
  await writeAudit(tx, auditActor(actor), {
    action: 'assignment.removed',
    entityType: 'review_assignment',
    entityId: assignmentId,
    before: { applicationId, reviewerId, status, draftDiscarded: hadDraft },
  });
  return { callId: row.callId, before: row.assignment, hadDraft };
}

/** One audit row per assignment made, by hand or automatically. */
async function auditCreated(
  tx: Executor,
  actor: SessionUser,
  created: { id: string; applicationId: string; reviewerId: string; likelyConflict: string | null }[],
  automatic: boolean,
) {
  for (const a of created) {
    await writeAudit(tx, auditActor(actor), {
      action: 'assignment.created',
      entityType: 'review_assignment',
      entityId: a.id,
      after: { applicationId: a.applicationId, reviewerId: a.reviewerId, likelyConflict: a.likelyConflict, automatic },
    });
  }
}

export type AutoAssignResult = {
  created: { id: string; applicationId: string; reviewerId: string; likelyConflict: string | null }[];
  shortfalls: (Shortfall & { reference: string | null })[];
  reviewers: number;
};

/**
 * "Assign automatically": every eligible application gets the call's number of reviewers,
 * balanced, never on a declared conflict, keeping what exists (lib/scoring/assignment.ts).
 */
export async function autoAssign(tx: Executor, actor: SessionUser, callId: string): Promise<AutoAssignResult> {
  assertCan(actor, 'assignment:manage');
  // One run at a time per call: the call row is the lock.
  const [call] = await tx.select().from(calls).where(eq(calls.id, callId)).for('update');
  if (!call) throw new NotFoundError();
  if (['published', 'cancelled', 'draft'].includes(call.status)) throw new AppError('reviewClosed');
  const apps = await tx
    .select({
      id: applications.id,
      reference: applications.reference,
      website: organisations.website,
      contactEmail: organisations.contactEmail,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted'), eq(applications.eligibility, 'eligible')))
    .orderBy(asc(applications.reference));
  const reviewerRows = await listActiveReviewers(tx);
  if (!apps.length) throw new AppError('nothingToAssign');
  if (!reviewerRows.length) throw new AppError('noReviewers');
  const existing = await tx
    .select({ applicationId: reviewAssignments.applicationId, reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status })
    .from(reviewAssignments)
    .where(inArray(reviewAssignments.applicationId, apps.map((a) => a.id)));
  const plan = planAssignments({
    applications: apps.map((a) => a.id),
    reviewers: reviewerRows.map((r) => r.id),
    perApplication: call.reviewersPerApplication,
    existing,
  });
  const appById = new Map(apps.map((a) => [a.id, a]));
  const reviewerById = new Map(reviewerRows.map((r) => [r.id, r]));
  const created: AutoAssignResult['created'] = [];
  // In slices, so a large call stays within the parameter limit of one statement.
  for (let i = 0; i < plan.assignments.length; i += 500) {
    const slice = plan.assignments.slice(i, i + 500);
    const rows = await insertAssignments(
      tx,
      actor,
      slice.map((a) => ({ application: appById.get(a.applicationId)!, reviewer: reviewerById.get(a.reviewerId)! })),
    );
    created.push(...rows.map((r) => ({ id: r.id, applicationId: r.applicationId, reviewerId: r.reviewerId, likelyConflict: r.likelyConflict })));
  }
  await mailReviewers(tx, call, created.map((c) => c.reviewerId));
  await auditCreated(tx, actor, created, true);
  return {
    created,
    shortfalls: plan.shortfalls.map((s) => ({ ...s, reference: appById.get(s.applicationId)?.reference ?? null })),
    reviewers: reviewerRows.length,
  };
}
