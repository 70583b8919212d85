/** Small statistics for the benchmark: no timing here is ever a pass/fail test. */

/** The q-quantile (0..1) of the values, linear between the two nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Median and range of a figure measured once per round. */
export type Spread = { median: number; min: number; max: number; n: number };

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return { median: NaN, min: NaN, max: NaN, n: 0 };
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "0.42 (0.40–0.47)" */
export function formatSpread(s: Spread, digits = 2, unit = ''): string {
  if (!s.n) return 'n/a';
  const f = (v: number) => `${v.toFixed(digits)}${unit}`;
  return s.n === 1 ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

export const KiB = 1024;
