'use server';

import { declareConflict, reopenReview, saveReview } from '@/lib/data/reviews';
import { declareConflictSchema, reopenReviewSchema, saveReviewSchema, submitReviewSchema } from '@/lib/validations/review';
import { action } from './action';

export const declareConflictAction = action(declareConflictSchema, 'review:write', async ({ input, user, tx, audit }) => {
  const result = await declareConflict(tx, user, input);
  await audit({
    action: result.conflict ? 'assignment.conflict_declared' : 'assignment.no_conflict_declared',
    entityType: 'review_assignment',
    entityId: input.assignmentId,
    before: { status: 'pending' },
    after: result.conflict ? { status: 'conflict', reason: input.reason } : { status: 'accepted' },
  });
  return { conflict: result.conflict };
});

/** The draft autosave: not audited (a draft is not a change of state); the submission is. */
export const saveReviewDraftAction = action(saveReviewSchema, 'review:write', async ({ input, user, tx }) => {
  const { review } = await saveReview(tx, user, input, false);
  return { version: review.version, savedAt: review.updatedAt };
});

export const submitReviewAction = action(submitReviewSchema, 'review:write', async ({ input, user, tx, audit }) => {
  const result = await saveReview(tx, user, input, true);
  await audit({
    action: 'review.submitted',
    entityType: 'review',
    entityId: result.review.id,
    after: {
      assignmentId: input.assignmentId,
      total: result.total,
      recommendation: input.recommendation,
      scores: Object.fromEntries(input.scores.map((s) => [s.criterionId, s.score])),
    },
  });
  return { version: result.review.version, total: result.total };
});

export const reopenReviewAction = action(reopenReviewSchema, 'review:reopen', async ({ input, user, tx, audit }) => {
  const result = await reopenReview(tx, user, input.reviewId);
  await audit({ action: 'review.reopened', entityType: 'review', entityId: input.reviewId, before: result.before, after: { status: 'draft' } });
  return { reopened: true };
});
