import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, instant, updatedAt } from './columns';
import { organisationDocuments, organisations } from './organisations';

/**
 * Due diligence before an award (issue 17): the people who run an organisation, the UN
 * Security Council Consolidated List as imported (versioned), and the screening hits of
 * organisations and their people against it.
 */

export const personRoleEnum = pgEnum('organisation_person_role', ['director', 'board_member', 'authorised_officer']);
export type PersonRole = (typeof personRoleEnum.enumValues)[number];

/** Directors, board members and authorised officers: screened like the organisation itself. */
export const organisationPeople = pgTable(
  'organisation_people',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** The name as written in its own script (Arabic, Cyrillic...), when the person gives it. */
    nameOriginalScript: text(),
    /** ISO 3166-1 alpha-2. */
    nationality: text(),
    dateOfBirth: date({ mode: 'string' }),
    role: personRoleEnum().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organisation_people_org_idx').on(t.organisationId),
    check('organisation_people_name', sql`length(trim(${t.name})) > 0`),
    check('organisation_people_nationality', sql`${t.nationality} is null or ${t.nationality} ~ '^[A-Z]{2}$'`),
  ],
);
export type OrganisationPerson = typeof organisationPeople.$inferSelect;

/** One imported copy of the list; the newest is the one screened against. */
export const sanctionsLists = pgTable('sanctions_lists', {
  id: id(),
  /** The list's own date (CONSOLIDATED_LIST dateGenerated), when it carries one. */
  generatedAt: instant(),
  sourceFileName: text().notNull(),
  sha256: text().notNull(),
  individuals: integer().notNull(),
  entities: integer().notNull(),
  aliases: integer().notNull(),
  importedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  importedAt: createdAt(),
});
export type SanctionsList = typeof sanctionsLists.$inferSelect;

export const sanctionsEntryKindEnum = pgEnum('sanctions_entry_kind', ['individual', 'entity']);

export type SanctionsName = { name: string; kind: 'primary' | 'alias' | 'original_script'; quality?: string };

export const sanctionsEntries = pgTable(
  'sanctions_entries',
  {
    id: id(),
    listId: uuid()
      .notNull()
      .references(() => sanctionsLists.id, { onDelete: 'cascade' }),
    kind: sanctionsEntryKindEnum().notNull(),
    /** The list's DATAID: stable across versions of the list. */
    dataId: text().notNull(),
    referenceNumber: text(),
    primaryName: text().notNull(),
    /** Every name the entry is known by: the primary one, aliases, the original script. */
    names: jsonb().$type<SanctionsName[]>().notNull(),
    listedOn: date({ mode: 'string' }),
    nationalities: text().array().notNull().default(sql`'{}'::text[]`),
    /** Dates or years of birth as the list gives them (YYYY-MM-DD or YYYY). */
    datesOfBirth: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('sanctions_entries_list_data_id').on(t.listId, t.dataId), index('sanctions_entries_list_idx').on(t.listId, t.kind)],
);
export type SanctionsEntry = typeof sanctionsEntries.$inferSelect;

export const screeningHitStatusEnum = pgEnum('screening_hit_status', ['open', 'cleared', 'confirmed']);
export type ScreeningHitStatus = (typeof screeningHitStatusEnum.enumValues)[number];
export const screeningSubjectEnum = pgEnum('screening_subject', ['organisation', 'person']);

/**
 * A possible match of an organisation (or one of its people) with a listed entry. Open
 * until an admin clears it as a false positive (with the reason) or confirms it. The same
 * name against the same listed entry (its DATAID) is one hit across list versions, so a
 * cleared hit stays cleared when a newer copy of the list is imported.
 */
export const screeningHits = pgTable(
  'screening_hits',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    subject: screeningSubjectEnum().notNull(),
    personId: uuid().references(() => organisationPeople.id, { onDelete: 'set null' }),
    /** The name screened, as it was when the hit was found. */
    subjectName: text().notNull(),
    /** Its normalised form: with entryDataId, what makes a hit the same one again. */
    subjectKey: text().notNull(),
    entryId: uuid()
      .notNull()
      .references(() => sanctionsEntries.id, { onDelete: 'cascade' }),
    entryDataId: text().notNull(),
    /** The listed name (primary, alias or original script) that matched best. */
    matchedName: text().notNull(),
    /** 0..1. */
    score: real().notNull(),
    status: screeningHitStatusEnum().notNull().default('open'),
    reason: text(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('screening_hits_unique').on(t.organisationId, t.subjectKey, t.entryDataId),
    index('screening_hits_status_idx').on(t.status, t.organisationId),
    check('screening_hits_score', sql`${t.score} >= 0 and ${t.score} <= 1`),
    check('screening_hits_cleared_reason', sql`${t.status} = 'open' or length(trim(coalesce(${t.reason}, ''))) > 0`),
  ],
);
export type ScreeningHit = typeof screeningHits.$inferSelect;

export const riskFlagLevelEnum = pgEnum('risk_flag_level', ['observation', 'yellow', 'red']);
export type RiskFlagLevel = (typeof riskFlagLevelEnum.enumValues)[number];

/**
 * A risk flag an admin raises on an organisation, with a comment; lifted later with the
 * reason, never deleted, so the rows are its history. A red flag holds an award like an
 * open sanctions match; a yellow one is shown where decisions are made.
 */
export const organisationFlags = pgTable(
  'organisation_flags',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    level: riskFlagLevelEnum().notNull(),
    comment: text().notNull(),
    raisedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    raisedAt: createdAt(),
    liftedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    liftedAt: instant(),
    liftReason: text(),
  },
  (t) => [
    index('organisation_flags_org_idx').on(t.organisationId),
    check('organisation_flags_comment', sql`length(trim(${t.comment})) > 0`),
    check('organisation_flags_lifted', sql`(${t.liftedAt} is null) = (${t.liftReason} is null)`),
  ],
);
export type OrganisationFlag = typeof organisationFlags.$inferSelect;

export const verificationItemEnum = pgEnum('verification_item', ['registration', 'governing_documents', 'anti_fraud_policy', 'psea_policy', 'audited_accounts']);
export type VerificationItem = (typeof verificationItemEnum.enumValues)[number];
export const verificationAnswerEnum = pgEnum('verification_answer', ['met', 'not_met']);

/**
 * An admin's answer to one item of an organisation's verification checklist: met, with a
 * document of the organisation's library as evidence, or not met, with a note. One row per
 * organisation and item; each answer is audited, so the audit log is its history.
 */
export const organisationVerifications = pgTable(
  'organisation_verifications',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    item: verificationItemEnum().notNull(),
    answer: verificationAnswerEnum().notNull(),
    /** Removed from the library: null, and the item no longer counts as met. */
    evidenceDocumentId: uuid().references(() => organisationDocuments.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    answeredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    answeredAt: instant().notNull(),
  },
  (t) => [uniqueIndex('organisation_verifications_item').on(t.organisationId, t.item)],
);
export type OrganisationVerification = typeof organisationVerifications.$inferSelect;
