import { z } from './zod';

/**
 * The application form, one schema per step, shared by the form (zodResolver) and the
 * server actions. Drafts may be incomplete (every field optional, but what is there must
 * be well-formed); submitting requires the complete form and the call's own rules
 * (see `applicationRulesIssues`).
 *
 * Stored as: title, countries, themes, requestedAmount and peopleToReach in their own
 * columns of `applications` (they are queried); everything else in `applications.content`.
 */

const text = (max: number) => z.string().trim().max(max);
const countryCode = z.string().regex(/^[A-Z]{2}$/);

export const localPartnerSchema = z.strictObject({
  name: text(200).min(1),
  country: countryCode,
  role: text(500).min(1),
});

export const riskSchema = z.strictObject({
  risk: text(500).min(1),
  mitigation: text(1000).min(1),
});

export const budgetLineSchema = z.strictObject({
  label: text(200).min(1),
  amount: z.number().int().min(0).max(1_000_000_000),
});

export const projectStepSchema = z.strictObject({
  title: text(200).min(1),
  countries: z.array(countryCode).min(1).max(50),
  themes: z.array(z.string().min(1).max(50)).min(1).max(20),
  summary: text(1500).min(1),
  objectives: text(4000).min(1),
  activities: text(6000).min(1),
});

export const reachStepSchema = z.strictObject({
  targetPopulation: text(3000).min(1),
  peopleToReach: z.number().int().min(1).max(100_000_000),
});

export const partnersStepSchema = z.strictObject({
  localPartners: z.array(localPartnerSchema).max(30),
});

export const risksStepSchema = z.strictObject({
  risks: z.array(riskSchema).min(1).max(30),
});

export const budgetStepSchema = z.strictObject({
  durationMonths: z.number().int().min(1).max(60),
  requestedAmount: z.number().int().min(1).max(1_000_000_000),
  budgetLines: z.array(budgetLineSchema).min(1).max(100),
});

/** requirementId -> the applicant's answer. */
export const declarationsStepSchema = z.strictObject({
  declarations: z.record(z.uuid(), z.boolean()),
});

export const applicationSteps = {
  project: projectStepSchema,
  reach: reachStepSchema,
  partners: partnersStepSchema,
  risks: risksStepSchema,
  budget: budgetStepSchema,
  declarations: declarationsStepSchema,
} as const;
export type ApplicationStep = keyof typeof applicationSteps;

/** The complete form, as required at submission. */
export const applicationFormSchema = z.strictObject({
  ...projectStepSchema.shape,
  ...reachStepSchema.shape,
  ...partnersStepSchema.shape,
  ...risksStepSchema.shape,
  ...budgetStepSchema.shape,
  ...declarationsStepSchema.shape,
});
export type ApplicationForm = z.infer<typeof applicationFormSchema>;

/** What a draft may hold: any subset of the form, each field well-formed. */
export const applicationDraftSchema = applicationFormSchema.partial();
export type ApplicationDraft = z.infer<typeof applicationDraftSchema>;

/** The part of `ApplicationForm` kept in `applications.content` (the rest has columns). */
export type ApplicationContent = Omit<ApplicationForm, 'title' | 'countries' | 'themes' | 'requestedAmount' | 'peopleToReach'>;
