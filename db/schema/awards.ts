import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { users } from './auth';
import { calls } from './calls';
import { createdAt, id, instant, updatedAt } from './columns';
import { storedFileColumns } from './stored-file';

/**
 * After publication (issue 16): a selected application gets an award offer, its members
 * accept or decline it; a declined offer may be made to the next reserve application;
 * the partner then reports what it did against the call's reporting periods.
 */
export const awardStatusEnum = pgEnum('award_status', ['offered', 'accepted', 'declined', 'lapsed']);
export type AwardStatus = (typeof awardStatusEnum.enumValues)[number];

export const awards = pgTable(
  'awards',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'restrict' }),
    /** Whole units of the call's currency. */
    amount: bigint({ mode: 'number' }).notNull(),
    /** What the partner agrees to by accepting (shown with the offer). */
    conditions: text().notNull().default(''),
    /** The offer lapses if not answered by then. */
    respondBy: instant().notNull(),
    status: awardStatusEnum().notNull().default('offered'),
    /** The declined or lapsed award this one was offered in place of (the reserve list). */
    replacesAwardId: uuid(),
    offeredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    offeredAt: createdAt(),
    respondedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    respondedAt: instant(),
    declineReason: text(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('awards_application_unique').on(t.applicationId),
    uniqueIndex('awards_replaces_unique').on(t.replacesAwardId),
    index('awards_call_idx').on(t.callId, t.status),
    check('awards_amount', sql`${t.amount} > 0`),
    check('awards_declined_reason', sql`${t.status} <> 'declined' or length(trim(coalesce(${t.declineReason}, ''))) > 0`),
    check('awards_responded', sql`${t.status} not in ('accepted', 'declined') or ${t.respondedAt} is not null`),
  ],
);

/**
 * The public record after publication: each accepted, declined or replaced award is a new,
 * dated entry; the publication's snapshot is never edited. `entry` is what is shown
 * publicly (organisation, reference, amount, currency), frozen when the entry is made.
 */
export const awardNoticeKindEnum = pgEnum('award_notice_kind', ['accepted', 'declined', 'lapsed', 'offered_to_reserve']);

export const awardNotices = pgTable(
  'award_notices',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    awardId: uuid()
      .notNull()
      .references(() => awards.id, { onDelete: 'restrict' }),
    kind: awardNoticeKindEnum().notNull(),
    entry: jsonb().$type<Record<string, unknown>>().notNull(),
    at: createdAt(),
  },
  (t) => [index('award_notices_call_idx').on(t.callId, t.at)],
);

/** A call's reporting schedule: every accepted award of the call reports once per period. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** Shown to partners, e.g. "Interim report"; `final` marks the last one. */
    label: text().notNull(),
    final: boolean().notNull().default(false),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    dueAt: instant().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('reporting_periods_call_idx').on(t.callId, t.position),
    check('reporting_periods_label', sql`length(trim(${t.label})) > 0`),
    check('reporting_periods_range', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

export const reportStatusEnum = pgEnum('report_status', ['draft', 'submitted', 'changes_requested', 'accepted']);
export type ReportStatus = (typeof reportStatusEnum.enumValues)[number];

/** One activity proposed in the application, and what was done of it. */
export type ReportActivity = { proposed: string; done: string; status: 'done' | 'partly' | 'not_done' | 'added' };

export const reports = pgTable(
  'reports',
  {
    id: id(),
    awardId: uuid()
      .notNull()
      .references(() => awards.id, { onDelete: 'restrict' }),
    periodId: uuid()
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'restrict' }),
    status: reportStatusEnum().notNull().default('draft'),
    /** Optimistic lock, as applications: every save names the version it read. */
    version: integer().notNull().default(1),
    narrative: text().notNull().default(''),
    activities: jsonb().$type<ReportActivity[]>().notNull().default([]),
    submittedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    submittedAt: instant(),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: instant(),
    /** The admin's request for changes, shown to the partner. */
    reviewComment: text(),
    /** Reminders sent (outbox keys make them once-only; these say when). */
    remindedAt: instant(),
    overdueNoticeAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reports_award_period_unique').on(t.awardId, t.periodId),
    index('reports_status_idx').on(t.status),
    check('reports_changes_comment', sql`${t.status} <> 'changes_requested' or length(trim(coalesce(${t.reviewComment}, ''))) > 0`),
  ],
);

export const sexEnum = pgEnum('reach_sex', ['female', 'male', 'other']);
export const ageGroupEnum = pgEnum('reach_age_group', ['0-17', '18-24', '25-59', '60+']);
/** The seed's populations: host community, migrants, refugees, internally displaced. */
export const populationGroupEnum = pgEnum('reach_population_group', ['host_community', 'migrants', 'refugees', 'internally_displaced']);

/**
 * People reached, as the partner reports them: one row per country × sex × age group ×
 * population group (rows not given are zero). A person is counted once per report.
 */
export const reportReach = pgTable(
  'report_reach',
  {
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** ISO 3166-1 alpha-2. */
    country: text().notNull(),
    sex: sexEnum().notNull(),
    ageGroup: ageGroupEnum().notNull(),
    populationGroup: populationGroupEnum().notNull(),
    people: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.country, t.sex, t.ageGroup, t.populationGroup] }),
    check('report_reach_people', sql`${t.people} >= 0`),
    check('report_reach_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const reportFiles = pgTable(
  'report_files',
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ...storedFileColumns(),
  },
  (t) => [index('report_files_report_idx').on(t.reportId), check('report_files_size', sql`${t.size} > 0`)],
);

export type Award = typeof awards.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type ReportingPeriod = typeof reportingPeriods.$inferSelect;
