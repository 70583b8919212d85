import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/**
 * Each submitted review's total, 0-100: sum of weight x (score - min) / (max - min).
 * The same formula as lib/scoring/totals.ts, in SQL, so rankings never load reviews
 * into JavaScript.
 */
export const reviewTotalsSql = (callId: string) => sql`
  select r.id as review_id, ra.application_id, ra.reviewer_id,
         sum(c.weight * (s.score - c.scale_min)::numeric / (c.scale_max - c.scale_min)) as total
  from reviews r
  join review_assignments ra on ra.id = r.assignment_id
  join applications a on a.id = ra.application_id
  join review_scores s on s.review_id = r.id
  join criteria c on c.id = s.criterion_id
  where a.call_id = ${callId} and r.status = 'submitted' and ra.status = 'accepted'
  group by r.id, ra.application_id, ra.reviewer_id`;

export type ApplicationFigures = {
  applicationId: string;
  reviewCount: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  stddev: number | null;
};

/** Per application of a call: mean, median, min, max, sample standard deviation and count of review totals. */
export async function applicationFigures(executor: Executor, callId: string): Promise<ApplicationFigures[]> {
  const result = await executor.execute(sql`
    with totals as (${reviewTotalsSql(callId)})
    select a.id as "applicationId",
           count(t.review_id)::int as "reviewCount",
           avg(t.total)::float8 as mean,
           (percentile_cont(0.5) within group (order by t.total))::float8 as median,
           min(t.total)::float8 as min,
           max(t.total)::float8 as max,
           stddev_samp(t.total)::float8 as stddev
    from applications a
    left join totals t on t.application_id = a.id
    where a.call_id = ${callId} and a.status = 'submitted'
    group by a.id`);
  return rowsOf<ApplicationFigures>(result);
}
