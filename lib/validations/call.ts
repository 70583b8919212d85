import { locales, type Locale } from '@/lib/i18n/config';
import { countryCodes } from '@/lib/reference/countries';
import { currencyCodes } from '@/lib/reference/currencies';
import { themeCodes } from '@/lib/reference/themes';
import { fileKinds } from '@/lib/reference/file-kinds';
import { isTimeZone, isZonedInput } from '@/lib/time/zoned';
import { issue, z } from './zod';

/**
 * The call editor: one schema for the whole form (details, criteria, eligibility
 * requirements, document slots), used by the form and by saveCallAction. Dates are the
 * call's local wall time (`2026-03-04T17:00`) in `timeZone`; the server turns them into
 * instants. A draft may be incomplete; opening the call checks the rest (lib/calls/readiness.ts).
 */

const optionalText = (max: number) => z.string().trim().max(max);
const money = z.number().int().min(0).max(100_000_000_000);
const localDateTime = z
  .string()
  .refine((v) => v === '' || isZonedInput(v), { message: 'invalidFormat' })
  .optional();

const localeSchema = z.enum(locales);

/** A row's wording in the call's other languages: one optional entry per language. */
function translationsOf<S extends z.ZodType>(fields: S) {
  return z.strictObject({ en: fields.optional(), fr: fields.optional(), ar: fields.optional() });
}

export const callTextSchema = z.strictObject({ title: optionalText(200), summary: optionalText(600), description: optionalText(20_000) });
export const criterionTextSchema = z.strictObject({ name: optionalText(200), guidance: optionalText(2000) });
export const requirementTextSchema = z.strictObject({ statement: optionalText(1000) });
export const slotTextSchema = z.strictObject({ name: optionalText(200), description: optionalText(1000) });
export const answerTextSchema = z.strictObject({ question: optionalText(2000), answer: optionalText(5000) });

export const criterionInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  guidance: optionalText(2000),
  translations: translationsOf(criterionTextSchema).default({}),
  weight: z.number().int().min(1).max(100),
  scaleMin: z.number().int().min(0).max(99),
  scaleMax: z.number().int().min(1).max(100),
}).refine((c) => c.scaleMax > c.scaleMin, { message: 'scaleOrder', path: ['scaleMax'] });

export const requirementInputSchema = z.strictObject({
  id: z.uuid().optional(),
  statement: z.string().trim().min(1).max(1000),
  translations: translationsOf(requirementTextSchema).default({}),
  required: z.boolean(),
});

export const slotInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  description: optionalText(1000),
  translations: translationsOf(slotTextSchema).default({}),
  required: z.boolean(),
  acceptedTypes: z.array(z.enum(fileKinds)).min(1),
  maxSizeMb: z.number().min(0.1).max(100),
});

/** The order a call's instants must follow, each after the one before it (when both are set). */
export const dateOrder = ['opensAt', 'clarificationDeadline', 'closesAt', 'reviewDeadline', 'resultsExpectedAt'] as const;
export type CallDateField = (typeof dateOrder)[number];

