import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAssignments, type AssignmentProblem, type ExistingAssignment } from './assignment';

/** A random call: applications, reviewers, k, and existing assignments (many of them conflicts). */
const problemArb = (maxApps: number, maxReviewers: number, maxK: number) =>
  fc
    .record({
      apps: fc.integer({ min: 0, max: maxApps }),
      reviewers: fc.integer({ min: 0, max: maxReviewers }),
      k: fc.integer({ min: 1, max: maxK }),
    })
    .chain(({ apps, reviewers, k }) => {
      const applications = Array.from({ length: apps }, (_, i) => `a${i}`);
      const reviewerIds = Array.from({ length: reviewers }, (_, i) => `r${i}`);
      const pairs = applications.flatMap((a) => reviewerIds.map((r) => [a, r] as const));
      const status = fc.oneof(
        { weight: 5, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: fc.constant('conflict' as const) },
        { weight: 1, arbitrary: fc.constantFrom('pending' as const, 'accepted' as const) },
      );
      return fc.array(status, { minLength: pairs.length, maxLength: pairs.length }).map(
        (statuses): AssignmentProblem => ({
          applications,
          reviewers: reviewerIds,
          perApplication: k,
          existing: pairs.flatMap(([applicationId, reviewerId], i): ExistingAssignment[] =>
            statuses[i] ? [{ applicationId, reviewerId, status: statuses[i]! }] : [],
          ),
        }),
      );
    });

function finalState(problem: AssignmentProblem) {
  const plan = planAssignments(problem);
  const all = [...problem.existing.map((e) => ({ ...e })), ...plan.assignments.map((a) => ({ ...a, status: 'pending' as const }))];
  return { plan, all };
}

const sumOfSquares = (loads: Iterable<number>) => [...loads].reduce((s, l) => s + l * l, 0);

/** Every way to complete the problem (tiny instances only): the least possible sum of squared loads. */
function bruteForceBest(problem: AssignmentProblem): number {
  const base = new Map(problem.reviewers.map((r) => [r, 0]));
  const options: string[][][] = [];
  for (const a of problem.applications) {
    const mine = problem.existing.filter((e) => e.applicationId === a);
    for (const e of mine) if (e.status !== 'conflict' && base.has(e.reviewerId)) base.set(e.reviewerId, base.get(e.reviewerId)! + 1);
    const covered = mine.filter((e) => e.status !== 'conflict').length;
    const free = problem.reviewers.filter((r) => !mine.some((e) => e.reviewerId === r));
    const seats = Math.min(Math.max(0, problem.perApplication - covered), free.length);
    options.push(combinations(free, seats));
  }
  let best = Infinity;
  const walk = (i: number, loads: Map<string, number>) => {
    if (i === options.length) {
      best = Math.min(best, sumOfSquares(loads.values()));
      return;
    }
    for (const choice of options[i]) {
      for (const r of choice) loads.set(r, loads.get(r)! + 1);
      walk(i + 1, loads);
      for (const r of choice) loads.set(r, loads.get(r)! - 1);
    }
  };
  walk(0, base);
  return best;
}

function combinations<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, size - 1).map((c) => [first, ...c]), ...combinations(rest, size)];
}

