'use server';

import { assignReviewer, autoAssign, unassignReviewer } from '@/lib/data/assignments';
import { setDisagreementThresholds } from '@/lib/data/ranking';
import { assignReviewerSchema, autoAssignSchema, disagreementThresholdsSchema, unassignReviewerSchema } from '@/lib/validations/assignment';
import { action } from './action';


export const assignReviewerAction = action(assignReviewerSchema, 'assignment:manage', async ({ input, user, tx, audit }) => {
  const { assignment } = await assignReviewer(tx, user, input);
  await audit({
    action: 'assignment.created',
    entityType: 'review_assignment',
    entityId: assignment.id,
    after: { applicationId: assignment.applicationId, reviewerId: assignment.reviewerId, likelyConflict: assignment.likelyConflict, automatic: false },
  });
  return { assignmentId: assignment.id, likelyConflict: assignment.likelyConflict };
});

export const unassignReviewerAction = action(unassignReviewerSchema, 'assignment:manage', async ({ input, user, tx, audit }) => {
  const result = await unassignReviewer(tx, user, input.assignmentId);
  await audit({
    action: 'assignment.removed',
    entityType: 'review_assignment',
    entityId: input.assignmentId,
    before: { applicationId: result.before.applicationId, reviewerId: result.before.reviewerId, status: result.before.status, draftDiscarded: result.hadDraft },
  });
  return { removed: true };
});

export const autoAssignAction = action(autoAssignSchema, 'assignment:manage', async ({ input, user, tx, audit }) => {
  const result = await autoAssign(tx, user, input.callId);
  for (const a of result.created) {
    await audit({
      action: 'assignment.created',
      entityType: 'review_assignment',
      entityId: a.id,
      after: { applicationId: a.applicationId, reviewerId: a.reviewerId, likelyConflict: a.likelyConflict, automatic: true },
    });
  }
  return {
    created: result.created.length,
    reviewersMailed: new Set(result.created.map((c) => c.reviewerId)).size,
    shortfalls: result.shortfalls.map((s) => ({ reference: s.reference, needed: s.needed, planned: s.planned, conflicts: s.conflicts })),
    reviewers: result.reviewers,
  };
});

export const setDisagreementThresholdsAction = action(disagreementThresholdsSchema, 'call:manage', async ({ input, user, tx, audit }) => {
  const change = await setDisagreementThresholds(tx, user, input);
  await audit({ action: 'call.disagreement_thresholds_changed', entityType: 'call', entityId: input.callId, before: change.before, after: change.after });
  return change.after;
});