export const callFormSchema = z
  .strictObject({
    id: z.uuid().optional(),
    /** The call's updatedAt when the form was loaded: a save over someone else's change is refused. */
    expectedUpdatedAt: z.string().optional(),
    title: z.string().trim().min(3).max(200),
    slug: z
      .string()
      .trim()
      .min(3)
      .max(80)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slugFormat' }),
    summary: optionalText(600),
    description: optionalText(20_000),
    funder: optionalText(200),
    issuer: optionalText(200).default(''),
    requiresSelfDeclaration: z.boolean().default(false),
    /** The language the texts above are written in. */
    locale: localeSchema.default('en'),
    /** The same texts in other languages; a language listed here is one the call is published in. */
    translations: translationsOf(callTextSchema).default({}),
    /** The languages applications may be written in. */
    applicationLocales: z.array(localeSchema).min(1).max(locales.length).default(['en']),
    countries: z.array(z.string().refine((c) => countryCodes.includes(c), { message: 'invalidChoice' })).max(60),
    themes: z.array(z.enum(themeCodes)).max(themeCodes.length),
    currency: z.enum(currencyCodes),
    minBudget: money.nullable(),
    maxBudget: money.nullable(),
    envelope: money.nullable(),
    expectedPartners: z.number().int().min(1).max(1000).nullable(),
    reviewersPerApplication: z.number().int().min(1).max(20),
    blindReview: z.boolean(),
    showPeerScores: z.boolean(),
    timeZone: z.string().refine(isTimeZone, { message: 'timeZone' }),
    opensAt: localDateTime,
    clarificationDeadline: localDateTime,
    closesAt: localDateTime,
    reviewDeadline: localDateTime,
    resultsExpectedAt: localDateTime,
    criteria: z.array(criterionInputSchema).max(20),
    requirements: z.array(requirementInputSchema).max(30),
    slots: z.array(slotInputSchema).max(20),
  })
  .superRefine((call, ctx) => {
    if (call.minBudget !== null && call.maxBudget !== null && call.minBudget > call.maxBudget) {
      ctx.addIssue({ code: 'custom', path: ['maxBudget'], message: 'maxBelowMin' });
    }
    if (call.maxBudget !== null && call.envelope !== null && call.envelope > 0 && call.maxBudget > call.envelope) {
      ctx.addIssue({ code: 'custom', path: ['envelope'], message: 'envelopeBelowMax' });
    }
    // Wall times of one zone compare as strings.
    let previous: { field: CallDateField; value: string } | null = null;
    for (const field of dateOrder) {
      const value = call[field];
      if (!value) continue;
      if (previous && value <= previous.value) {
        ctx.addIssue({ code: 'custom', path: [field], message: issue('dateOrder', { after: previous.field }) });
      }
      previous = { field, value };
    }
    // A language the call is published in has its title, and the names applicants and
    // reviewers act on: every criterion, declaration and document.
    for (const locale of Object.keys(call.translations) as Locale[]) {
      if (locale === call.locale || !call.translations[locale]) continue;
      const title = call.translations[locale]?.title ?? '';
      if (title.length < 3) ctx.addIssue({ code: 'custom', path: ['translations', locale, 'title'], message: title ? issue('tooShort', { minimum: 3 }) : 'required' });
      call.criteria.forEach((c, i) => {
        if (!c.translations[locale]?.name) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'translations', locale, 'name'], message: 'required' });
      });
      call.requirements.forEach((r, i) => {
        if (!r.translations[locale]?.statement) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'translations', locale, 'statement'], message: 'required' });
      });
      call.slots.forEach((s, i) => {
        if (!s.translations[locale]?.name) ctx.addIssue({ code: 'custom', path: ['slots', i, 'translations', locale, 'name'], message: 'required' });
      });
    }
    const names = call.criteria.map((c) => c.name.toLowerCase());
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'name'], message: 'duplicateName' });
    });
  });

export type CallFormInput = z.input<typeof callFormSchema>;
export type CallForm = z.output<typeof callFormSchema>;

export const callTransitionSchema = z.strictObject({
  callId: z.uuid(),
  to: z.enum(['open', 'in_review', 'selection', 'cancelled']),
  /** Required when cancelling: why, for the record. */
  reason: z.string().trim().max(1000).optional(),
});
export type CallTransitionInput = z.infer<typeof callTransitionSchema>;

export const askQuestionSchema = z.strictObject({
  callId: z.uuid(),
  question: z.string().trim().min(10).max(2000),
});

export const answerQuestionSchema = z.strictObject({
  questionId: z.uuid(),
  publicQuestion: z.string().trim().min(5).max(2000),
  answer: z.string().trim().min(2).max(5000),
  /** The question and answer in the call's other languages. */
  translations: translationsOf(answerTextSchema).default({}),
});

export const dismissQuestionSchema = z.strictObject({
  questionId: z.uuid(),
});

/** The sum of the criteria's weights, and how far it is from 100. */
export function weightBalance(criteria: { weight: number | string }[]): { total: number; off: number } {
  const total = criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);
  return { total, off: total - 100 };
}