describe('automatic assignment', () => {
  it('never assigns a known conflict or a reviewer twice, keeps existing assignments, and fills every application it can', () => {
    fc.assert(
      fc.property(problemArb(12, 8, 4), (problem) => {
        const { plan, all } = finalState(problem);
        // distinct (application, reviewer) pairs: no duplicates, no planned pair over an existing one (conflicts included)
        const keys = all.map((a) => `${a.applicationId}|${a.reviewerId}`);
        expect(new Set(keys).size).toBe(keys.length);
        // only known reviewers and applications
        for (const a of plan.assignments) {
          expect(problem.reviewers).toContain(a.reviewerId);
          expect(problem.applications).toContain(a.applicationId);
        }
        for (const app of problem.applications) {
          const mine = all.filter((a) => a.applicationId === app);
          const covered = mine.filter((a) => a.status !== 'conflict').length;
          const conflicts = mine.filter((a) => a.status === 'conflict').length;
          const existingCovered = problem.existing.filter((e) => e.applicationId === app && e.status !== 'conflict').length;
          const shortfall = plan.shortfalls.find((s) => s.applicationId === app);
          if (shortfall) {
            // it says exactly why: every reviewer is on it already or conflicted, and still fewer than k
            expect(covered).toBeLessThan(problem.perApplication);
            expect(shortfall).toEqual({ applicationId: app, needed: problem.perApplication, planned: covered, conflicts });
            const onIt = new Set(mine.map((a) => a.reviewerId));
            expect(problem.reviewers.every((r) => onIt.has(r))).toBe(true);
          } else {
            // k reviewers, or more when more were already assigned (existing ones are never removed)
            expect(covered).toBe(Math.max(problem.perApplication, existingCovered));
          }
        }
        // reported loads are the real loads
        for (const r of problem.reviewers) {
          expect(plan.loads.get(r)).toBe(all.filter((a) => a.reviewerId === r && a.status !== 'conflict').length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('from scratch and without conflicts, every application gets k reviewers and loads differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 5 }), (apps, reviewers, k) => {
        fc.pre(k <= reviewers);
        const problem: AssignmentProblem = {
          applications: Array.from({ length: apps }, (_, i) => `a${i}`),
          reviewers: Array.from({ length: reviewers }, (_, i) => `r${i}`),
          perApplication: k,
          existing: [],
        };
        const plan = planAssignments(problem);
        expect(plan.shortfalls).toEqual([]);
        expect(plan.assignments).toHaveLength(apps * k);
        const loads = [...plan.loads.values()];
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('with kept assignments and conflicts, the loads are as even as possible (checked against brute force)', () => {
    fc.assert(
      fc.property(problemArb(5, 4, 3), (problem) => {
        const { plan } = finalState(problem);
        expect(sumOfSquares(plan.loads.values())).toBe(bruteForceBest(problem));
      }),
      { numRuns: 300 },
    );
  });

  it('moves planned work along a chain when a later application can only go to the busy reviewer', () => {
    // a could go to r1 or r2, b only to r1: the greedy pass gives both to r1, balancing moves a to r2
    const plan = planAssignments({
      applications: ['a', 'b'],
      reviewers: ['r1', 'r2'],
      perApplication: 1,
      existing: [{ applicationId: 'b', reviewerId: 'r2', status: 'conflict' }],
    });
    expect(plan.assignments).toEqual([
      { applicationId: 'a', reviewerId: 'r2' },
      { applicationId: 'b', reviewerId: 'r1' },
    ]);
    expect(plan.shortfalls).toEqual([]);
  });

  it('says exactly why it cannot: too few reviewers, or conflicts', () => {
    const tooFew = planAssignments({ applications: ['a', 'b'], reviewers: ['r1', 'r2'], perApplication: 3, existing: [] });
    expect(tooFew.assignments).toHaveLength(4);
    expect(tooFew.shortfalls).toEqual([
      { applicationId: 'a', needed: 3, planned: 2, conflicts: 0 },
      { applicationId: 'b', needed: 3, planned: 2, conflicts: 0 },
    ]);
    const conflicted = planAssignments({
      applications: ['a'],
      reviewers: ['r1', 'r2', 'r3'],
      perApplication: 3,
      existing: [{ applicationId: 'a', reviewerId: 'r2', status: 'conflict' }],
    });
    expect(conflicted.assignments.map((a) => a.reviewerId)).toEqual(['r1', 'r3']);
    expect(conflicted.shortfalls).toEqual([{ applicationId: 'a', needed: 3, planned: 2, conflicts: 1 }]);
  });

  it('keeps what exists and gives new work to the least-loaded reviewers, deterministically', () => {
    const problem: AssignmentProblem = {
      applications: ['a', 'b', 'c'],
      reviewers: ['r1', 'r2', 'r3', 'r4'],
      perApplication: 2,
      existing: [
        { applicationId: 'a', reviewerId: 'r1', status: 'accepted' },
        { applicationId: 'a', reviewerId: 'r2', status: 'pending' },
        { applicationId: 'b', reviewerId: 'r1', status: 'accepted' },
      ],
    };
    const plan = planAssignments(problem);
    expect(plan.assignments).toEqual([
      { applicationId: 'b', reviewerId: 'r3' },
      { applicationId: 'c', reviewerId: 'r2' },
      { applicationId: 'c', reviewerId: 'r4' },
    ]);
    expect(Object.fromEntries(plan.loads)).toEqual({ r1: 2, r2: 2, r3: 1, r4: 1 });
    expect(planAssignments(problem)).toEqual(plan);
  });

  it('handles a large call quickly', () => {
    const started = performance.now();
    const plan = planAssignments({
      applications: Array.from({ length: 2000 }, (_, i) => `a${i}`),
      reviewers: Array.from({ length: 40 }, (_, i) => `r${i}`),
      perApplication: 3,
      existing: Array.from({ length: 200 }, (_, i) => ({ applicationId: `a${i}`, reviewerId: `r${i % 3}`, status: 'conflict' as const })),
    });
    expect(plan.assignments).toHaveLength(6000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
