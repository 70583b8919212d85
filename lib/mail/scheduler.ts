import { and, eq, gt, inArray, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db';
import {
  applications,
  awards,
  calls,
  organisationDocuments,
  organisationMembers,
  organisations,
  outbox,
  reportingPeriods,
  reports,
  reviewAssignments,
  reviews,
  users,
} from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { callTitleIn } from '@/lib/calls/languages';
import { queueMail } from './outbox';

/**
 * Scheduled messages: reminders 3 days and 1 day before a deadline, each queued once
 * (outbox.dedupe_key). Who is due is decided by SQL; the worker runs this every few
 * minutes on every instance, and the unique dedupe key keeps two instances from queuing
 * one reminder twice.
 *
 * A reminder window opens 3 days (or 1 day) before the deadline and lasts until the next
 * one: a call found 2 days before its close gets the "3 days" reminder's window (with the
 * true number of days left), never both at once.
 */
export const REMINDER_WINDOWS = [
  { key: '3d', days: 3 },
  { key: '1d', days: 1 },
] as const;

const DAY_MS = 24 * 3600 * 1000;

/** Where an applicant finishes a draft. */
export const applicationPath = (applicationId: string) => `/applications/${applicationId}`;

/** Whole days left, at least one (a reminder the last day says "1 day"). */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.max(1, Math.round((deadline.getTime() - now.getTime()) / DAY_MS));
}

/** The window a deadline is in now: '1d' within a day, '3d' within three, else none. */
function windowSql(deadline: AnyPgColumn, now: string) {
  return sql<'3d' | '1d'>`case when ${deadline} <= ${now}::timestamptz + interval '1 day' then '1d' else '3d' end`;
}

function inReminderRange(deadline: AnyPgColumn, now: string) {
  return and(gt(deadline, sql`${now}::timestamptz`), lte(deadline, sql`${now}::timestamptz + interval '3 days'`));
}

export const draftReminderKey = (applicationId: string, window: string, userId: string) =>
  `draft-reminder:${applicationId}:${window}:${userId}`;
export const reviewReminderKey = (callId: string, window: string, reviewerId: string) =>
  `review-reminder:${callId}:${window}:${reviewerId}`;

