'use server';

import { declareConflict, reopenReview, saveReview } from '@/lib/data/reviews';
import { declareConflictSchema, reopenReviewSchema, saveReviewSchema, submitReviewSchema } from '@/lib/validations/review';
import { action } from './action';

export const declareConflictAction = action(declareConflictSchema, 'review:write', async ({ input, user, tx }) => {
  const result = await declareConflict(tx, user, input);
  return { conflict: result.conflict };
});

/** The draft autosave: not audited (a draft is not a change of state); the submission is. */
export const saveReviewDraftAction = action(saveReviewSchema, 'review:write', async ({ input, user, tx }) => {
  const { review } = await saveReview(tx, user, input, false);
  return { version: review.version, savedAt: review.updatedAt };
});

export const submitReviewAction = action(submitReviewSchema, 'review:write', async ({ input, user, tx }) => {
  const result = await saveReview(tx, user, input, true);
  return { version: result.review.version, total: result.total };
});

export const reopenReviewAction = action(reopenReviewSchema, 'review:reopen', async ({ input, user, tx }) => {
  await reopenReview(tx, user, input.reviewId);
  return { reopened: true };
});
