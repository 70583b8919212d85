import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnswerText, CallText, CriterionText, RequirementText, SlotText, Translations } from '@/lib/calls/languages';
import { users } from './auth';
import { createdAt, id, instant, updatedAt } from './columns';
import { organisations } from './organisations';

export const callStatusEnum = pgEnum('call_status', [
  'draft',
  'open',
  'in_review',
  'selection',
  'published',
  'cancelled',
]);
export type CallStatus = (typeof callStatusEnum.enumValues)[number];

export const calls = pgTable(
  'calls',
  {
    id: id(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    /** Markdown; rendered without raw HTML. */
    description: text().notNull().default(''),
    /** The language title, summary, description (and the children's texts) are written in. */
    locale: text().notNull().default('en'),
    /** The same texts in the call's other languages (lib/calls/languages.ts). */
    translations: jsonb().$type<Translations<CallText>>().notNull().default({}),
    /** The languages an application may be written in. */
    applicationLocales: text().array().notNull().default(sql`'{en}'::text[]`),
    funder: text(),
    /** The organisation issuing the call (e.g. the agency running it for the funder). */
    issuer: text(),
    /** Applications are submitted only by organisations that have signed the self-declaration. */
    requiresSelfDeclaration: boolean().notNull().default(false),
    status: callStatusEnum().notNull().default('draft'),
    /** IANA time zone the call's dates are written in, e.g. "America/New_York". */
    timeZone: text().notNull().default('UTC'),
    opensAt: instant(),
    clarificationDeadline: instant(),
    closesAt: instant(),
    reviewDeadline: instant(),
    resultsExpectedAt: instant(),
    /** ISO 4217; amounts are whole units of this currency. */
    currency: text().notNull().default('USD'),
    minBudget: bigint({ mode: 'number' }),
    maxBudget: bigint({ mode: 'number' }),
    envelope: bigint({ mode: 'number' }),
    expectedPartners: integer(),
    reviewersPerApplication: integer().notNull().default(3),
    blindReview: boolean().notNull().default(false),
    /** Reviewers may see the others' scores once they have submitted their own. */
    showPeerScores: boolean().notNull().default(false),
    /** Review totals (0-100) whose range exceeds this are flagged for discussion. */
    disagreementRange: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull().default(25),
    /** Review totals whose standard deviation exceeds this are flagged too. */
    disagreementStddev: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull().default(12),
    /** Set on demo records whose details are invented for illustration. */
    illustrative: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('calls_slug_unique').on(t.slug),
    check('calls_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('calls_budget_order', sql`${t.minBudget} is null or ${t.maxBudget} is null or ${t.minBudget} <= ${t.maxBudget}`),
    check('calls_budget_positive', sql`coalesce(${t.minBudget}, 0) >= 0 and coalesce(${t.envelope}, 0) >= 0`),
    check('calls_reviewers_per_application', sql`${t.reviewersPerApplication} between 1 and 20`),
    check('calls_dates_order', sql`${t.opensAt} is null or ${t.closesAt} is null or ${t.opensAt} < ${t.closesAt}`),
    check('calls_locale', sql`${t.locale} in ('en', 'fr', 'ar')`),
    check('calls_application_locales', sql`cardinality(${t.applicationLocales}) >= 1 and ${t.applicationLocales} <@ array['en', 'fr', 'ar']`),
    index('calls_status_idx').on(t.status),
  ],
);

export const callCountries = pgTable(
  'call_countries',
  {
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** ISO 3166-1 alpha-2. */
    countryCode: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.countryCode] }),
    check('call_countries_code', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

export const callThemes = pgTable(
  'call_themes',
  {
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** A code from lib/reference/themes.ts. */
    theme: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.theme] })],
);

export const criteria = pgTable(
  'criteria',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    guidance: text().notNull().default(''),
    translations: jsonb().$type<Translations<CriterionText>>().notNull().default({}),
    /** Weights of a call's criteria sum to 100 before it opens. */
    weight: integer().notNull(),
    scaleMin: integer().notNull().default(0),
    scaleMax: integer().notNull().default(5),
  },
  (t) => [
    check('criteria_weight_positive', sql`${t.weight} > 0 and ${t.weight} <= 100`),
    check('criteria_scale_order', sql`${t.scaleMin} >= 0 and ${t.scaleMax} > ${t.scaleMin}`),
    // Lets review_scores carry the scale in a composite foreign key and check the score against it.
    unique('criteria_id_call_scale_unique').on(t.id, t.callId, t.scaleMin, t.scaleMax),
    index('criteria_call_idx').on(t.callId),
  ],
);

export const eligibilityRequirements = pgTable(
  'eligibility_requirements',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    /** The statement the applicant declares true, e.g. "We are registered as a non-profit." */
    statement: text().notNull(),
    translations: jsonb().$type<Translations<RequirementText>>().notNull().default({}),
    /** Required declarations must be answered "yes" to submit; informative ones need only an answer. */
    required: boolean().notNull().default(true),
  },
  (t) => [index('eligibility_requirements_call_idx').on(t.callId)],
);

export const documentSlots = pgTable(
  'document_slots',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    translations: jsonb().$type<Translations<SlotText>>().notNull().default({}),
    required: boolean().notNull().default(true),
    /** File kinds from lib/files/types.ts: pdf, docx, xlsx, png, jpeg. */
    acceptedTypes: text().array().notNull().default(sql`'{pdf}'::text[]`),
    maxSizeBytes: integer().notNull().default(10 * 1024 * 1024),
  },
  (t) => [
    check('document_slots_max_size', sql`${t.maxSizeBytes} between 1024 and 104857600`),
    index('document_slots_call_idx').on(t.callId),
  ],
);

export const questionStatusEnum = pgEnum('question_status', ['pending', 'published', 'dismissed']);

export const clarificationQuestions = pgTable(
  'clarification_questions',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    askedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    /** As the applicant wrote it; never shown publicly. */
    question: text().notNull(),
    /** The anonymised wording published in the FAQ. */
    publicQuestion: text(),
    answer: text(),
    /** The published question and answer in the call's other languages. */
    translations: jsonb().$type<Translations<AnswerText>>().notNull().default({}),
    status: questionStatusEnum().notNull().default('pending'),
    askedAt: createdAt(),
    answeredAt: instant(),
    answeredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('clarification_questions_call_idx').on(t.callId, t.status)],
);

export type Call = typeof calls.$inferSelect;
export type Criterion = typeof criteria.$inferSelect;
export type DocumentSlot = typeof documentSlots.$inferSelect;
export type EligibilityRequirement = typeof eligibilityRequirements.$inferSelect;
