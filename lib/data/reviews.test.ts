import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, outbox, reviewAssignments, reviews, reviewScores, userRoles, users } from '@/db/schema';
import { declareConflictAction, reopenReviewAction, saveReviewDraftAction, submitReviewAction } from '@/lib/actions/reviews';
import { actingAs } from '@/lib/auth/session';
import { createUser } from '@/lib/test/factories';
import { attachFile, createAssignment, createOrganisation, createReviewCall, createSubmittedApplication, createSubmittedReview } from '@/lib/test/review-factories';
import { getAssignmentForReviewer, getFileForReviewer, listMyAssignments } from './reviews';

async function setup(callOverrides: Parameters<typeof createReviewCall>[0] = {}) {
  const { call, criteria, slot } = await createReviewCall(callOverrides);
  const organisation = await createOrganisation({ legalName: 'Somali Health Professionals Abroad', website: 'https://shpa.example', contactName: 'Amina Yusuf', contactEmail: 'amina@shpa.example' });
  const { application } = await createSubmittedApplication(call, { organisation });
  const file = await attachFile(application.id, slot.id, 'SHPA registration 2024.pdf');
  const reviewer = await createUser(['reviewer']);
  const other = await createUser(['reviewer']);
  return { call, criteria, application, file, reviewer, other, organisation };
}

const fullScores = (criteria: { id: string }[], values: number[]) => criteria.map((c, i) => ({ criterionId: c.id, score: values[i], comment: `Comment ${i}` }));

