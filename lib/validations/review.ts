import { z } from './zod';

export const recommendations = ['recommend', 'maybe', 'do_not_recommend'] as const;
export type Recommendation = (typeof recommendations)[number];

const comment = (max: number) => z.string().trim().max(max);

/** One criterion's line of the score card. A draft may leave the score empty. */
export const scoreLineSchema = z.strictObject({
  criterionId: z.uuid(),
  score: z.number().int().min(0).max(1000).nullable(),
  comment: comment(4000),
});

/**
 * The score card, saved as a draft (every part optional). `version` is the version of the
 * review the reviewer's screen shows (0 before the first save): a save based on an older
 * version is refused instead of overwriting changes made in another tab.
 */
export const saveReviewSchema = z.strictObject({
  assignmentId: z.uuid(),
  version: z.number().int().min(0),
  overallComment: comment(8000),
  recommendation: z.enum(recommendations).nullable(),
  scores: z.array(scoreLineSchema).max(50),
});
export type SaveReviewInput = z.infer<typeof saveReviewSchema>;

/** Submitting needs a score on every criterion, an overall comment and a recommendation. */
export const submitReviewSchema = z.strictObject({
  assignmentId: z.uuid(),
  version: z.number().int().min(0),
  overallComment: comment(8000).min(1),
  recommendation: z.enum(recommendations),
  scores: z
    .array(
      z.strictObject({
        criterionId: z.uuid(),
        score: z.number().int().min(0).max(1000),
        comment: comment(4000),
      }),
    )
    .min(1)
    .max(50),
});
export type SubmitReviewInput = z.infer<typeof submitReviewSchema>;

/** Before reading an application: no conflict, or a conflict with its reason. */
export const declareConflictSchema = z
  .strictObject({
    assignmentId: z.uuid(),
    conflict: z.boolean(),
    reason: z.string().trim().max(2000),
  })
  .refine((v) => !v.conflict || v.reason.length > 0, { path: ['reason'], message: 'conflictReasonRequired' });
export type DeclareConflictInput = z.infer<typeof declareConflictSchema>;

/** An admin reopens a submitted review so its reviewer can change it. */
export const reopenReviewSchema = z.strictObject({ reviewId: z.uuid() });
