import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db';
import type { Call } from '@/db/schema';
import { CALIBRATION_PRIOR } from '@/lib/scoring/calibration';
import { pageNumber } from '../paging';

// The ranking's SQL, with no access check: only data functions import this file (the
// ranking and export of lib/data/ranking.ts, the selection board, the results snapshot),
// the benchmark and the tests; eslint.config.mjs forbids it to app/ and components/.


/**
 * Each submitted review's total, 0-100: sum of weight x (score - min) / (max - min).
 * The same formula as lib/scoring/totals.ts, in SQL, so rankings never load reviews
 * into JavaScript.
 */
export const reviewTotalsSql = (callId: string) => sql`
  select r.id as review_id, ra.application_id, ra.reviewer_id, t.total
  from (
    select s.review_id, sum(c.weight * (s.score - c.scale_min)::float8 / (c.scale_max - c.scale_min)) as total
    from review_scores s
    join criteria c on c.id = s.criterion_id
    where c.call_id = ${callId}
    group by s.review_id
  ) t
  join reviews r on r.id = t.review_id
  join review_assignments ra on ra.id = r.assignment_id
  join applications a on a.id = ra.application_id
  where a.call_id = ${callId} and r.status = 'submitted' and ra.status = 'accepted'`;

/**
 * Every submitted review of a call with its total and its calibrated total: the formula of
 * lib/scoring/calibration.ts (documented there), in SQL, with window functions over the
 * reviewer's own reviews and over the whole call.
 */
export const calibratedReviewsSql = (callId: string) => sql`
  select f.review_id, f.application_id, f.reviewer_id, f.total,
         case when f.n_r < 2 or f.s_all is null then f.total
              else least(100, greatest(0,
                (f.n_r::float8 / (f.n_r + ${CALIBRATION_PRIOR}::int))
                  * (f.m_all + f.s_all * case when f.s_r > 0 then (f.total - f.m_r) / f.s_r else 0 end)
                + (${CALIBRATION_PRIOR}::int::float8 / (f.n_r + ${CALIBRATION_PRIOR}::int)) * f.total))
         end as calibrated
  from (
    select t.*,
           count(*) over (partition by t.reviewer_id) as n_r,
           avg(t.total) over (partition by t.reviewer_id) as m_r,
           stddev_samp(t.total) over (partition by t.reviewer_id) as s_r,
           avg(t.total) over () as m_all,
           stddev_samp(t.total) over () as s_all
    from (${reviewTotalsSql(callId)}) t
  ) f`;

/**
 * Per application of a call: mean, median, min, max, sample standard deviation and count of
 * review totals, and the calibrated score (SQL aggregates of calibratedReviewsSql).
 */
export const aggregatesSql = (callId: string) => sql`
  select application_id,
         count(*)::int as review_count,
         avg(total) as mean,
         percentile_cont(0.5) within group (order by total) as median,
         min(total) as min,
         max(total) as max,
         stddev_samp(total) as stddev,
         avg(calibrated) as calibrated
  from (${calibratedReviewsSql(callId)}) c
  group by application_id`;

export const RANKING_PAGE_SIZE = 25;
export const rankingSorts = ['mean', 'calibrated', 'median', 'stddev', 'range', 'reviews', 'reference'] as const;
export type RankingSort = (typeof rankingSorts)[number];

const sortColumns: Record<RankingSort, string> = {
  mean: 'mean',
  calibrated: 'calibrated',
  median: 'median',
  stddev: 'stddev',
  range: 'spread',
  reviews: 'review_count',
  reference: 'reference',
};

/**
 * The documented order: highest mean first; ties by higher calibrated score, then more
 * reviews, then reference (A-Z). Applications without a submitted review come last.
 */
const TIE_BREAKS = 'mean desc nulls last, calibrated desc nulls last, review_count desc, reference asc';

export type RankingOptions = {
  sort?: RankingSort;
  direction?: 'asc' | 'desc';
  country?: string;
  theme?: string;
  flag?: 'flagged' | 'unflagged';
  /** One application only (its figures and place among all). */
  applicationId?: string;
  page?: number;
  pageSize?: number;
};

export type RankingRow = {
  applicationId: string;
  reference: string;
  title: string;
  organisation: string;
  countries: string[];
  themes: string[];
  requestedAmount: number | null;
  reviewCount: number;
  assigned: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  stddev: number | null;
  calibrated: number | null;
  flagged: boolean;
  /** Place in the documented order among all eligible applications of the call (before filters). */
  position: number;
  criterionMeans: Record<string, number>;
};

