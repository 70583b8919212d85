import 'server-only';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import {
  applicationFiles,
  applications,
  calls,
  criteria,
  documentSlots,
  eligibilityRequirements,
  organisations,
  reviewAssignments,
  reviews,
  reviewScores,
  userRoles,
  users,
  type Criterion,
} from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { callTitleIn, inLanguage, shownLanguage } from '@/lib/calls/languages';
import type { Locale } from '@/lib/i18n/config';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { AppError, NotFoundError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import { reviewTotal } from '@/lib/scoring/totals';
import type { DeclareConflictInput, SaveReviewInput, SubmitReviewInput } from '@/lib/validations/review';
import { issue } from '@/lib/validations/zod';
import { pageNumber } from './paging';
import { uuidPattern } from '@/lib/validations/zod';

/**
 * What a reviewer may see is decided here, for pages, actions and downloads alike:
 * only their own assignments, only on eligible submitted applications, never once they
 * declared a conflict (all of which is "not found"); the content only after declaring no
 * conflict; the organisation's identity never in a blind call; other reviewers' scores only
 * after submitting their own, and only when the call allows it.
 */

/** The reviewer's own assignments: never anyone else's, never on ineligible applications. */
export const QUEUE_PAGE_SIZE = 25;

/** The reviewer's queue, a page at a time: calls still in review first, soonest deadline first. */
export async function listMyAssignments(user: SessionUser, options: { page?: number; locale?: Locale } = {}) {
  assertCan(user, 'review:write');
  const page = pageNumber(options.page);
  const rows = await db
    .select({
      id: reviewAssignments.id,
      status: reviewAssignments.status,
      likelyConflict: reviewAssignments.likelyConflict,
      reviewStatus: reviews.status,
      reference: applications.reference,
      title: applications.title,
      call: {
        title: calls.title,
        locale: calls.locale,
        translations: calls.translations,
        reviewDeadline: calls.reviewDeadline,
        timeZone: calls.timeZone,
        blindReview: calls.blindReview,
      },
      total: sql<number>`count(*) over ()::int`,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(
      and(
        eq(reviewAssignments.reviewerId, user.id),
        eq(applications.status, 'submitted'),
        eq(applications.eligibility, 'eligible'),
        ne(calls.status, 'cancelled'),
      ),
    )
    .orderBy(sql`${calls.status} in ('published', 'cancelled')`, asc(calls.reviewDeadline), asc(applications.reference), asc(reviewAssignments.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
  // Each call's title in the reviewer's language where the call has it.
  const localised = rows.map((r) => ({ ...r, call: { ...r.call, title: options.locale ? callTitleIn(r.call, options.locale) : r.call.title } }));
  return { rows: localised, page, pageSize: QUEUE_PAGE_SIZE, total: rows[0]?.total ?? 0 };
}

/** The reviewer's own open assignment, locked for the transaction; anything else is not found. */
async function ownAssignment(tx: Executor, actor: SessionUser, assignmentId: string, lock = false) {
  assertCan(actor, 'review:write');
  const query = tx
    .select({ assignment: reviewAssignments, application: applications, call: calls })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(
      and(
        eq(reviewAssignments.id, assignmentId),
        eq(reviewAssignments.reviewerId, actor.id),
        ne(reviewAssignments.status, 'conflict'),
        eq(applications.status, 'submitted'),
        eq(applications.eligibility, 'eligible'),
        ne(calls.status, 'cancelled'),
      ),
    );
  const [row] = lock ? await query.for('update', { of: reviewAssignments }) : await query;
  if (!row) throw new NotFoundError();
  return row;
}

export type ReviewerAssignment = NonNullable<Awaited<ReturnType<typeof getAssignmentForReviewer>>>;

/**
 * One assignment as its reviewer may see it, or null (not found). Before the conflict
 * declaration: only the organisation's name (none in a blind call). After it: the
 * application, the score card and, when allowed, the other reviewers' scores.
 */
/**
 * What a reviewer reads of their assignment; with `locale`, the call's texts (title,
 * criteria, declarations, documents) in that language where the call has it.
 */
export async function getAssignmentForReviewer(user: SessionUser, assignmentId: string, locale?: Locale) {
  if (!uuidPattern.test(assignmentId)) return null;
  let row;
  try {
    row = await ownAssignment(db, user, assignmentId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  const { assignment, application, call } = row;
  const blind = call.blindReview;
  const shown = locale ? shownLanguage(call, locale).locale : (call.locale as Locale);
  const say = <T extends object>(item: T, translations: Parameters<typeof inLanguage<T>>[1]) => inLanguage(item, translations, shown, call.locale);
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, application.organisationId));
  const base = {
    assignment: {
      id: assignment.id,
      status: assignment.status as 'pending' | 'accepted',
      likelyConflict: assignment.likelyConflict,
    },
    call: {
      id: call.id,
      title: say({ title: call.title }, call.translations).title,
      blindReview: blind,
      reviewDeadline: call.reviewDeadline,
      timeZone: call.timeZone,
      currency: call.currency,
      showPeerScores: call.showPeerScores,
      open: !['published', 'cancelled'].includes(call.status),
    },
    reference: application.reference ?? '',
    organisationName: blind ? null : organisation.legalName,
  };
  if (assignment.status === 'pending') return { ...base, stage: 'declare' as const };

  const [callCriteria, requirements, files, [review]] = await Promise.all([
    db.select().from(criteria).where(eq(criteria.callId, call.id)).orderBy(asc(criteria.position)),
    db.select().from(eligibilityRequirements).where(eq(eligibilityRequirements.callId, call.id)).orderBy(asc(eligibilityRequirements.position)),
    db
      .select({
        id: applicationFiles.id,
        slotName: documentSlots.name,
        slotTranslations: documentSlots.translations,
        fileName: applicationFiles.fileName,
        contentType: applicationFiles.contentType,
        size: applicationFiles.size,
      })
      .from(applicationFiles)
      .innerJoin(documentSlots, eq(documentSlots.id, applicationFiles.slotId))
      .where(eq(applicationFiles.applicationId, application.id))
      .orderBy(asc(documentSlots.position)),
    db.select().from(reviews).where(eq(reviews.assignmentId, assignment.id)),
  ]);
  const scores = review ? await db.select().from(reviewScores).where(eq(reviewScores.reviewId, review.id)) : [];
  const submitted = review?.status === 'submitted';
  const peers = submitted && call.showPeerScores ? await peerReviews(application.id, assignment.id, callCriteria) : null;
  return {
    ...base,
    stage: 'review' as const,
    application: {
      reference: application.reference ?? '',
      title: application.title,
      countries: application.countries,
      themes: application.themes,
      requestedAmount: application.requestedAmount,
      peopleToReach: application.peopleToReach,
      content: application.content,
      submittedAt: application.submittedAt,
    },
    // The identity never leaves the server in a blind call.
    organisation: blind
      ? null
      : {
          legalName: organisation.legalName,
          acronym: organisation.acronym,
          type: organisation.type,
          countryOfRegistration: organisation.countryOfRegistration,
          yearFounded: organisation.yearFounded,
          website: organisation.website,
          contactName: organisation.contactName,
          contactEmail: organisation.contactEmail,
        },
    requirements: requirements.map((r) => ({ id: r.id, statement: say({ statement: r.statement }, r.translations).statement, required: r.required })),
    files: files.map((f) => ({
      id: f.id,
      slotName: say({ name: f.slotName }, f.slotTranslations).name,
      fileName: blind ? null : f.fileName,
      size: f.size,
      href: `/api/review/${assignment.id}/files/${f.id}`,
    })),
    criteria: callCriteria.map(({ translations, ...c }) => ({ ...c, ...say({ name: c.name, guidance: c.guidance }, translations) })),
    review: review
      ? {
          id: review.id,
          status: review.status,
          version: review.version,
          overallComment: review.overallComment,
          recommendation: review.recommendation,
          submittedAt: review.submittedAt,
          updatedAt: review.updatedAt,
          scores: Object.fromEntries(scores.map((s) => [s.criterionId, { score: s.score, comment: s.comment }])),
        }
      : null,
    peers,
  };
}

/** The other submitted reviews of an application, without names, for a reviewer who has submitted theirs. */
async function peerReviews(applicationId: string, ownAssignmentId: string, callCriteria: Criterion[]) {
  const rows = await db
    .select({ reviewId: reviews.id, recommendation: reviews.recommendation, criterionId: reviewScores.criterionId, score: reviewScores.score })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(reviewScores, eq(reviewScores.reviewId, reviews.id))
    .where(
      and(
        eq(reviewAssignments.applicationId, applicationId),
        ne(reviewAssignments.id, ownAssignmentId),
        eq(reviewAssignments.status, 'accepted'),
        eq(reviews.status, 'submitted'),
      ),
    )
    .orderBy(asc(reviews.submittedAt), asc(reviews.id));
  const byReview = new Map<string, { recommendation: string | null; scores: Record<string, number> }>();
  for (const r of rows) {
    const entry = byReview.get(r.reviewId) ?? { recommendation: r.recommendation, scores: {} };
    entry.scores[r.criterionId] = r.score;
    byReview.set(r.reviewId, entry);
  }
  return [...byReview.values()].map((p) => ({
    recommendation: p.recommendation,
    scores: p.scores,
    total: callCriteria.every((c) => p.scores[c.id] !== undefined) ? reviewTotal(callCriteria, callCriteria.map((c) => p.scores[c.id])) : null,
  }));
}

/** No conflict: the content opens. A conflict: the assignment is withdrawn and every admin is told. */
export async function declareConflict(tx: Executor, actor: SessionUser, input: DeclareConflictInput) {
  const { assignment, application, call } = await ownAssignment(tx, actor, input.assignmentId, true);
  if (assignment.status !== 'pending') throw new AppError('alreadyDeclared');
  const now = new Date();
  if (!input.conflict) {
    await tx.update(reviewAssignments).set({ status: 'accepted', declaredAt: now }).where(eq(reviewAssignments.id, assignment.id));
    await writeAudit(tx, auditActor(actor), {
      action: 'assignment.no_conflict_declared',
      entityType: 'review_assignment',
      entityId: input.assignmentId,
      before: { status: 'pending' },
      after: { status: 'accepted' },
    });
    return { assignment, conflict: false as const, callId: call.id };
  }
  await tx
    .update(reviewAssignments)
    .set({ status: 'conflict', conflictReason: input.reason, declaredAt: now })
    .where(eq(reviewAssignments.id, assignment.id));
  const admins = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'admin')))
    .where(isNull(users.disabledAt));
  for (const admin of admins) {
    await queueMail(tx, {
      to: admin.email,
      toUserId: admin.id,
      locale: admin.locale,
      template: 'conflictDeclared',
      data: {
        reviewerName: actor.name ?? actor.email,
        reference: application.reference ?? '',
        callTitle: callTitleIn(call, admin.locale),
        reason: input.reason,
        link: appUrl(`/admin/calls/${call.id}/assignments`),
      },
    });
  }
  await writeAudit(tx, auditActor(actor), {
    action: 'assignment.conflict_declared',
    entityType: 'review_assignment',
    entityId: input.assignmentId,
    before: { status: 'pending' },
    after: { status: 'conflict', reason: input.reason },
  });
  return { assignment, conflict: true as const, callId: call.id };
}

/**
 * Saves the score card: as a draft (partial) or submitted (complete, then locked). The
 * version the reviewer's screen shows must be the current one (optimistic locking), every
 * score must be for one of this call's criteria and within its scale.
 */
export async function saveReview(tx: Executor, actor: SessionUser, input: SaveReviewInput | SubmitReviewInput, submit: boolean) {
  const { assignment, application, call } = await ownAssignment(tx, actor, input.assignmentId, true);
  if (assignment.status !== 'accepted') throw new AppError('declareFirst');
  if (['published', 'cancelled'].includes(call.status)) throw new AppError('reviewClosed');
  const callCriteria = await tx.select().from(criteria).where(eq(criteria.callId, call.id)).orderBy(asc(criteria.position));
  const byId = new Map(callCriteria.map((c) => [c.id, c]));

  const seen = new Set<string>();
  const fieldErrors: Record<string, string[]> = {};
  input.scores.forEach((line, i) => {
    const criterion = byId.get(line.criterionId);
    if (!criterion || seen.has(line.criterionId)) throw new AppError('criterionNotInCall');
    seen.add(line.criterionId);
    if (line.score !== null && (line.score < criterion.scaleMin || line.score > criterion.scaleMax)) {
      fieldErrors[`scores.${i}.score`] = [issue('scoreOutOfScale', { min: criterion.scaleMin, max: criterion.scaleMax })];
      throw new AppError('scoreOutOfScale', { criterion: criterion.name, min: criterion.scaleMin, max: criterion.scaleMax }, fieldErrors);
    }
  });
  if (submit) {
    const missing = callCriteria.filter((c) => !input.scores.some((l) => l.criterionId === c.id && l.score !== null));
    if (missing.length) throw new AppError('reviewIncomplete', { criteria: missing.map((c) => c.name).join(', ') });
  }

  const [existing] = await tx.select().from(reviews).where(eq(reviews.assignmentId, assignment.id)).for('update');
  if (existing?.status === 'submitted') throw new AppError('reviewLocked');
  if ((existing?.version ?? 0) !== input.version) throw new AppError('reviewStale');

  const values = {
    overallComment: input.overallComment,
    recommendation: input.recommendation,
    status: submit ? ('submitted' as const) : ('draft' as const),
    submittedAt: submit ? new Date() : null,
  };
  const [review] = existing
    ? await tx
        .update(reviews)
        .set({ ...values, version: sql`${reviews.version} + 1` })
        .where(and(eq(reviews.id, existing.id), eq(reviews.version, input.version)))
        .returning()
    : await tx.insert(reviews).values({ ...values, assignmentId: assignment.id }).onConflictDoNothing().returning();
  if (!review) throw new AppError('reviewStale');

  await tx.delete(reviewScores).where(eq(reviewScores.reviewId, review.id));
  const lines = input.scores.flatMap((l) => (l.score === null ? [] : [{ criterionId: l.criterionId, score: l.score, comment: l.comment }]));
  if (lines.length) {
    await tx.insert(reviewScores).values(
      lines.map((l) => {
        const c = byId.get(l.criterionId)!;
        return { reviewId: review.id, criterionId: c.id, callId: call.id, scaleMin: c.scaleMin, scaleMax: c.scaleMax, score: l.score, comment: l.comment };
      }),
    );
  }
  const total = submit ? reviewTotal(callCriteria, callCriteria.map((c) => lines.find((l) => l.criterionId === c.id)!.score)) : null;
  // A draft save is not a change of state, so only the submission is audited.
  if (submit) {
    await writeAudit(tx, auditActor(actor), {
      action: 'review.submitted',
      entityType: 'review',
      entityId: review.id,
      after: {
        assignmentId: input.assignmentId,
        total,
        recommendation: input.recommendation,
        scores: Object.fromEntries(input.scores.map((s) => [s.criterionId, s.score])),
      },
    });
  }
  return { review, callId: call.id, applicationId: application.id, reference: application.reference, total };
}

/** An admin reopens a submitted review: it is a draft again, for its reviewer to change and resubmit. */
export async function reopenReview(tx: Executor, actor: SessionUser, reviewId: string) {
  assertCan(actor, 'review:reopen');
  const [row] = await tx
    .select({ review: reviews, applicationId: reviewAssignments.applicationId, callId: applications.callId, callStatus: calls.status })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(reviews.id, reviewId))
    .for('update', { of: reviews });
  if (!row) throw new NotFoundError();
  if (row.review.status !== 'submitted') throw new AppError('reviewNotSubmitted');
  if (['published', 'cancelled'].includes(row.callStatus)) throw new AppError('reviewClosed');
  await tx
    .update(reviews)
    .set({ status: 'draft', submittedAt: null, version: sql`${reviews.version} + 1` })
    .where(eq(reviews.id, reviewId));
  const before = { status: 'submitted', submittedAt: row.review.submittedAt };
  await writeAudit(tx, auditActor(actor), { action: 'review.reopened', entityType: 'review', entityId: reviewId, before, after: { status: 'draft' } });
  return { callId: row.callId, applicationId: row.applicationId, before };
}

/**
 * A file of an assigned application, for its reviewer after the conflict declaration; in a
 * blind call under a neutral name. Null (not found) otherwise.
 */
export async function getFileForReviewer(user: SessionUser, assignmentId: string, fileId: string) {
  if (!uuidPattern.test(assignmentId) || !uuidPattern.test(fileId)) return null;
  let row;
  try {
    row = await ownAssignment(db, user, assignmentId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  if (row.assignment.status !== 'accepted') return null;
  const [file] = await db
    .select({ file: applicationFiles, slotPosition: documentSlots.position })
    .from(applicationFiles)
    .innerJoin(documentSlots, eq(documentSlots.id, applicationFiles.slotId))
    .where(and(eq(applicationFiles.id, fileId), eq(applicationFiles.applicationId, row.application.id)));
  if (!file) return null;
  const extension = file.file.fileName.includes('.') ? file.file.fileName.slice(file.file.fileName.lastIndexOf('.')).toLowerCase() : '';
  const fileName = row.call.blindReview
    ? `${row.application.reference ?? 'application'}-document-${file.slotPosition + 1}${/^\.[a-z0-9]{1,5}$/.test(extension) ? extension : ''}`
    : file.file.fileName;
  return { fileName, contentType: file.file.contentType, content: file.file.content, size: file.file.size };
}

/** Every review of one application, for the admins' ranking detail. */
export async function listApplicationReviews(user: SessionUser, callId: string, applicationId: string) {
  assertCan(user, 'ranking:read');
  if (!uuidPattern.test(applicationId)) return null;
  const [application] = await db
    .select({ application: applications, organisation: organisations })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(applications.id, applicationId), eq(applications.callId, callId), eq(applications.status, 'submitted')));
  if (!application) return null;
  const [assignmentRows, callCriteria, requirements, files] = await Promise.all([
    db
      .select({
        assignmentId: reviewAssignments.id,
        status: reviewAssignments.status,
        likelyConflict: reviewAssignments.likelyConflict,
        conflictReason: reviewAssignments.conflictReason,
        reviewer: { id: users.id, email: users.email, name: users.name },
        review: {
          id: reviews.id,
          status: reviews.status,
          overallComment: reviews.overallComment,
          recommendation: reviews.recommendation,
          submittedAt: reviews.submittedAt,
        },
      })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(eq(reviewAssignments.applicationId, applicationId))
      .orderBy(asc(users.email)),
    db.select().from(criteria).where(eq(criteria.callId, callId)).orderBy(asc(criteria.position)),
    db.select().from(eligibilityRequirements).where(eq(eligibilityRequirements.callId, callId)).orderBy(asc(eligibilityRequirements.position)),
    db
      .select({ id: applicationFiles.id, slotId: applicationFiles.slotId, slotName: documentSlots.name, fileName: applicationFiles.fileName, size: applicationFiles.size })
      .from(applicationFiles)
      .innerJoin(documentSlots, eq(documentSlots.id, applicationFiles.slotId))
      .where(eq(applicationFiles.applicationId, applicationId))
      .orderBy(asc(documentSlots.position)),
  ]);
  const reviewIds = assignmentRows.flatMap((a) => (a.review?.id ? [a.review.id] : []));
  const scores = reviewIds.length ? await db.select().from(reviewScores).where(inArray(reviewScores.reviewId, reviewIds)) : [];
  return {
    application: application.application,
    organisation: application.organisation,
    criteria: callCriteria,
    requirements: requirements.map((r) => ({ id: r.id, statement: r.statement, required: r.required })),
    // Admins download through the applicant's own route, which lets them read every application.
    files: files.map(({ slotId, ...f }) => ({ ...f, href: `/api/applications/${applicationId}/files/${slotId}` })),
    assignments: assignmentRows.map((a) => {
      const mine = a.review?.id ? scores.filter((s) => s.reviewId === a.review!.id) : [];
      const complete = callCriteria.length > 0 && callCriteria.every((c) => mine.some((s) => s.criterionId === c.id));
      return {
        ...a,
        review: a.review?.id ? a.review : null,
        scores: Object.fromEntries(mine.map((s) => [s.criterionId, { score: s.score, comment: s.comment }])),
        total: complete ? reviewTotal(callCriteria, callCriteria.map((c) => mine.find((s) => s.criterionId === c.id)!.score)) : null,
      };
    }),
  };
}
