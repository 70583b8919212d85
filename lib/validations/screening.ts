import { z } from './zod';

export const eligibilityValues = ['pending', 'eligible', 'ineligible'] as const;

/** An admin's screening decision; an ineligible application needs the reason. */
export const screenApplicationSchema = z
  .strictObject({
    applicationId: z.uuid(),
    eligibility: z.enum(eligibilityValues),
    reason: z.string().trim().max(2000),
  })
  .refine((v) => v.eligibility !== 'ineligible' || v.reason.length > 0, { path: ['reason'], message: 'ineligibleReasonRequired' });
export type ScreenApplicationInput = z.infer<typeof screenApplicationSchema>;
