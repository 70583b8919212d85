import { z } from './zod';

export const assignReviewerSchema = z.strictObject({ applicationId: z.uuid(), reviewerId: z.uuid() });
export type AssignReviewerInput = z.infer<typeof assignReviewerSchema>;

export const unassignReviewerSchema = z.strictObject({ assignmentId: z.uuid() });

export const autoAssignSchema = z.strictObject({ callId: z.uuid() });

/** The ranking's disagreement thresholds, on the 0-100 scale of review totals. */
export const disagreementThresholdsSchema = z.strictObject({
  callId: z.uuid(),
  disagreementRange: z.number().min(0).max(100),
  disagreementStddev: z.number().min(0).max(100),
});
export type DisagreementThresholdsInput = z.infer<typeof disagreementThresholdsSchema>;
