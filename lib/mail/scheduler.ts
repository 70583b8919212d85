import { and, eq, gt, inArray, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db';
import {
  applications,
  calls,
  organisationMembers,
  organisations,
  outbox,
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

/** Queues every reminder due at `now` that was not queued before; returns how many. */
export async function queueScheduledReminders(executor: Executor, now: Date = new Date()) {
  const drafts = await queueDraftReminders(executor, now);
  const reviewsDue = await queueReviewReminders(executor, now);
  return { drafts, reviews: reviewsDue };
}
