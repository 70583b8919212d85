import { issue, z } from './zod';

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

/** The part of `ApplicationForm` kept in `applications.content` (the rest has columns). */
export type ApplicationContent = Omit<ApplicationForm, 'title' | 'countries' | 'themes' | 'requestedAmount' | 'peopleToReach'>;

// ---------------------------------------------------------------------------------------
// Drafts as the form saves them, the steps, and the call's own rules.
// ---------------------------------------------------------------------------------------

/** The steps of the form, in order. `documents` and `review` have no fields of their own. */
export const applicationStepOrder = ['project', 'reach', 'partners', 'risks', 'budget', 'declarations', 'documents', 'review'] as const;
export type ApplicationFormStep = (typeof applicationStepOrder)[number];

/** The fields each step owns (documents: the uploads; review: nothing). */
export const applicationStepFields: Record<ApplicationFormStep, readonly string[]> = {
  project: Object.keys(projectStepSchema.shape),
  reach: Object.keys(reachStepSchema.shape),
  partners: Object.keys(partnersStepSchema.shape),
  risks: Object.keys(risksStepSchema.shape),
  budget: Object.keys(budgetStepSchema.shape),
  declarations: Object.keys(declarationsStepSchema.shape),
  documents: [],
  review: [],
};

const draftText = (max: number) => z.string().max(max);
const draftNumber = z.number().min(-1_000_000_000_000).max(1_000_000_000_000).nullable();

/**
 * What an autosave may carry: everything the person typed, even half-finished (empty
 * strings, a partner row without its role), but nothing malformed (unknown fields, codes
 * that are not ISO codes, text beyond its limit). Completeness is checked at submission.
 */
export const applicationDraftValuesSchema = z.strictObject({
  title: draftText(200).optional(),
  countries: z.array(countryCode).max(50).optional(),
  themes: z.array(z.string().min(1).max(50)).max(20).optional(),
  summary: draftText(1500).optional(),
  objectives: draftText(4000).optional(),
  activities: draftText(6000).optional(),
  targetPopulation: draftText(3000).optional(),
  peopleToReach: draftNumber.optional(),
  localPartners: z
    .array(z.strictObject({ name: draftText(200), country: z.union([countryCode, z.literal('')]), role: draftText(500) }))
    .max(30)
    .optional(),
  risks: z.array(z.strictObject({ risk: draftText(500), mitigation: draftText(1000) })).max(30).optional(),
  durationMonths: draftNumber.optional(),
  requestedAmount: draftNumber.optional(),
  budgetLines: z.array(z.strictObject({ label: draftText(200), amount: draftNumber })).max(100).optional(),
  declarations: z.record(z.uuid(), z.boolean()).optional(),
});
export type ApplicationDraftValues = z.infer<typeof applicationDraftValuesSchema>;

/**
 * A stored application read back for showing it (to its applicant, reviewers and admins):
 * the draft schema field by field, so an older or half-typed record still renders. A field
 * that does not parse is left out (shown as not provided); unknown keys are dropped.
 */
const storedApplicationValuesSchema = z.object(
  Object.fromEntries(Object.entries(applicationDraftValuesSchema.shape).map(([key, schema]) => [key, (schema as z.ZodType<unknown>).catch(undefined)])),
) as unknown as z.ZodType<ApplicationDraftValues>;

/** What `applicationValuesOf` reads: the queried columns and the rest, kept in `content`. */
export type StoredApplication = {
  title: string;
  countries: readonly string[];
  themes: readonly string[];
  requestedAmount: number | null;
  peopleToReach: number | null;
  content: unknown;
};

/** A stored application's values, parsed with the application's own schema (see above). */
export function applicationValuesOf(stored: StoredApplication): ApplicationDraftValues {
  const content = stored.content && typeof stored.content === 'object' && !Array.isArray(stored.content) ? (stored.content as Record<string, unknown>) : {};
  return storedApplicationValuesSchema.parse({
    ...content,
    title: stored.title,
    countries: stored.countries,
    themes: stored.themes,
    // A number its column cannot hold stays in `content` (see lib/data/applications.ts).
    requestedAmount: stored.requestedAmount ?? content.requestedAmount ?? null,
    peopleToReach: stored.peopleToReach ?? content.peopleToReach ?? null,
  });
}

/** One autosave: the version the page read (optimistic lock) and the whole draft. */
export const saveApplicationDraftSchema = z.strictObject({
  applicationId: z.uuid(),
  version: z.number().int().min(1),
  draft: applicationDraftValuesSchema,
});
export type SaveApplicationDraftInput = z.infer<typeof saveApplicationDraftSchema>;

/** Submit, withdraw and reopen name the application and the version the page showed. */
export const applicationVersionSchema = z.strictObject({
  applicationId: z.uuid(),
  version: z.number().int().min(1),
});
export type ApplicationVersionInput = z.infer<typeof applicationVersionSchema>;
export const submitApplicationSchema = applicationVersionSchema;
export const withdrawApplicationSchema = applicationVersionSchema;
export const reopenApplicationSchema = applicationVersionSchema;

/** Starting (or reopening) the application of an organisation to a call. */
export const startApplicationSchema = z.strictObject({
  callSlug: z.string().min(1).max(200),
  organisationId: z.uuid(),
});
export type StartApplicationInput = z.infer<typeof startApplicationSchema>;