describe('review visibility, for every persona', () => {
  it('[review] an assigned reviewer first sees only the organisation name, then the content after declaring no conflict', async () => {
    const { application, reviewer, file, criteria } = await setup();
    const assignment = await createAssignment(application.id, reviewer.id, 'pending');
    const before = await getAssignmentForReviewer(reviewer, assignment.id);
    expect(before).toMatchObject({ stage: 'declare', organisationName: 'Somali Health Professionals Abroad' });
    expect(before).not.toHaveProperty('application');
    expect(JSON.stringify(before)).not.toContain('Training midwives');
    // no file before the declaration, no scoring either
    expect(await getFileForReviewer(reviewer, assignment.id, file.id)).toBeNull();
    const early = await actingAs(reviewer, () => saveReviewDraftAction({ assignmentId: assignment.id, version: 0, overallComment: '', recommendation: null, scores: [] }));
    expect(early).toEqual({ ok: false, error: 'Declare any conflict of interest before you score this application.' });

    const declared = await actingAs(reviewer, () => declareConflictAction({ assignmentId: assignment.id, conflict: false, reason: '' }));
    expect(declared.ok).toBe(true);
    const after = await getAssignmentForReviewer(reviewer, assignment.id);
    expect(after?.stage).toBe('review');
    if (after?.stage !== 'review') throw new Error('unreachable');
    expect(after.application.title).toBe('Training midwives');
    expect(after.organisation?.website).toBe('https://shpa.example');
    expect(after.criteria.map((c) => c.id)).toEqual(criteria.map((c) => c.id));
    expect(after.files).toEqual([expect.objectContaining({ id: file.id, fileName: 'SHPA registration 2024.pdf' })]);
    expect((await getFileForReviewer(reviewer, assignment.id, file.id))?.fileName).toBe('SHPA registration 2024.pdf');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'assignment.no_conflict_declared'), eq(auditLog.entityId, assignment.id)));
    expect(audit.actorId).toBe(reviewer.id);
  });

  it('[review] an unassigned reviewer gets not found: page data, file, declaration and scoring, with nothing written', async () => {
    const { application, reviewer, other, file, criteria } = await setup();
    const assignment = await createAssignment(application.id, reviewer.id, 'accepted');
    expect(await getAssignmentForReviewer(other, assignment.id)).toBeNull();
    expect(await getFileForReviewer(other, assignment.id, file.id)).toBeNull();
    expect(await actingAs(other, () => declareConflictAction({ assignmentId: assignment.id, conflict: true, reason: 'x' }))).toEqual({
      ok: false,
      error: 'Not found. It may have been removed, or you may not have access to it.',
    });
    const save = await actingAs(other, () =>
      submitReviewAction({ assignmentId: assignment.id, version: 0, overallComment: 'Mine', recommendation: 'recommend', scores: fullScores(criteria, [1, 1, 1, 1]) }),
    );
    expect(save.ok).toBe(false);
    expect(await db.select().from(reviews).where(eq(reviews.assignmentId, assignment.id))).toEqual([]);
    expect((await listMyAssignments(other)).rows.map((a) => a.id)).not.toContain(assignment.id);
    // an applicant or an admin without the reviewer role cannot use the reviewer functions at all
    const applicant = await createUser(['applicant']);
    await expect(getAssignmentForReviewer(applicant, assignment.id)).rejects.toMatchObject({ key: 'forbidden' });
  });

  it('[review] a conflicted reviewer cannot open the application; the admins are told and it is audited', async () => {
    const { application, reviewer, file } = await setup();
    const admin = await createUser(['admin']);
    const assignment = await createAssignment(application.id, reviewer.id, 'pending');
    const missingReason = await actingAs(reviewer, () => declareConflictAction({ assignmentId: assignment.id, conflict: true, reason: ' ' }));
    expect(missingReason).toMatchObject({ ok: false, fieldErrors: { reason: ['Say briefly what the conflict is.'] } });

    const result = await actingAs(reviewer, () => declareConflictAction({ assignmentId: assignment.id, conflict: true, reason: 'I sit on their board.' }));
    expect(result).toEqual({ ok: true, data: { conflict: true } });
    const [row] = await db.select().from(reviewAssignments).where(eq(reviewAssignments.id, assignment.id));
    expect(row).toMatchObject({ status: 'conflict', conflictReason: 'I sit on their board.' });
    expect(await getAssignmentForReviewer(reviewer, assignment.id)).toBeNull();
    expect(await getFileForReviewer(reviewer, assignment.id, file.id)).toBeNull();
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, admin.email), eq(outbox.template, 'conflictDeclared')));
    expect(mail.textBody).toContain('I sit on their board.');
    expect(mail.textBody).toContain(application.reference!);
    // every active admin gets it
    const admins = await db
      .select({ email: users.email })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.role, 'admin'), isNull(users.disabledAt)));
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'conflictDeclared'));
    const told = mails.filter((m) => m.textBody.includes('I sit on their board.')).map((m) => m.toAddress);
    expect(told.sort()).toEqual(admins.map((a) => a.email).sort());
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'assignment.conflict_declared'), eq(auditLog.entityId, assignment.id)));
    expect(audit.after).toMatchObject({ status: 'conflict', reason: 'I sit on their board.' });
    // a second declaration is refused
    expect((await actingAs(reviewer, () => declareConflictAction({ assignmentId: assignment.id, conflict: false, reason: '' }))).ok).toBe(false);
  });

  it('[review] other reviewers\' scores: hidden before one\'s own submission, and after it unless the call shows them', async () => {
    for (const showPeerScores of [false, true]) {
      const { application, reviewer, other, criteria } = await setup({ showPeerScores });
      const mine = await createAssignment(application.id, reviewer.id, 'accepted');
      const theirs = await createAssignment(application.id, other.id, 'accepted');
      await createSubmittedReview(theirs.id, criteria, [5, 5, 5, 5]);
      const before = await getAssignmentForReviewer(reviewer, mine.id);
      expect(before?.stage === 'review' && before.peers).toBeNull();
      expect(JSON.stringify(before)).not.toContain(other.id);
      const submitted = await actingAs(reviewer, () =>
        submitReviewAction({ assignmentId: mine.id, version: 0, overallComment: 'Solid.', recommendation: 'recommend', scores: fullScores(criteria, [4, 4, 4, 4]) }),
      );
      expect(submitted).toEqual({ ok: true, data: { version: 1, total: 80 } });
      const after = await getAssignmentForReviewer(reviewer, mine.id);
      if (after?.stage !== 'review') throw new Error('unreachable');
      if (showPeerScores) {
        expect(after.peers).toEqual([{ recommendation: 'maybe', total: 100, scores: Object.fromEntries(criteria.map((c) => [c.id, 5])) }]);
      } else {
        expect(after.peers).toBeNull();
      }
    }
  });

  it('[review] in a blind call the organisation\'s identity is hidden everywhere, files included', async () => {
    const { application, reviewer, file, organisation } = await setup({ blindReview: true });
    const assignment = await createAssignment(application.id, reviewer.id, 'pending');
    const declare = await getAssignmentForReviewer(reviewer, assignment.id);
    expect(declare?.organisationName).toBeNull();
    await actingAs(reviewer, () => declareConflictAction({ assignmentId: assignment.id, conflict: false, reason: '' }));
    const view = await getAssignmentForReviewer(reviewer, assignment.id);
    const text = JSON.stringify(view);
    for (const identity of [organisation.legalName, 'shpa.example', 'Amina Yusuf', 'SHPA registration']) expect(text).not.toContain(identity);
    const download = await getFileForReviewer(reviewer, assignment.id, file.id);
    expect(download?.fileName).toBe(`${application.reference}-document-1.pdf`);
    expect((await listMyAssignments(reviewer)).rows.find((a) => a.id === assignment.id)).toBeDefined();
  });

  it('[review] applications screened ineligible disappear from the reviewer\'s view', async () => {
    const { call, criteria: _c } = await createReviewCall();
    const reviewer = await createUser(['reviewer']);
    const { application } = await createSubmittedApplication(call, { eligibility: 'ineligible' });
    const assignment = await createAssignment(application.id, reviewer.id, 'accepted');
    expect(await getAssignmentForReviewer(reviewer, assignment.id)).toBeNull();
    expect((await listMyAssignments(reviewer)).rows.map((a) => a.id)).not.toContain(assignment.id);
  });
});

