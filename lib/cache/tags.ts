/**
 * Tags of the cached public data. A change that alters what a public page shows expires
 * the tags it touches (ctx.invalidate in lib/actions/action.ts), on every instance.
 */
export const cacheTags = {
  /** The home page's lists of calls. */
  callList: 'calls',
  /** One call's public page (details, criteria, documents, FAQ). */
  call: (slug: string) => `call:${slug}`,
  /** One call's published results (page, results.json, results.csv). */
  results: (slug: string) => `results:${slug}`,
  /** The register of partners across calls. */
  partners: 'partners',
  /** One call's public impact (page, impact.json, impact.csv, the programme report): expired when a report is accepted. */
  impact: (slug: string) => `impact:${slug}`,
} as const;
