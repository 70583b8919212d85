import { z } from './zod';

export const outcomes = ['selected', 'reserve', 'not_selected'] as const;

export const decisionInputSchema = z
  .strictObject({
    applicationId: z.uuid(),
    outcome: z.enum(outcomes),
    /** Whole units of the call's currency; only for selected applications. */
    awardedAmount: z.number().int().min(1).max(1_000_000_000).nullable(),
    rationale: z.string().trim().min(3).max(2000),
    /** Share the panel's comments with the applicant in the outcome letter. */
    shareComments: z.boolean(),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'selected' && d.awardedAmount === null) ctx.addIssue({ code: 'custom', path: ['awardedAmount'], message: 'awardRequired' });
    if (d.outcome !== 'selected' && d.awardedAmount !== null) ctx.addIssue({ code: 'custom', path: ['awardedAmount'], message: 'awardOnlySelected' });
  });
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const recordDecisionsSchema = z.strictObject({
  callId: z.uuid(),
  decisions: z.array(decisionInputSchema).min(1).max(1000),
});

export const suggestSlateSchema = z.strictObject({
  callId: z.uuid(),
  scoreKind: z.enum(['raw', 'calibrated']),
  minPerCountry: z.number().int().min(0).max(20),
  /** Per-country minimums (ISO code -> projects); a country not listed takes minPerCountry. */
  minimums: z
    .record(z.string().regex(/^[A-Z]{2}$/), z.number().int().min(0).max(20))
    .refine((m) => Object.keys(m).length <= 300)
    .optional(),
});

export const publishResultsSchema = z.strictObject({
  callId: z.uuid(),
});