/** The ranking statement (one page), as SQL. */
export function rankingSql(call: Pick<Call, 'id' | 'disagreementRange' | 'disagreementStddev'>, options: RankingOptions = {}) {
  const pageSize = options.pageSize ?? RANKING_PAGE_SIZE;
  const page = pageNumber(options.page);
  const sort = rankingSorts.includes(options.sort as RankingSort) ? options.sort! : 'mean';
  const direction = options.direction === 'asc' ? 'asc' : 'desc';
  const order = sql.raw(`${sortColumns[sort]} ${direction} nulls last, ${TIE_BREAKS}`);
  const filters: SQL[] = [sql`true`];
  if (options.country) filters.push(sql`${options.country} = any(countries)`);
  if (options.theme) filters.push(sql`${options.theme} = any(themes)`);
  if (options.flag === 'flagged') filters.push(sql`flagged`);
  if (options.flag === 'unflagged') filters.push(sql`not flagged`);
  if (options.applicationId) filters.push(sql`id = ${options.applicationId}`);
  return sql`
    with agg as (${aggregatesSql(call.id)}),
    assigned as (
      select ra.application_id, count(*)::int as assigned
      from review_assignments ra
      join applications a on a.id = ra.application_id
      where a.call_id = ${call.id} and ra.status <> 'conflict'
      group by ra.application_id
    ),
    ranked as (
      select a.id, a.reference, a.title, a.countries, a.themes, a.requested_amount, o.legal_name,
             coalesce(agg.review_count, 0) as review_count, coalesce(assigned.assigned, 0) as assigned,
             agg.mean, agg.median, agg.min, agg.max, agg.stddev, agg.calibrated,
             agg.max - agg.min as spread,
             (coalesce(agg.max - agg.min, 0) > ${call.disagreementRange}
               or coalesce(agg.stddev, 0) > ${call.disagreementStddev}) as flagged
      from applications a
      join organisations o on o.id = a.organisation_id
      left join agg on agg.application_id = a.id
      left join assigned on assigned.application_id = a.id
      where a.call_id = ${call.id} and a.status = 'submitted' and a.eligibility = 'eligible'
    ),
    positioned as (
      select ranked.*, row_number() over (order by ${sql.raw(TIE_BREAKS)}) as position from ranked
    )
    select id as "applicationId", reference, title, legal_name as organisation, countries, themes,
           requested_amount::float8 as "requestedAmount", review_count as "reviewCount", assigned,
           mean::float8 as mean, median::float8 as median, min::float8 as min, max::float8 as max,
           stddev::float8 as stddev, calibrated::float8 as calibrated, flagged, position::int as position,
           count(*) over ()::int as "totalRows"
    from positioned
    where ${sql.join(filters, sql` and `)}
    order by ${order}
    limit ${pageSize} offset ${(page - 1) * pageSize}`;
}

/** The ranking SQL alone (no access check), shared by the page and the benchmark. */
export async function rankingQuery(
  executor: Executor,
  call: Pick<Call, 'id' | 'disagreementRange' | 'disagreementStddev'>,
  options: RankingOptions = {},
): Promise<{ rows: RankingRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = options.pageSize ?? RANKING_PAGE_SIZE;
  const page = pageNumber(options.page);
  const result = await executor.execute(rankingSql(call, options));
  const rows = rowsOf<Omit<RankingRow, 'criterionMeans'> & { totalRows: number }>(result);
  const means = await criterionMeans(
    executor,
    rows.map((r) => r.applicationId),
  );
  return {
    rows: rows.map(({ totalRows: _total, ...r }) => ({ ...r, criterionMeans: means.get(r.applicationId) ?? {} })),
    total: rows[0]?.totalRows ?? 0,
    page,
    pageSize,
  };
}

/** Mean score per criterion (on the criterion's own scale) of each application's submitted reviews. */
async function criterionMeans(executor: Executor, applicationIds: string[]) {
  const out = new Map<string, Record<string, number>>();
  if (!applicationIds.length) return out;
  const result = await executor.execute(sql`
    select ra.application_id as "applicationId", s.criterion_id as "criterionId", avg(s.score)::float8 as mean
    from review_scores s
    join reviews r on r.id = s.review_id
    join review_assignments ra on ra.id = r.assignment_id
    where r.status = 'submitted' and ra.status = 'accepted'
      and ra.application_id in (${sql.join(applicationIds.map((id) => sql`${id}::uuid`), sql`, `)})
    group by ra.application_id, s.criterion_id`);
  for (const row of rowsOf<{ applicationId: string; criterionId: string; mean: number }>(result)) {
    out.set(row.applicationId, { ...(out.get(row.applicationId) ?? {}), [row.criterionId]: row.mean });
  }
  return out;
}

/** The calibrated value of every submitted review of a call, straight from SQL (the agreement test reads this). */
export async function calibratedReviews(executor: Executor, callId: string) {
  const result = await executor.execute(sql`
    select review_id as "reviewId", application_id as "applicationId", reviewer_id as "reviewerId",
           total::float8 as total, calibrated::float8 as calibrated
    from (${calibratedReviewsSql(callId)}) c`);
  return rowsOf<{ reviewId: string; applicationId: string; reviewerId: string; total: number; calibrated: number }>(result);
}
