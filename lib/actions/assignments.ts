'use server';

import { assignReviewer, autoAssign, unassignReviewer } from '@/lib/data/assignments';
import { setDisagreementThresholds } from '@/lib/data/ranking';
import { assignReviewerSchema, autoAssignSchema, disagreementThresholdsSchema, unassignReviewerSchema } from '@/lib/validations/assignment';
import { action } from './action';

export const assignReviewerAction = action(assignReviewerSchema, 'assignment:manage', async ({ input, user, tx }) => {
  const { assignment } = await assignReviewer(tx, user, input);
  return { assignmentId: assignment.id, likelyConflict: assignment.likelyConflict };
});

export const unassignReviewerAction = action(unassignReviewerSchema, 'assignment:manage', async ({ input, user, tx }) => {
  await unassignReviewer(tx, user, input.assignmentId);
  return { removed: true };
});

export const autoAssignAction = action(autoAssignSchema, 'assignment:manage', async ({ input, user, tx }) => {
  const result = await autoAssign(tx, user, input.callId);
  return {
    created: result.created.length,
    reviewersMailed: new Set(result.created.map((c) => c.reviewerId)).size,
    shortfalls: result.shortfalls.map((s) => ({ reference: s.reference, needed: s.needed, planned: s.planned, conflicts: s.conflicts })),
    reviewers: result.reviewers,
  };
});

export const setDisagreementThresholdsAction = action(disagreementThresholdsSchema, 'call:manage', async ({ input, user, tx }) => {
  const change = await setDisagreementThresholds(tx, user, input);
  return change.after;
});
