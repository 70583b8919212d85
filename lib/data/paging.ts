/** The largest page number asked for: beyond it the offset is meaningless (and `1e400` is Infinity). */
const MAX_PAGE = 100_000;

/** A page number from anything a URL may hold (`?page=1e400`, `-3`, `2.5`, `abc`): a whole number from 1 to 100,000. */
export function pageNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return n === Infinity ? MAX_PAGE : 1;
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(n)));
}
