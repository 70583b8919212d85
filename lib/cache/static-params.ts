/**
 * The one value each dynamic segment of a cached page lists in generateStaticParams. Cache
 * Components needs at least one; a real value would be prerendered at build time, when there
 * is no database. No locale, slug or id is ever "_", so it is always a 404, and every real
 * page renders on its first request and is cached from then on.
 */
export const placeholderParam = '_';

/** True for the build's placeholder (or an empty value): the page answers 404 before any query. */
export function isPlaceholder(...values: (string | undefined)[]): boolean {
  return values.some((v) => !v || v === placeholderParam);
}
