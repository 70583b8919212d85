import { solveLp } from './highs-thread';

/**
 * The suggested slate: the set of applications with the highest total score such that
 * the awards stay within the envelope, every implementation country is covered by at
 * least its minimum of selected projects (`minimums`, else `minPerCountry`), and no
 * organisation has more than one project.
 * A 0-1 integer programme, solved exactly by HiGHS (a maintained MIP solver, compiled to
 * WebAssembly), then explained: for each application, in, or out and what binds.
 */

export type SlateCandidate = {
  id: string;
  /** How the explanation names it, e.g. its reference. */
  label: string;
  organisationId: string;
  /** Raw or calibrated mean, 0-100; null when it has no submitted review. */
  score: number | null;
  /** What it would be awarded (its requested amount). */
  amount: number;
  countries: string[];
};

export type SlateProblem = {
  candidates: SlateCandidate[];
  /** Null: no budget limit. */
  envelope: number | null;
  countries: string[];
  minPerCountry: number;
  /** Per-country minimums; a country not listed takes `minPerCountry`. */
  minimums?: Record<string, number>;
};

/** The coverage a country needs in this problem. */
export function minimumFor(problem: SlateProblem, country: string): number {
  return problem.minimums?.[country] ?? problem.minPerCountry;
}

export type SlateReason =
  | { kind: 'selected'; covers: string[]; neededFor: string[] }
  | { kind: 'unscored' }
  | { kind: 'sameOrganisation'; other: string }
  | { kind: 'overBudget'; amount: number; remaining: number; loss: number; displaced: string[] }
  | { kind: 'cannotFit'; amount: number; envelope: number }
  /** Taking it leaves no selection that covers every country within the envelope. */
  | { kind: 'breaksCoverage' }
  | { kind: 'lowerValue'; loss: number; displaced: string[] };

export type InfeasibleReason =
  | { kind: 'coverage'; country: string; available: number; needed: number }
  /** `relax`: the countries whose minimum, lowered, lets the envelope pay for the rest. */
  | { kind: 'budget'; envelope: number; relax: string[] };

export type SlateResult =
  | {
      status: 'optimal';
      selected: string[];
      totalScore: number;
      totalAmount: number;
      reasons: Record<string, SlateReason>;
    }
  | { status: 'infeasible'; reasons: InfeasibleReason[] };


const EPS = 1e-6;
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(6));

type Model = { candidates: SlateCandidate[]; forced?: number };

function lpText(problem: SlateProblem, model: Model): string {
  const { candidates, forced } = model;
  const x = (i: number) => `x${i}`;
  const objective = candidates.map((c, i) => `${fmt(c.score ?? 0)} ${x(i)}`).join(' + ') || '0 x0';
  const rows: string[] = [];
  if (problem.envelope !== null) {
    rows.push(` budget: ${candidates.map((c, i) => `${fmt(c.amount)} ${x(i)}`).join(' + ')} <= ${fmt(problem.envelope)}`);
  }
  problem.countries.forEach((country, k) => {
    const needed = minimumFor(problem, country);
    if (needed <= 0) return;
    const covering = candidates.flatMap((c, i) => (c.countries.includes(country) ? [x(i)] : []));
    // A country no candidate covers: 0 >= N, infeasible by construction (reported separately).
    rows.push(` cover${k}: ${covering.length ? covering.join(' + ') : '0 x0'} >= ${needed}`);
  });
  const byOrg = new Map<string, number[]>();
  candidates.forEach((c, i) => byOrg.set(c.organisationId, [...(byOrg.get(c.organisationId) ?? []), i]));
  let k = 0;
  for (const members of byOrg.values()) {
    if (members.length > 1) rows.push(` org${k++}: ${members.map(x).join(' + ')} <= 1`);
  }
  if (forced !== undefined) rows.push(` forced: ${x(forced)} = 1`);
  if (!rows.length) rows.push(` trivial: ${x(0)} >= 0`);
  return `Maximize\n obj: ${objective}\nSubject To\n${rows.join('\n')}\nBinary\n ${candidates.map((_, i) => x(i)).join(' ')}\nEnd\n`;
}

async function solve(problem: SlateProblem, model: Model): Promise<{ selected: number[]; objective: number } | null> {
  if (!model.candidates.length) return { selected: [], objective: 0 };
  const solution = await solveLp(lpText(problem, model));
  if (solution.status !== 'Optimal') return null;
  const selected = model.candidates.flatMap((_, i) => ((solution.primal[`x${i}`] ?? 0) > 0.5 ? [i] : []));
  return { selected, objective: selected.reduce((sum, i) => sum + (model.candidates[i].score ?? 0), 0) };
}

