import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db';
import { calls, type Call } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { NotFoundError } from '@/lib/errors';
import type { Messages } from '@/lib/i18n/messages';
import { toCsv } from '@/lib/csv';
import type { DisagreementThresholdsInput } from '@/lib/validations/assignment';
import { callCodes, callCriteria } from './call-parts';
import { aggregatesSql, calibratedReviewsSql, rankingQuery, type RankingOptions } from './internal/ranking-sql';

export { rankingSorts, type RankingOptions, type RankingSort } from './internal/ranking-sql';

/** The ranking page's data: admins only. */
export async function getRanking(user: SessionUser, call: Call, options: RankingOptions) {
  assertCan(user, 'ranking:read');
  const [criteria, ranking, { countries, themes }] = await Promise.all([callCriteria(db, call.id), rankingQuery(db, call, options), callCodes(db, call.id)]);
  return { criteria, countries, themes, ...ranking };
}

/** One application's figures, as in the ranking (admins only). */
export async function getApplicationFigures(user: SessionUser, call: Call, applicationId: string) {
  assertCan(user, 'ranking:read');
  const { rows } = await rankingQuery(db, call, { applicationId, pageSize: 1 });
  return rows[0] ?? null;
}

/** Changes the disagreement thresholds of a call; returns before and after. */
export async function setDisagreementThresholds(tx: Executor, actor: SessionUser, input: DisagreementThresholdsInput) {
  assertCan(actor, 'ranking:read');
  assertCan(actor, 'call:manage');
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update');
  if (!call) throw new NotFoundError();
  const round = (n: number) => Math.round(n * 100) / 100;
  const after = { disagreementRange: round(input.disagreementRange), disagreementStddev: round(input.disagreementStddev) };
  await tx.update(calls).set(after).where(eq(calls.id, call.id));
  const change = { before: { disagreementRange: call.disagreementRange, disagreementStddev: call.disagreementStddev }, after };
  await writeAudit(tx, auditActor(actor), { action: 'call.disagreement_thresholds_changed', entityType: 'call', entityId: input.callId, ...change });
  return change;
}

type ExportRow = {
  reference: string;
  applicationId: string;
  organisation: string;
  title: string;
  countries: string[];
  themes: string[];
  eligibility: string;
  reviewerEmail: string;
  reviewerName: string | null;
  assignmentId: string;
  assignmentStatus: string;
  reviewId: string;
  reviewStatus: string;
  submittedAt: string | null;
  recommendation: string | null;
  overallComment: string;
  total: number | null;
  calibrated: number | null;
  scores: Record<string, { score: number; comment: string }> | null;
  reviewCount: number | null;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  stddev: number | null;
  appCalibrated: number | null;
};

/**
 * The export: one row per review of the call (drafts included, with their status), every
 * per-criterion score and comment, the reviewer and application identifiers, and the
 * application's aggregates over its submitted reviews. The figures come from the same SQL
 * as the ranking.
 */
export async function exportReviews(user: SessionUser, call: Call) {
  assertCan(user, 'ranking:read');
  const crit = await callCriteria(db, call.id);
  const result = await db.execute(sql`
    with cal as (${calibratedReviewsSql(call.id)}),
    agg as (${aggregatesSql(call.id)})
    select a.reference, a.id as "applicationId", o.legal_name as organisation, a.title, a.countries, a.themes,
           a.eligibility::text as eligibility,
           u.email as "reviewerEmail", u.name as "reviewerName",
           ra.id as "assignmentId", ra.status::text as "assignmentStatus",
           r.id as "reviewId", r.status::text as "reviewStatus",
           to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "submittedAt",
           r.recommendation::text as recommendation, r.overall_comment as "overallComment",
           cal.total::float8 as total, cal.calibrated::float8 as calibrated,
           (select json_object_agg(s.criterion_id, json_build_object('score', s.score, 'comment', s.comment))
              from review_scores s where s.review_id = r.id) as scores,
           agg.review_count as "reviewCount", agg.mean::float8 as mean, agg.median::float8 as median,
           agg.min::float8 as min, agg.max::float8 as max, agg.stddev::float8 as stddev,
           agg.calibrated::float8 as "appCalibrated"
    from reviews r
    join review_assignments ra on ra.id = r.assignment_id
    join applications a on a.id = ra.application_id
    join organisations o on o.id = a.organisation_id
    join users u on u.id = ra.reviewer_id
    left join cal on cal.review_id = r.id
    left join agg on agg.application_id = a.id
    where a.call_id = ${call.id}
    order by a.reference asc, u.email asc`);
  const rows = rowsOf<ExportRow>(result).map((r) => ({
    ...r,
    scores: typeof r.scores === 'string' ? (JSON.parse(r.scores) as ExportRow['scores']) : r.scores,
  }));
  return { criteria: crit, rows };
}

/** The export as CSV text (UTF-8 with BOM, see lib/csv.ts), headers in the given language. */
export async function exportReviewsCsv(user: SessionUser, call: Call, t: (key: keyof Messages['export'], values?: Record<string, string | number>) => string) {
  const { criteria: callCriteria, rows } = await exportReviews(user, call);
  const round = (n: number | null) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);
  const header = [
    t('reference'),
    t('applicationId'),
    t('organisation'),
    t('title'),
    t('countries'),
    t('themes'),
    t('eligibility'),
    t('reviewerEmail'),
    t('reviewerName'),
    t('assignmentId'),
    t('assignmentStatus'),
    t('reviewId'),
    t('reviewStatus'),
    t('submittedAt'),
    t('recommendation'),
    t('total'),
    t('calibratedTotal'),
    ...callCriteria.flatMap((c) => [t('criterionScore', { criterion: c.name, max: c.scaleMax }), t('criterionComment', { criterion: c.name })]),
    t('overallComment'),
    t('appReviewCount'),
    t('appMean'),
    t('appMedian'),
    t('appMin'),
    t('appMax'),
    t('appStddev'),
    t('appCalibrated'),
    t('appFlagged'),
  ];
  const body = rows.map((r) => [
    r.reference,
    r.applicationId,
    r.organisation,
    r.title,
    r.countries.join(' '),
    r.themes.join(' '),
    r.eligibility,
    r.reviewerEmail,
    r.reviewerName,
    r.assignmentId,
    r.assignmentStatus,
    r.reviewId,
    r.reviewStatus,
    r.submittedAt,
    r.recommendation,
    round(r.total),
    round(r.calibrated),
    ...callCriteria.flatMap((c) => [r.scores?.[c.id]?.score ?? null, r.scores?.[c.id]?.comment ?? null]),
    r.overallComment,
    r.reviewCount ?? 0,
    round(r.mean),
    round(r.median),
    round(r.min),
    round(r.max),
    round(r.stddev),
    round(r.appCalibrated),
    r.max !== null && r.min !== null ? r.max - r.min > call.disagreementRange || (r.stddev ?? 0) > call.disagreementStddev : false,
  ]);
  return toCsv(header, body);
}