/** What the call asks of every application beyond the shape of the form. */
export type ApplicationRules = {
  countries: readonly string[];
  themes: readonly string[];
  minBudget: number | null;
  maxBudget: number | null;
  currency: string;
  requirements: readonly { id: string; required: boolean }[];
  slots: readonly { id: string; required: boolean }[];
};

export type RuleIssue = { path: string; message: string };

/**
 * The call's own rules, checked in the browser (progress, step errors) and again on the
 * server at submission: countries and themes from the call's lists, the amount within its
 * limits, budget lines adding up to it, every declaration answered (the required ones
 * "yes"), every required document uploaded. Messages are validation catalog keys.
 */
export function applicationRulesIssues(
  form: ApplicationDraftValues,
  rules: ApplicationRules,
  uploadedSlotIds: readonly string[] = [],
  steps: readonly ApplicationFormStep[] = applicationStepOrder,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const has = (step: ApplicationFormStep) => steps.includes(step);
  if (has('project')) {
    const outside = (form.countries ?? []).filter((c) => !rules.countries.includes(c));
    if (outside.length) issues.push({ path: 'countries', message: issue('countryNotInCall', { countries: outside.join(', ') }) });
    if (rules.themes.length) {
      const other = (form.themes ?? []).filter((t) => !rules.themes.includes(t));
      if (other.length) issues.push({ path: 'themes', message: 'themeNotInCall' });
    }
  }
  if (has('budget')) {
    const amount = form.requestedAmount;
    if (typeof amount === 'number') {
      if (rules.minBudget !== null && amount < rules.minBudget) {
        issues.push({ path: 'requestedAmount', message: issue('amountBelowMin', { minimum: rules.minBudget, currency: rules.currency }) });
      }
      if (rules.maxBudget !== null && amount > rules.maxBudget) {
        issues.push({ path: 'requestedAmount', message: issue('amountAboveMax', { maximum: rules.maxBudget, currency: rules.currency }) });
      }
      const lines = form.budgetLines ?? [];
      const total = lines.reduce((sum, line) => sum + (typeof line.amount === 'number' ? line.amount : 0), 0);
      if (lines.length && total !== amount) {
        issues.push({ path: 'budgetLines', message: issue('budgetLinesSum', { total, requested: amount, currency: rules.currency }) });
      }
    }
  }
  if (has('declarations')) {
    const answers = form.declarations ?? {};
    for (const requirement of rules.requirements) {
      const answer = answers[requirement.id];
      if (answer === undefined) issues.push({ path: `declarations.${requirement.id}`, message: 'answerRequired' });
      else if (requirement.required && answer !== true) issues.push({ path: `declarations.${requirement.id}`, message: 'declarationRequired' });
    }
    const known = new Set(rules.requirements.map((r) => r.id));
    if (Object.keys(answers).some((id) => !known.has(id))) issues.push({ path: 'declarations', message: 'invalid' });
  }
  if (has('documents')) {
    for (const slot of rules.slots) {
      if (slot.required && !uploadedSlotIds.includes(slot.id)) issues.push({ path: `documents.${slot.id}`, message: 'documentRequired' });
    }
  }
  return issues;
}

const stepSchemas: Partial<Record<ApplicationFormStep, z.ZodType>> = applicationSteps;

/** Picks a step's own fields out of the whole draft. */
export function pickStep(step: ApplicationFormStep, values: ApplicationDraftValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of applicationStepFields[step]) out[field] = (values as Record<string, unknown>)[field];
  return out;
}

/**
 * Everything that keeps one step from being complete: its schema (every required field,
 * well-formed) and the call's rules for it. An empty list means the step is done.
 */
export function stepIssues(
  step: ApplicationFormStep,
  values: ApplicationDraftValues,
  rules: ApplicationRules,
  uploadedSlotIds: readonly string[] = [],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const schema = stepSchemas[step];
  if (schema) {
    const parsed = schema.safeParse(pickStep(step, values));
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: i.path.map(String).join('.'), message: i.message });
    }
  }
  if (step === 'review') return issues;
  return [...issues, ...applicationRulesIssues(values, rules, uploadedSlotIds, [step])];
}

/**
 * A step with nothing the call requires in it (local partners; declarations when the call
 * asks none; documents when none is required). It never counts as "complete" on its own:
 * a blank application is 0 of its required steps, not "1 of 7" because of an optional one.
 */
export function stepIsOptional(step: ApplicationFormStep, rules: Pick<ApplicationRules, 'requirements' | 'slots'>): boolean {
  if (step === 'partners') return true;
  if (step === 'declarations') return rules.requirements.length === 0;
  if (step === 'documents') return !rules.slots.some((s) => s.required);
  return false;
}

/** Every issue of every step: what the server refuses a submission for. */
export function applicationIssues(
  values: ApplicationDraftValues,
  rules: ApplicationRules,
  uploadedSlotIds: readonly string[] = [],
): { step: ApplicationFormStep; path: string; message: string }[] {
  return applicationStepOrder.flatMap((step) => stepIssues(step, values, rules, uploadedSlotIds).map((i) => ({ step, ...i })));
}

/** A document of the organisation's library, copied into a slot of the application. */
export const attachLibraryDocumentSchema = z.strictObject({ applicationId: z.uuid(), slotId: z.uuid(), documentId: z.uuid() });
export type AttachLibraryDocumentInput = z.infer<typeof attachLibraryDocumentSchema>;
