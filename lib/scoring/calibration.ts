/**
 * The calibrated score (PRODUCT.md, "Scoring and ranking"): reviewers differ in how harsh
 * or generous they are and in how widely they spread their marks. Each review total is
 * re-expressed on the call's common scale, trusting the re-expression more as the reviewer
 * has more reviews in the call.
 *
 * For a submitted review with total x (0-100) by reviewer r in a call:
 *
 *   M, S       mean and sample standard deviation of every submitted review total in the call
 *   m_r, s_r   mean and sample standard deviation of reviewer r's submitted totals in the call
 *   n_r        number of reviewer r's submitted reviews in the call
 *
 *   z          = (x - m_r) / s_r                 (0 when s_r = 0: the reviewer gave everyone the same total)
 *   standard   = M + S * z                       (the review on the call's common scale)
 *   w_r        = n_r / (n_r + K), K = 3          (shrinkage: 2 reviews -> 0.4, 3 -> 0.5, 9 -> 0.75, 27 -> 0.9)
 *   calibrated = clamp(w_r * standard + (1 - w_r) * x, 0, 100)
 *
 * and calibrated = x when n_r < 2 or the call has fewer than two submitted reviews (there
 * is no spread to standardise against). An application's calibrated score is the mean of
 * its reviews' calibrated values. It is always shown beside the raw mean, never instead.
 *
 * The SQL in lib/data/ranking.ts (calibratedReviewsSql) computes exactly this; a test
 * checks that the two agree.
 */
import { mean, stddev } from './totals';

export const CALIBRATION_PRIOR = 3;

export type SubmittedTotal = { reviewId: string; applicationId: string; reviewerId: string; total: number };

export type Calibration = {
  /** reviewId -> calibrated total */
  reviews: Map<string, number>;
  /** applicationId -> mean of its reviews' calibrated totals */
  applications: Map<string, number>;
};

const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** The calibrated value of one review total, given the figures of its reviewer and call. */
export function calibrateTotal(
  x: number,
  reviewer: { n: number; mean: number; sd: number | null },
  call: { mean: number | null; sd: number | null },
  prior: number = CALIBRATION_PRIOR,
): number {
  if (reviewer.n < 2 || call.mean === null || call.sd === null) return x;
  const z = reviewer.sd && reviewer.sd > 0 ? (x - reviewer.mean) / reviewer.sd : 0;
  const standard = call.mean + call.sd * z;
  const w = reviewer.n / (reviewer.n + prior);
  return clamp(w * standard + (1 - w) * x);
}

/** Calibrates every submitted review total of one call. */
export function calibrate(totals: SubmittedTotal[], prior: number = CALIBRATION_PRIOR): Calibration {
  const all = totals.map((t) => t.total);
  const call = { mean: mean(all), sd: stddev(all) };
  const byReviewer = new Map<string, number[]>();
  for (const t of totals) byReviewer.set(t.reviewerId, [...(byReviewer.get(t.reviewerId) ?? []), t.total]);
  const reviewerFigures = new Map(
    [...byReviewer].map(([id, values]) => [id, { n: values.length, mean: mean(values)!, sd: stddev(values) }]),
  );

  const reviews = new Map<string, number>();
  const perApplication = new Map<string, number[]>();
  for (const t of totals) {
    const value = calibrateTotal(t.total, reviewerFigures.get(t.reviewerId)!, call, prior);
    reviews.set(t.reviewId, value);
    perApplication.set(t.applicationId, [...(perApplication.get(t.applicationId) ?? []), value]);
  }
  const applications = new Map([...perApplication].map(([id, values]) => [id, mean(values)!]));
  return { reviews, applications };
}