describe('scoring', () => {
  it('[review] drafts save with optimistic locking; submit locks; an admin reopens it (audited)', async () => {
    const { application, reviewer, criteria } = await setup();
    const admin = await createUser(['admin']);
    const assignment = await createAssignment(application.id, reviewer.id, 'accepted');
    const partial = [{ criterionId: criteria[0].id, score: 3, comment: 'Good reach' }, { criterionId: criteria[1].id, score: null, comment: '' }];
    const first = await actingAs(reviewer, () => saveReviewDraftAction({ assignmentId: assignment.id, version: 0, overallComment: 'Half way', recommendation: null, scores: partial }));
    expect(first).toMatchObject({ ok: true, data: { version: 1 } });
    const second = await actingAs(reviewer, () => saveReviewDraftAction({ assignmentId: assignment.id, version: 1, overallComment: 'Still going', recommendation: 'maybe', scores: partial }));
    expect(second).toMatchObject({ ok: true, data: { version: 2 } });
    // a tab still showing version 1 cannot overwrite version 2
    const stale = await actingAs(reviewer, () => saveReviewDraftAction({ assignmentId: assignment.id, version: 1, overallComment: 'Old tab', recommendation: null, scores: [] }));
    expect(stale).toEqual({
      ok: false,
      error: 'This review was changed in another window. Reload the page to see the latest version; your last change was not saved.',
      // The same mark as a stale application's: the shared autosave stops on it.
      fieldErrors: { version: ['Changed elsewhere.'] },
    });
    const [draft] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignment.id));
    expect(draft).toMatchObject({ overallComment: 'Still going', status: 'draft', version: 2 });
    expect(await db.select().from(reviewScores).where(eq(reviewScores.reviewId, draft.id))).toHaveLength(1);

    // submitting needs every criterion
    const incomplete = await actingAs(reviewer, () =>
      submitReviewAction({ assignmentId: assignment.id, version: 2, overallComment: 'Done', recommendation: 'recommend', scores: fullScores(criteria, [3, 3, 3, 3]).slice(0, 3) }),
    );
    expect(incomplete).toEqual({ ok: false, error: 'Score every criterion before you submit. Missing: Cost.' });
    const submitted = await actingAs(reviewer, () =>
      submitReviewAction({ assignmentId: assignment.id, version: 2, overallComment: 'Done', recommendation: 'recommend', scores: fullScores(criteria, [5, 4, 4, 3]) }),
    );
    expect(submitted).toEqual({ ok: true, data: { version: 3, total: 86 } });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'review.submitted'), eq(auditLog.entityId, draft.id)));
    expect(audit.after).toMatchObject({ total: 86, recommendation: 'recommend' });

    const locked = await actingAs(reviewer, () => saveReviewDraftAction({ assignmentId: assignment.id, version: 3, overallComment: 'Change', recommendation: null, scores: [] }));
    expect(locked).toEqual({ ok: false, error: 'This review is submitted and locked. An admin can reopen it if it must change.' });

    // only an admin reopens
    expect((await actingAs(reviewer, () => reopenReviewAction({ reviewId: draft.id }))).ok).toBe(false);
    expect(await actingAs(admin, () => reopenReviewAction({ reviewId: draft.id }))).toEqual({ ok: true, data: { reopened: true } });
    const [reopened] = await db.select().from(reviews).where(eq(reviews.id, draft.id));
    expect(reopened).toMatchObject({ status: 'draft', submittedAt: null, version: 4 });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'review.reopened'), eq(auditLog.entityId, draft.id)))).toHaveLength(1);
    const again = await actingAs(reviewer, () => saveReviewDraftAction({ assignmentId: assignment.id, version: 4, overallComment: 'Revised', recommendation: 'maybe', scores: [] }));
    expect(again.ok).toBe(true);
  });

  it('[review] a score outside the scale, or for another call\'s criterion, is refused with a clear message and nothing is written', async () => {
    const { application, reviewer, criteria } = await setup();
    const { criteria: otherCriteria } = await createReviewCall();
    const assignment = await createAssignment(application.id, reviewer.id, 'accepted');
    const tooHigh = await actingAs(reviewer, () =>
      saveReviewDraftAction({ assignmentId: assignment.id, version: 0, overallComment: '', recommendation: null, scores: [{ criterionId: criteria[1].id, score: 6, comment: '' }] }),
    );
    expect(tooHigh).toEqual({
      ok: false,
      error: 'The score for “Team” must be between 0 and 5.',
      fieldErrors: { 'scores.0.score': ['Use a score from 0 to 5.'] },
    });
    const negative = await actingAs(reviewer, () =>
      saveReviewDraftAction({ assignmentId: assignment.id, version: 0, overallComment: '', recommendation: null, scores: [{ criterionId: criteria[1].id, score: -1, comment: '' }] }),
    );
    expect(negative.ok).toBe(false);
    const foreign = await actingAs(reviewer, () =>
      submitReviewAction({
        assignmentId: assignment.id,
        version: 0,
        overallComment: 'x',
        recommendation: 'maybe',
        scores: [...fullScores(criteria, [1, 1, 1, 1]).slice(0, 3), { criterionId: otherCriteria[0].id, score: 1, comment: '' }],
      }),
    );
    expect(foreign).toEqual({ ok: false, error: 'A score was sent for a criterion that is not part of this call. Reload the page and try again.' });
    const notWhole = await actingAs(reviewer, () =>
      saveReviewDraftAction({ assignmentId: assignment.id, version: 0, overallComment: '', recommendation: null, scores: [{ criterionId: criteria[0].id, score: 2.5, comment: '' }] }),
    );
    expect(notWhole.ok).toBe(false);
    // unknown keys (a reviewer trying to set their status) are refused
    const sneaky = await actingAs(reviewer, () =>
      saveReviewDraftAction({ assignmentId: assignment.id, version: 0, overallComment: '', recommendation: null, scores: [], status: 'submitted' }),
    );
    expect(sneaky.ok).toBe(false);
    expect(await db.select().from(reviews).where(eq(reviews.assignmentId, assignment.id))).toEqual([]);
  });
});