/** Applicants: a draft not submitted, to every member of the organisation. */
async function queueDraftReminders(executor: Executor, now: Date): Promise<number> {
  const at = now.toISOString();
  const window = windowSql(calls.closesAt, at);
  const key = sql<string>`'draft-reminder:' || ${applications.id}::text || ':' || ${window} || ':' || ${users.id}::text`;
  const due = await executor
    .select({
      applicationId: applications.id,
      callTitle: calls.title,
      callLocale: calls.locale,
      callTranslations: calls.translations,
      closesAt: calls.closesAt,
      timeZone: calls.timeZone,
      organisation: organisations.legalName,
      userId: users.id,
      email: users.email,
      locale: users.locale,
      window,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(
      and(
        eq(applications.status, 'draft'),
        eq(calls.status, 'open'),
        inReminderRange(calls.closesAt, at),
        isNull(users.disabledAt),
        notExists(executor.select({ one: sql`1` }).from(outbox).where(eq(outbox.dedupeKey, key))),
      ),
    );
  for (const row of due) {
    await queueMail(executor, {
      to: row.email,
      toUserId: row.userId,
      locale: row.locale,
      template: 'draftReminder',
      dedupeKey: draftReminderKey(row.applicationId, row.window, row.userId),
      data: {
        callTitle: callTitleIn({ title: row.callTitle, locale: row.callLocale, translations: row.callTranslations }, row.locale),
        organisation: row.organisation,
        closes: { at: row.closesAt!, timeZone: row.timeZone },
        daysLeft: daysLeft(row.closesAt!, now),
        link: appUrl(applicationPath(row.applicationId)),
      },
    });
  }
  return due.length;
}

/** Reviewers: assignments without a submitted review, one message per reviewer and call. */
async function queueReviewReminders(executor: Executor, now: Date): Promise<number> {
  const at = now.toISOString();
  const window = windowSql(calls.reviewDeadline, at);
  const key = sql<string>`'review-reminder:' || ${calls.id}::text || ':' || ${window} || ':' || ${reviewAssignments.reviewerId}::text`;
  const due = await executor
    .select({
      callId: calls.id,
      callTitle: calls.title,
      callLocale: calls.locale,
      callTranslations: calls.translations,
      deadline: calls.reviewDeadline,
      timeZone: calls.timeZone,
      reviewerId: reviewAssignments.reviewerId,
      email: users.email,
      locale: users.locale,
      window,
      pending: sql<number>`count(*)::int`,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(
      and(
        inArray(reviewAssignments.status, ['pending', 'accepted']),
        or(isNull(reviews.id), ne(reviews.status, 'submitted')),
        eq(applications.status, 'submitted'),
        ne(applications.eligibility, 'ineligible'),
        inArray(calls.status, ['open', 'in_review', 'selection']),
        inReminderRange(calls.reviewDeadline, at),
        isNull(users.disabledAt),
        notExists(executor.select({ one: sql`1` }).from(outbox).where(eq(outbox.dedupeKey, key))),
      ),
    )
    .groupBy(calls.id, reviewAssignments.reviewerId, users.id);
  for (const row of due) {
    await queueMail(executor, {
      to: row.email,
      toUserId: row.reviewerId,
      locale: row.locale,
      template: 'reviewReminder',
      dedupeKey: reviewReminderKey(row.callId, row.window, row.reviewerId),
      data: {
        callTitle: callTitleIn({ title: row.callTitle, locale: row.callLocale, translations: row.callTranslations }, row.locale),
        pending: row.pending,
        deadline: { at: row.deadline!, timeZone: row.timeZone },
        daysLeft: daysLeft(row.deadline!, now),
        link: appUrl('/review'),
      },
    });
  }
  return due.length;
}

/** How long before a report's due date its reminder goes, and how long after it an overdue notice may still go. */
export const REPORT_REMINDER_DAYS = 7;
export const REPORT_OVERDUE_WINDOW_DAYS = 60;

export const reportReminderKey = (awardId: string, periodId: string, kind: 'due' | 'overdue', userId: string) =>
  `report-${kind}:${awardId}:${periodId}:${userId}`;

/** Where a partner writes a report (as lib/data/reports.ts reportPath). */
const reportPath = (applicationId: string, periodId: string) => `/applications/${applicationId}/reports/${periodId}`;

/**
 * Partners: for each accepted award and reporting period whose report is neither
 * submitted nor accepted, a reminder 7 days before the due date and a notice once it has
 * passed, to every member of the organisation; each once (the outbox's dedupe key, and
 * the report's remindedAt / overdueNoticeAt stamp, written on a report row made for it
 * when the partner has not started one).
 */
async function queueReportReminders(executor: Executor, now: Date, kind: 'due' | 'overdue'): Promise<number> {
  const at = now.toISOString();
  const stamp = kind === 'due' ? reports.remindedAt : reports.overdueNoticeAt;
  const range =
    kind === 'due'
      ? and(gt(reportingPeriods.dueAt, sql`${at}::timestamptz`), lte(reportingPeriods.dueAt, sql`${at}::timestamptz + make_interval(days => ${REPORT_REMINDER_DAYS})`))
      : and(lte(reportingPeriods.dueAt, sql`${at}::timestamptz`), gt(reportingPeriods.dueAt, sql`${at}::timestamptz - make_interval(days => ${REPORT_OVERDUE_WINDOW_DAYS})`));
  const due = await executor
    .select({
      awardId: awards.id,
      applicationId: applications.id,
      periodId: reportingPeriods.id,
      period: reportingPeriods.label,
      dueAt: reportingPeriods.dueAt,
      callTitle: calls.title,
      callLocale: calls.locale,
      callTranslations: calls.translations,
      timeZone: calls.timeZone,
      organisation: organisations.legalName,
      userId: users.id,
      email: users.email,
      locale: users.locale,
    })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.callId, calls.id))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .leftJoin(reports, and(eq(reports.awardId, awards.id), eq(reports.periodId, reportingPeriods.id)))
    .where(
      and(
        eq(awards.status, 'accepted'),
        or(isNull(reports.id), inArray(reports.status, ['draft', 'changes_requested'])),
        isNull(stamp),
        range,
        isNull(users.disabledAt),
      ),
    );
  const stamped = new Set<string>();
  for (const row of due) {
    const callTitle = callTitleIn({ title: row.callTitle, locale: row.callLocale, translations: row.callTranslations }, row.locale);
    const common = { callTitle, organisation: row.organisation, period: row.period, due: { at: row.dueAt, timeZone: row.timeZone }, link: appUrl(reportPath(row.applicationId, row.periodId)) };
    const dedupeKey = reportReminderKey(row.awardId, row.periodId, kind, row.userId);
    if (kind === 'due') {
      await queueMail(executor, { to: row.email, toUserId: row.userId, locale: row.locale, template: 'reportReminder', dedupeKey, data: { ...common, daysLeft: daysLeft(row.dueAt, now) } });
    } else {
      await queueMail(executor, { to: row.email, toUserId: row.userId, locale: row.locale, template: 'reportOverdue', dedupeKey, data: common });
    }
    const key = `${row.awardId}|${row.periodId}`;
    if (stamped.has(key)) continue;
    stamped.add(key);
    // The stamp says when: on the report, made now as an empty draft if the partner has not begun one.
    await executor
      .insert(reports)
      .values({ awardId: row.awardId, periodId: row.periodId, ...(kind === 'due' ? { remindedAt: now } : { overdueNoticeAt: now }) })
      .onConflictDoUpdate({ target: [reports.awardId, reports.periodId], set: kind === 'due' ? { remindedAt: now } : { overdueNoticeAt: now } });
  }
  return due.length;
}

/** Reminders of a document about to expire: 30 days before, then 7. */
export const DOCUMENT_EXPIRY_WINDOWS = [30, 7] as const;
export const documentExpiryKey = (documentId: string, window: number, userId: string) => `document-expiry:${documentId}:${window}d:${userId}`;

/**
 * Organisations: a document of the library that expires within 30 days (and again within
 * 7), to every member, each once (the dedupe key). A document the organisation has already
 * replaced (a newer one of the same kind valid longer, or with no end) is left alone.
 */
async function queueDocumentExpiryReminders(executor: Executor, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const window = sql<number>`case when ${organisationDocuments.expiresOn} <= ${today}::date + 7 then 7 else 30 end`;
  const key = sql<string>`'document-expiry:' || ${organisationDocuments.id}::text || ':' || ${window}::text || 'd:' || ${users.id}::text`;
  const newer = alias(organisationDocuments, 'newer');
  const due = await executor
    .select({
      documentId: organisationDocuments.id,
      fileName: organisationDocuments.fileName,
      expiresOn: organisationDocuments.expiresOn,
      organisationId: organisations.id,
      organisation: organisations.legalName,
      userId: users.id,
      email: users.email,
      locale: users.locale,
      window,
    })
    .from(organisationDocuments)
    .innerJoin(organisations, eq(organisations.id, organisationDocuments.organisationId))
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(
      and(
        sql`${organisationDocuments.expiresOn} >= ${today}::date`,
        sql`${organisationDocuments.expiresOn} <= ${today}::date + ${DOCUMENT_EXPIRY_WINDOWS[0]}::int`,
        isNull(users.disabledAt),
        notExists(
          executor
            .select({ one: sql`1` })
            .from(newer)
            .where(
              and(
                eq(newer.organisationId, organisationDocuments.organisationId),
                eq(newer.kind, organisationDocuments.kind),
                gt(newer.uploadedAt, organisationDocuments.uploadedAt),
                or(isNull(newer.expiresOn), gt(newer.expiresOn, organisationDocuments.expiresOn)),
              ),
            ),
        ),
        notExists(executor.select({ one: sql`1` }).from(outbox).where(eq(outbox.dedupeKey, key))),
      ),
    );
  for (const row of due) {
    const daysLeft = Math.round((Date.parse(`${row.expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
    await queueMail(executor, {
      to: row.email,
      toUserId: row.userId,
      locale: row.locale,
      template: 'documentExpiry',
      dedupeKey: documentExpiryKey(row.documentId, row.window, row.userId),
      data: { organisation: row.organisation, fileName: row.fileName, expiresOn: row.expiresOn!, daysLeft, link: appUrl(`/organisation?org=${row.organisationId}#documents`) },
    });
  }
  return due.length;
}

/** Queues every reminder due at `now` that was not queued before; returns how many. */
export async function queueScheduledReminders(executor: Executor, now: Date = new Date()) {
  const drafts = await queueDraftReminders(executor, now);
  const reviewsDue = await queueReviewReminders(executor, now);
  const reportsDue = await queueReportReminders(executor, now, 'due');
  const reportsOverdue = await queueReportReminders(executor, now, 'overdue');
  const documents = await queueDocumentExpiryReminders(executor, now);
  return { drafts, reviews: reviewsDue, reports: reportsDue, overdueReports: reportsOverdue, expiringDocuments: documents };
}
