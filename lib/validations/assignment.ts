import { maximum, minimum, number, strictObject, uuid, type infer as Infer } from 'zod/mini';
import './issues';

// zod/mini, as ./auth: the ranking page's thresholds form loads only what it uses.

export const assignReviewerSchema = strictObject({ applicationId: uuid(), reviewerId: uuid() });
export type AssignReviewerInput = Infer<typeof assignReviewerSchema>;

export const unassignReviewerSchema = strictObject({ assignmentId: uuid() });

export const autoAssignSchema = strictObject({ callId: uuid() });

/** The ranking's disagreement thresholds, on the 0-100 scale of review totals. */
export const disagreementThresholdsSchema = strictObject({
  callId: uuid(),
  disagreementRange: number().check(minimum(0), maximum(100)),
  disagreementStddev: number().check(minimum(0), maximum(100)),
});
export type DisagreementThresholdsInput = Infer<typeof disagreementThresholdsSchema>;
