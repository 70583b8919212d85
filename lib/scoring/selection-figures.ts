/**
 * The selection board's live figures for the admin's current (unsaved) choices: what is
 * awarded against the envelope, how many selected applications cover each country and
 * theme, and what to warn about. Pure: the board renders and translates the result.
 */

export type SelectionFiguresRow = {
  applicationId: string;
  organisationId: string;
  organisation: string;
  countries: readonly string[];
  themes: readonly string[];
};

/** The admin's choice for one application, as the board's inputs hold it (amount as typed). */
export type SelectionChoice = { outcome: string; awardedAmount: string | number | null };

export type SelectionWarning =
  | { kind: 'overBudget'; amount: number }
  | { kind: 'uncovered'; country: string }
  | { kind: 'sameOrganisation'; organisation: string; count: number };

export type SelectionFigures = {
  /** The selected applications' ids, in the rows' order. */
  selected: string[];
  /** The sum of the selected awards (an empty or unreadable amount counts as 0). */
  awarded: number;
  perCountry: { code: string; n: number }[];
  perTheme: { code: string; n: number }[];
  /** Over the envelope first, then each country no selected application covers, then organisations selected more than once. */
  warnings: SelectionWarning[];
};

export function selectionFigures({
  rows,
  choices,
  countries,
  themes,
  envelope,
}: {
  rows: readonly SelectionFiguresRow[];
  choices: Readonly<Record<string, SelectionChoice | undefined>>;
  countries: readonly string[];
  themes: readonly string[];
  envelope: number | null;
}): SelectionFigures {
  const selected = rows.filter((r) => choices[r.applicationId]?.outcome === 'selected');
  const awarded = selected.reduce((sum, r) => sum + (Number(choices[r.applicationId]!.awardedAmount) || 0), 0);
  const perCountry = countries.map((code) => ({ code, n: selected.filter((r) => r.countries.includes(code)).length }));
  const perTheme = themes.map((code) => ({ code, n: selected.filter((r) => r.themes.includes(code)).length }));
  const organisations = new Map<string, { organisation: string; count: number }>();
  for (const r of selected) organisations.set(r.organisationId, { organisation: r.organisation, count: (organisations.get(r.organisationId)?.count ?? 0) + 1 });
  const warnings: SelectionWarning[] = [
    ...(envelope !== null && awarded > envelope ? [{ kind: 'overBudget' as const, amount: awarded - envelope }] : []),
    ...perCountry.filter((c) => c.n === 0).map((c) => ({ kind: 'uncovered' as const, country: c.code })),
    ...[...organisations.values()].filter((o) => o.count > 1).map((o) => ({ kind: 'sameOrganisation' as const, ...o })),
  ];
  return { selected: selected.map((r) => r.applicationId), awarded, perCountry, perTheme, warnings };
}
