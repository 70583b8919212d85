import {
  array,
  boolean,
  catch as catchWith,
  int,
  literal,
  maxLength,
  maximum,
  minimum,
  minLength,
  nullable,
  number,
  object,
  optional,
  record,
  regex,
  strictObject,
  string,
  trim,
  union,
  uuid,
  type infer as Infer,
  type ZodMiniType,
} from 'zod/mini';
import { issue } from './issues';

/**
 * The application form, one schema per step, shared by the form (zodResolver) and the
 * server actions. Drafts may be incomplete (every field optional, but what is there must
 * be well-formed); submitting requires the complete form and the call's own rules
 * (see `applicationRulesIssues`).
 *
 * Written with zod/mini, functions instead of methods (`string().check(maxLength(200))`
 * for `z.string().max(200)`): the form's page then loads only the parts of zod these
 * schemas use, not the whole of classic zod (its locales, JSON Schema, compiler). The same
 * checks in the same order as classic zod's methods, with the same messages.
 *
 * Stored as: title, countries, themes, requestedAmount and peopleToReach in their own
 * columns of `applications` (they are queried); everything else in `applications.content`.
 */

/** Trimmed, at most `max` characters, not empty (checked in that order). */
const requiredText = (max: number) => string().check(trim(), maxLength(max), minLength(1));
const countryCode = string().check(regex(/^[A-Z]{2}$/));
/** A whole number from `min` to `max` (zod's int: a safe integer). */
const whole = (min: number, max: number) => int().check(minimum(min), maximum(max));

export const localPartnerSchema = strictObject({
  name: requiredText(200),
  country: countryCode,
  role: requiredText(500),
});

export const riskSchema = strictObject({
  risk: requiredText(500),
  mitigation: requiredText(1000),
});

export const budgetLineSchema = strictObject({
  label: requiredText(200),
  amount: whole(0, 1_000_000_000),
});

export const projectStepSchema = strictObject({
  title: requiredText(200),
  countries: array(countryCode).check(minLength(1), maxLength(50)),
  themes: array(string().check(minLength(1), maxLength(50))).check(minLength(1), maxLength(20)),
  summary: requiredText(1500),
  objectives: requiredText(4000),
  activities: requiredText(6000),
});

export const reachStepSchema = strictObject({
  targetPopulation: requiredText(3000),
  peopleToReach: whole(1, 100_000_000),
});

export const partnersStepSchema = strictObject({
  localPartners: array(localPartnerSchema).check(maxLength(30)),
});

export const risksStepSchema = strictObject({
  risks: array(riskSchema).check(minLength(1), maxLength(30)),
});

export const budgetStepSchema = strictObject({
  durationMonths: whole(1, 60),
  requestedAmount: whole(1, 1_000_000_000),
  budgetLines: array(budgetLineSchema).check(minLength(1), maxLength(100)),
});

/** requirementId -> the applicant's answer. */
export const declarationsStepSchema = strictObject({
  declarations: record(uuid(), boolean()),
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
export const applicationFormSchema = strictObject({
  ...projectStepSchema.shape,
  ...reachStepSchema.shape,
  ...partnersStepSchema.shape,
  ...risksStepSchema.shape,
  ...budgetStepSchema.shape,
  ...declarationsStepSchema.shape,
});
export type ApplicationForm = Infer<typeof applicationFormSchema>;

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

const draftText = (max: number) => string().check(maxLength(max));
const draftNumber = nullable(number().check(minimum(-1_000_000_000_000), maximum(1_000_000_000_000)));

/**
 * What an autosave may carry: everything the person typed, even half-finished (empty
 * strings, a partner row without its role), but nothing malformed (unknown fields, codes
 * that are not ISO codes, text beyond its limit). Completeness is checked at submission.
 */
export const applicationDraftValuesSchema = strictObject({
  title: optional(draftText(200)),
  countries: optional(array(countryCode).check(maxLength(50))),
  themes: optional(array(string().check(minLength(1), maxLength(50))).check(maxLength(20))),
  summary: optional(draftText(1500)),
  objectives: optional(draftText(4000)),
  activities: optional(draftText(6000)),
  targetPopulation: optional(draftText(3000)),
  peopleToReach: optional(draftNumber),
  localPartners: optional(
    array(strictObject({ name: draftText(200), country: union([countryCode, literal('')]), role: draftText(500) })).check(maxLength(30)),
  ),
  risks: optional(array(strictObject({ risk: draftText(500), mitigation: draftText(1000) })).check(maxLength(30))),
  durationMonths: optional(draftNumber),
  requestedAmount: optional(draftNumber),
  budgetLines: optional(array(strictObject({ label: draftText(200), amount: draftNumber })).check(maxLength(100))),
  declarations: optional(record(uuid(), boolean())),
});
export type ApplicationDraftValues = Infer<typeof applicationDraftValuesSchema>;

/**
 * A stored application read back for showing it (to its applicant, reviewers and admins):
 * the draft schema field by field, so an older or half-typed record still renders. A field
 * that does not parse is left out (shown as not provided); unknown keys are dropped.
 */
const storedApplicationValuesSchema = object(
  Object.fromEntries(Object.entries(applicationDraftValuesSchema.shape).map(([key, schema]) => [key, catchWith(schema as ZodMiniType<unknown>, undefined)])),
) as unknown as ZodMiniType<ApplicationDraftValues>;

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
export const saveApplicationDraftSchema = strictObject({
  applicationId: uuid(),
  version: int().check(minimum(1)),
  draft: applicationDraftValuesSchema,
});
export type SaveApplicationDraftInput = Infer<typeof saveApplicationDraftSchema>;

/** Submit, withdraw and reopen name the application and the version the page showed. */
export const applicationVersionSchema = strictObject({
  applicationId: uuid(),
  version: int().check(minimum(1)),
});
export type ApplicationVersionInput = Infer<typeof applicationVersionSchema>;
export const submitApplicationSchema = applicationVersionSchema;
export const withdrawApplicationSchema = applicationVersionSchema;
export const reopenApplicationSchema = applicationVersionSchema;

/** Starting (or reopening) the application of an organisation to a call. */
export const startApplicationSchema = strictObject({
  callSlug: string().check(minLength(1), maxLength(200)),
  organisationId: uuid(),
});
export type StartApplicationInput = Infer<typeof startApplicationSchema>;

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

const stepSchemas: Partial<Record<ApplicationFormStep, ZodMiniType>> = applicationSteps;

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
export const attachLibraryDocumentSchema = strictObject({ applicationId: uuid(), slotId: uuid(), documentId: uuid() });
export type AttachLibraryDocumentInput = Infer<typeof attachLibraryDocumentSchema>;
