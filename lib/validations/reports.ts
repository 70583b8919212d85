import { isZonedInput } from '@/lib/time/zoned';
import { z } from './zod';

/**
 * Reporting (issue 16): a call's reporting periods, a partner's report on an accepted
 * award for one period (people reached, activities, narrative), and the admin's review.
 * One schema per form, shared by the form and its action.
 */

export const sexValues = ['female', 'male', 'other'] as const;
export const ageGroupValues = ['0-17', '18-24', '25-59', '60+'] as const;
export const populationGroupValues = ['host_community', 'migrants', 'refugees', 'internally_displaced'] as const;
export const activityStatusValues = ['done', 'partly', 'not_done', 'added'] as const;
export const reportStatusValues = ['draft', 'submitted', 'changes_requested', 'accepted'] as const;

/** A report's state as a list shows it: not begun, its stored status, or overdue. */
export type ReportState = 'not_started' | (typeof reportStatusValues)[number] | 'overdue';

/** Whether a report still has to be sent: none yet, a draft or one sent back, and the due date passed. */
export function reportState(status: (typeof reportStatusValues)[number] | null, dueAt: Date, now: Date): ReportState {
  const open = status === null || status === 'draft' || status === 'changes_requested';
  if (open && dueAt.getTime() <= now.getTime()) return 'overdue';
  return status ?? 'not_started';
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidFormat' });

/** A reporting period as the admin enters it: the due date is the call's local wall time. */
export const reportingPeriodSchema = z
  .strictObject({
    callId: z.uuid(),
    /** Absent for a new period. */
    periodId: z.uuid().optional(),
    label: z.string().trim().min(1).max(200),
    periodStart: isoDate,
    periodEnd: isoDate,
    dueAt: z.string().refine(isZonedInput, { message: 'invalidFormat' }),
    final: z.boolean(),
  })
  .refine((v) => v.periodStart <= v.periodEnd, { path: ['periodEnd'], message: 'periodEndBeforeStart' });
export type ReportingPeriodInput = z.infer<typeof reportingPeriodSchema>;

export const deleteReportingPeriodSchema = z.strictObject({ periodId: z.uuid() });
export type DeleteReportingPeriodInput = z.infer<typeof deleteReportingPeriodSchema>;

export const MAX_REACH_ROWS = 200;
export const MAX_ACTIVITIES = 50;
export const MAX_PEOPLE_PER_ROW = 100_000_000;

export const reachRowSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'invalidChoice' }),
  sex: z.enum(sexValues),
  ageGroup: z.enum(ageGroupValues),
  populationGroup: z.enum(populationGroupValues),
  /** Empty while typing (a draft keeps it as 0); a whole number from 0. */
  people: z.number().int().min(0).max(MAX_PEOPLE_PER_ROW).nullable(),
});
export type ReachRow = z.infer<typeof reachRowSchema>;

export const activityRowSchema = z.strictObject({
  proposed: z.string().trim().max(1000),
  done: z.string().trim().max(4000),
  status: z.enum(activityStatusValues),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;

/** What the partner types; a draft may be incomplete (reportIssues says what submitting needs). */
export const reportDraftSchema = z.strictObject({
  reach: z.array(reachRowSchema).max(MAX_REACH_ROWS),
  activities: z.array(activityRowSchema).max(MAX_ACTIVITIES),
  narrative: z.string().trim().max(20_000),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

export const saveReportDraftSchema = z.strictObject({
  awardId: z.uuid(),
  periodId: z.uuid(),
  /** The version the page read; 0 when no report was saved yet. */
  version: z.number().int().min(0),
  draft: reportDraftSchema,
});
export type SaveReportDraftInput = z.infer<typeof saveReportDraftSchema>;

export const submitReportSchema = z.strictObject({ awardId: z.uuid(), periodId: z.uuid(), version: z.number().int().min(1) });
export type SubmitReportInput = z.infer<typeof submitReportSchema>;

export const reviewDecisionValues = ['accept', 'request_changes'] as const;

/** The admin's review of a submitted report: asking for changes needs the comment the partner will read. */
export const reviewReportSchema = z
  .strictObject({
    reportId: z.uuid(),
    decision: z.enum(reviewDecisionValues),
    comment: z.string().trim().max(5000),
  })
  .refine((v) => v.decision !== 'request_changes' || v.comment.length > 0, { path: ['comment'], message: 'changesCommentRequired' });
export type ReviewReportInput = z.infer<typeof reviewReportSchema>;

/** The key of a reach row: one row per country × sex × age group × population group. */
export const reachKey = (r: Pick<ReachRow, 'country' | 'sex' | 'ageGroup' | 'populationGroup'>) => `${r.country}|${r.sex}|${r.ageGroup}|${r.populationGroup}`;

export const reachTotal = (rows: readonly Pick<ReachRow, 'people'>[]) => rows.reduce((sum, r) => sum + (typeof r.people === 'number' && Number.isFinite(r.people) ? r.people : 0), 0);

/** Rows that repeat an earlier row's breakdown, by index. */
export function duplicateReachRows(rows: readonly ReachRow[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  rows.forEach((r, i) => {
    const key = reachKey(r);
    if (seen.has(key)) out.push(i);
    seen.add(key);
  });
  return out;
}

/**
 * What a report still lacks before it can be submitted, as field errors keyed by path
 * (catalog keys of "validation"). The same rules in the form and on the server.
 */
export function reportIssues(draft: ReportDraft, countries: readonly string[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  if (draft.reach.length === 0) add('reach', 'reachRequired');
  draft.reach.forEach((r, i) => {
    if (r.people === null) add(`reach.${i}.people`, 'required');
    if (!countries.includes(r.country)) add(`reach.${i}.country`, 'invalidChoice');
  });
  for (const i of duplicateReachRows(draft.reach)) add(`reach.${i}.country`, 'reachRowRepeated');
  if (draft.reach.length > 0 && reachTotal(draft.reach) <= 0) add('reach', 'reachTotalZero');
  draft.activities.forEach((a, i) => {
    if (!a.proposed && !a.done) add(`activities.${i}.done`, 'required');
    if (a.status !== 'not_done' && !a.done) add(`activities.${i}.done`, 'required');
  });
  if (!draft.narrative) add('narrative', 'required');
  return errors;
}

/**
 * The application's activities, as the "proposed" column of a new report: one per line of
 * the application's activities text, list marks removed (a single paragraph is one row).
 */
export function proposedActivities(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, '').trim())
    .filter(Boolean)
    .slice(0, MAX_ACTIVITIES)
    .map((line) => line.slice(0, 1000));
}