describe('the review queue', () => {
  it('[reviewer] comes a page at a time, in a stable order', async () => {
    const { callInSelection } = await import('@/lib/test/selection-factory');
    const { reviewers } = await callInSelection(Array.from({ length: 30 }, () => ({ country: 'LB', amount: 1000, scores: [[3, 3]] })));
    const first = await listMyAssignments(reviewers[0], { page: 1 });
    const second = await listMyAssignments(reviewers[0], { page: 2 });
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(5);
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(30);
  });
});

describe('the admin view of one application', () => {
  it('[admin] links every uploaded file to the download route admins may use', async () => {
    const { db } = await import('@/db');
    const { applicationFiles, documentSlots } = await import('@/db/schema');
    const { eq: equals } = await import('drizzle-orm');
    const { listApplicationReviews } = await import('./reviews');
    const { callInSelection } = await import('@/lib/test/selection-factory');
    const { admin, callId, applications } = await callInSelection([{ country: 'LB', amount: 1000, scores: [[3, 3]] }]);
    const [slot] = await db.select().from(documentSlots).where(equals(documentSlots.callId, callId));
    const app = applications[0].app;
    await db.insert(applicationFiles).values({
      applicationId: app.id,
      slotId: slot.id,
      fileName: 'proposal.pdf',
      contentType: 'application/pdf',
      size: 4,
      sha256: '0'.repeat(64),
      content: Buffer.from('%PDF'),
    });
    const data = await listApplicationReviews(admin, callId, app.id);
    expect(data?.files).toEqual([{ id: expect.any(String), slotName: slot.name, fileName: 'proposal.pdf', size: 4, href: `/api/applications/${app.id}/files/${slot.id}` }]);
  });
});
