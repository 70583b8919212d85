/**
 * A review's total: sum over criteria of weight x (score - min) / (max - min), from 0 to
 * 100 when the weights sum to 100. On the usual scales that start at 0 this is exactly
 * PRODUCT.md's `sum(weight_c * score_c / max_c)`; subtracting the minimum keeps a 1-5
 * scale from giving a free 20 points. The SQL in lib/data/ranking.ts computes the same.
 */
export type ScoredCriterion = { weight: number; scaleMin: number; scaleMax: number };

export function reviewTotal(criteria: ScoredCriterion[], scores: number[]): number {
  if (criteria.length !== scores.length) throw new Error('one score per criterion');
  let total = 0;
  criteria.forEach((c, i) => {
    total += (c.weight * (scores[i] - c.scaleMin)) / (c.scaleMax - c.scaleMin);
  });
  return total;
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Sample standard deviation (n - 1), as PostgreSQL's stddev_samp; null below two values. */
export function stddev(values: number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
