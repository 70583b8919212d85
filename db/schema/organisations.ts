import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, updatedAt } from './columns';
import { storedFileColumns } from './stored-file';

export const organisationTypeEnum = pgEnum('organisation_type', [
  'diaspora_organisation',
  'ngo',
  'community_based',
  'foundation',
  'academic',
  'professional_association',
  'private_sector',
  'other',
]);

export type LocalPartner = { name: string; country: string; role: string };
export type SelfDeclaration = {
  noSanctions: boolean;
  noFraudFindings: boolean;
  pseaPolicy: boolean;
  noConflictOfInterest: boolean;
  informationAccurate: boolean;
  signedByName: string;
  signedByTitle: string;
  signedAt: string;
  signedByUserId: string;
};

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    legalName: text().notNull(),
    acronym: text(),
    type: organisationTypeEnum().notNull().default('diaspora_organisation'),
    /** ISO 3166-1 alpha-2. */
    countryOfRegistration: text().notNull(),
    heritageCountries: text().array().notNull().default(sql`'{}'::text[]`),
    operationCountries: text().array().notNull().default(sql`'{}'::text[]`),
    yearFounded: integer(),
    website: text(),
    registrationNumber: text(),
    registrationExpiresOn: date({ mode: 'string' }),
    staffSize: integer(),
    annualBudget: bigint({ mode: 'number' }),
    annualBudgetCurrency: text(),
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    mission: text(),
    /** Experience by thematic area: theme code -> description. */
    experience: jsonb().$type<Record<string, string>>().notNull().default({}),
    localPartners: jsonb().$type<LocalPartner[]>().notNull().default([]),
    selfDeclaration: jsonb().$type<SelfDeclaration>(),
    /** Set on demo records whose details are invented for illustration. */
    illustrative: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('organisations_country_code', sql`${t.countryOfRegistration} ~ '^[A-Z]{2}$'`),
    check('organisations_year_founded', sql`${t.yearFounded} is null or ${t.yearFounded} between 1800 and 2200`),
    index('organisations_legal_name_idx').on(t.legalName),
  ],
);

export const memberRoleEnum = pgEnum('organisation_member_role', ['owner', 'member']);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRoleEnum().notNull().default('member'),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);

/**
 * The organisation's library of documents (registration certificate, statutes, audited
 * accounts, policies), kept once and reused for every application and for verification
 * (issue 17). A document may expire: reminders go 30 and 7 days before, and an expired one
 * cannot be the evidence of a verification item.
 */
export const organisationDocuments = pgTable(
  'organisation_documents',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** lib/validations/diligence.ts documentKinds. */
    kind: text().notNull(),
    /** The last day the document is valid, when it has one (a date: no time zone to move it). */
    expiresOn: date({ mode: 'string' }),
    ...storedFileColumns(),
  },
  (t) => [
    index('organisation_documents_org_idx').on(t.organisationId),
    index('organisation_documents_expiry_idx').on(t.expiresOn),
    check(
      'organisation_documents_kind',
      sql`${t.kind} in ('registration_certificate', 'statutes', 'audited_accounts', 'anti_fraud_policy', 'psea_policy', 'other')`,
    ),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
