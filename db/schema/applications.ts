import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { documentSlots, calls } from './calls';
import { createdAt, id, instant, updatedAt } from './columns';
import { organisations } from './organisations';
import { storedFileColumns } from './stored-file';

export const applicationStatusEnum = pgEnum('application_status', ['draft', 'submitted', 'withdrawn']);
export type ApplicationStatus = (typeof applicationStatusEnum.enumValues)[number];

export const eligibilityEnum = pgEnum('eligibility', ['pending', 'eligible', 'ineligible']);

/** Numbers the submission references EOI-<year>-<nnnn>. */
export const applicationReferenceSeq = pgSequence('application_reference_seq', { startWith: 1 });

/** The form's content beyond the columns that are queried (see lib/validations/application.ts). */
export type ApplicationContent = Record<string, unknown>;

export const applications = pgTable(
  'applications',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    /** EOI-<year>-<nnnn>, given at first submission and kept after. */
    reference: text(),
    status: applicationStatusEnum().notNull().default('draft'),
    /** Optimistic lock: every save must name the version it read. */
    version: integer().notNull().default(1),
    title: text().notNull().default(''),
    /** ISO 3166-1 alpha-2 codes, a subset of the call's countries. */
    countries: text().array().notNull().default(sql`'{}'::text[]`),
    themes: text().array().notNull().default(sql`'{}'::text[]`),
    requestedAmount: bigint({ mode: 'number' }),
    peopleToReach: integer(),
    content: jsonb().$type<ApplicationContent>().notNull().default({}),
    eligibility: eligibilityEnum().notNull().default('pending'),
    eligibilityReason: text(),
    screenedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    screenedAt: instant(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    submittedAt: instant(),
    withdrawnAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_call_organisation_unique').on(t.callId, t.organisationId),
    uniqueIndex('applications_reference_unique').on(t.reference),
    check('applications_reference_format', sql`${t.reference} is null or ${t.reference} ~ '^EOI-[0-9]{4}-[0-9]{4,}$'`),
    check('applications_submitted_has_reference', sql`${t.status} = 'draft' or ${t.reference} is not null`),
    check('applications_ineligible_reason', sql`${t.eligibility} <> 'ineligible' or coalesce(${t.eligibilityReason}, '') <> ''`),
    check('applications_requested_amount', sql`${t.requestedAmount} is null or ${t.requestedAmount} >= 0`),
    index('applications_call_status_idx').on(t.callId, t.status),
    index('applications_organisation_idx').on(t.organisationId),
  ],
);

export const applicationFiles = pgTable(
  'application_files',
  {
    id: id(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    slotId: uuid()
      .notNull()
      .references(() => documentSlots.id, { onDelete: 'restrict' }),
    ...storedFileColumns(),
  },
  (t) => [
    uniqueIndex('application_files_slot_unique').on(t.applicationId, t.slotId),
    check('application_files_size', sql`${t.size} > 0`),
  ],
);

export type Application = typeof applications.$inferSelect;