/** How many organisations could count towards each country (at most one project each). */
function organisationsPerCountry(problem: SlateProblem, candidates: SlateCandidate[]) {
  return new Map(
    problem.countries.map((country) => [country, new Set(candidates.filter((c) => c.countries.includes(country)).map((c) => c.organisationId)).size]),
  );
}

async function infeasibility(problem: SlateProblem, candidates: SlateCandidate[]): Promise<InfeasibleReason[]> {
  const reasons: InfeasibleReason[] = [];
  for (const [country, available] of organisationsPerCountry(problem, candidates)) {
    const needed = minimumFor(problem, country);
    if (available < needed) reasons.push({ kind: 'coverage', country, available, needed });
  }
  if (!reasons.length && problem.envelope !== null) {
    const feasible = await feasibleMinimums(problem);
    const relax = problem.countries.filter((country) => (feasible[country] ?? 0) < minimumFor(problem, country));
    reasons.push({ kind: 'budget', envelope: problem.envelope, relax });
  }
  return reasons;
}

/**
 * Minimums that can be met, starting from those asked for: a country never needs more
 * projects than organisations with a scored application there (none: 0), and while the
 * envelope cannot pay for the coverage, the minimum of the country dearest to cover is
 * lowered, one project at a time. The optimiser's defaults, and what an infeasible setting
 * names as the constraint to relax.
 */
export async function feasibleMinimums(problem: SlateProblem): Promise<Record<string, number>> {
  const scored = problem.candidates.filter((c) => c.score !== null);
  const available = organisationsPerCountry(problem, scored);
  const minimums = Object.fromEntries(problem.countries.map((country) => [country, Math.min(minimumFor(problem, country), available.get(country) ?? 0)]));
  // The cheapest way to cover a country once: what it costs to keep its minimum.
  const cheapest = (country: string) => Math.min(...scored.filter((c) => c.countries.includes(country)).map((c) => c.amount));
  for (;;) {
    if (await solve({ ...problem, minimums }, { candidates: scored })) return minimums;
    const binding = problem.countries.filter((country) => minimums[country] > 0);
    if (!binding.length) return minimums;
    const dearest = binding.reduce((a, b) => (cheapest(b) > cheapest(a) ? b : a));
    minimums[dearest] -= 1;
  }
}

export async function suggestSlate(problem: SlateProblem): Promise<SlateResult> {
  const scored = problem.candidates.filter((c) => c.score !== null);
  const best = await solve(problem, { candidates: scored });
  if (!best) return { status: 'infeasible', reasons: await infeasibility(problem, scored) };

  const chosen = new Set(best.selected.map((i) => scored[i].id));
  const totalAmount = best.selected.reduce((sum, i) => sum + scored[i].amount, 0);
  const reasons: Record<string, SlateReason> = {};
  for (const c of problem.candidates) if (c.score === null) reasons[c.id] = { kind: 'unscored' };

  for (const [i, c] of scored.entries()) {
    if (chosen.has(c.id)) {
      const covers = problem.countries.filter((country) => c.countries.includes(country));
      const neededFor = covers.filter(
        (country) => minimumFor(problem, country) > 0 && best.selected.filter((j) => scored[j].countries.includes(country)).length <= minimumFor(problem, country),
      );
      reasons[c.id] = { kind: 'selected', covers, neededFor };
      continue;
    }
    const mate = best.selected.find((j) => scored[j].organisationId === c.organisationId);
    if (mate !== undefined) {
      reasons[c.id] = { kind: 'sameOrganisation', other: scored[mate].label };
      continue;
    }
    if (problem.envelope !== null && c.amount > problem.envelope) {
      reasons[c.id] = { kind: 'cannotFit', amount: c.amount, envelope: problem.envelope };
      continue;
    }
    // What taking it would cost: solve again with it forced in.
    const forced = await solve(problem, { candidates: scored, forced: i });
    if (!forced) {
      reasons[c.id] = { kind: 'breaksCoverage' };
      continue;
    }
    const loss = Math.max(0, best.objective - forced.objective);
    const displaced = best.selected.filter((j) => !forced.selected.includes(j)).map((j) => scored[j].label);
    const remaining = problem.envelope === null ? Number.POSITIVE_INFINITY : problem.envelope - totalAmount;
    reasons[c.id] =
      c.amount > remaining + EPS
        ? { kind: 'overBudget', amount: c.amount, remaining, loss, displaced }
        : { kind: 'lowerValue', loss, displaced };
  }
  return {
    status: 'optimal',
    selected: scored.filter((c) => chosen.has(c.id)).map((c) => c.id),
    totalScore: best.objective,
    totalAmount,
    reasons,
  };
}
