/**
 * Automatic reviewer assignment, as pure code.
 *
 * Given a call's eligible applications, its reviewers, the number of reviewers each
 * application needs (k) and the assignments that already exist, it plans new assignments
 * so that:
 *
 * 1. every application has k non-conflicted reviewers, or, when that is impossible, as
 *    many as there are reviewers free to take it, and the plan says exactly which
 *    applications fall short and why (`shortfalls`);
 * 2. no reviewer is ever given an application they declared a conflict on, or one they
 *    already hold (existing assignments are kept, never moved or removed);
 * 3. loads (non-conflicted assignments per reviewer within these applications) are as
 *    even as the kept assignments and conflicts allow: no new assignment could be moved,
 *    directly or through a chain of moves, from a reviewer to one with a load at least two
 *    lower. Starting from no assignments and no conflicts, loads therefore differ by at
 *    most one; in general the plan minimises the sum of squared loads (and so the largest
 *    load). The property tests (assignment.test.ts) check this against brute force.
 *
 * Deterministic: the same input (in the same order) gives the same plan.
 */

export type ExistingAssignment = {
  applicationId: string;
  reviewerId: string;
  status: 'pending' | 'accepted' | 'conflict';
};

export type AssignmentProblem = {
  /** Eligible application ids, in a stable order (e.g. by reference). */
  applications: string[];
  /** Reviewer ids who may be given work, in a stable order. */
  reviewers: string[];
  /** Reviewers each application should have (calls.reviewersPerApplication). */
  perApplication: number;
  existing: ExistingAssignment[];
};

export type Shortfall = {
  applicationId: string;
  /** Reviewers it should have. */
  needed: number;
  /** Non-conflicted reviewers it will have after the plan. */
  planned: number;
  /** Reviewers who declared a conflict on it. */
  conflicts: number;
};

export type AssignmentPlan = {
  assignments: { applicationId: string; reviewerId: string }[];
  /** reviewerId -> non-conflicted assignments after the plan (within these applications). */
  loads: Map<string, number>;
  /** Applications that cannot reach k reviewers: every reviewer not yet on them is conflicted or already there. */
  shortfalls: Shortfall[];
};

export function planAssignments(problem: AssignmentProblem): AssignmentPlan {
  const reviewers = [...new Set(problem.reviewers)];
  const applications = [...new Set(problem.applications)];
  const k = Math.max(0, Math.floor(problem.perApplication));
  const appSet = new Set(applications);
  const order = new Map(reviewers.map((r, i) => [r, i]));

  const loads = new Map(reviewers.map((r) => [r, 0]));
  /** applicationId -> reviewers who hold it in any status (kept, conflicted or planned) */
  const taken = new Map(applications.map((a) => [a, new Set<string>()]));
  const covered = new Map(applications.map((a) => [a, 0]));
  const conflicts = new Map(applications.map((a) => [a, 0]));
  for (const e of problem.existing) {
    if (!appSet.has(e.applicationId)) continue;
    taken.get(e.applicationId)!.add(e.reviewerId);
    if (e.status === 'conflict') {
      conflicts.set(e.applicationId, conflicts.get(e.applicationId)! + 1);
      continue;
    }
    covered.set(e.applicationId, covered.get(e.applicationId)! + 1);
    if (loads.has(e.reviewerId)) loads.set(e.reviewerId, loads.get(e.reviewerId)! + 1);
  }

  /** reviewerId -> applications newly planned for them (only these may move). */
  const planned = new Map(reviewers.map((r) => [r, new Set<string>()]));
  const shortfalls: Shortfall[] = [];
  const lighter = (a: string, b: string) => loads.get(a)! - loads.get(b)! || order.get(a)! - order.get(b)!;

  // 1. Greedy: each missing seat goes to the least-loaded reviewer free to take it.
  for (const applicationId of applications) {
    const need = Math.max(0, k - covered.get(applicationId)!);
    if (!need) continue;
    const holders = taken.get(applicationId)!;
    const free = reviewers.filter((r) => !holders.has(r));
    const seats = Math.min(need, free.length);
    for (let i = 0; i < seats; i++) {
      const candidates = reviewers.filter((r) => !holders.has(r));
      candidates.sort(lighter);
      const chosen = candidates[0];
      holders.add(chosen);
      planned.get(chosen)!.add(applicationId);
      loads.set(chosen, loads.get(chosen)! + 1);
    }
    if (seats < need) {
      shortfalls.push({
        applicationId,
        needed: k,
        planned: covered.get(applicationId)! + seats,
        conflicts: conflicts.get(applicationId)!,
      });
    }
  }

  // 2. Balance: while some planned assignment can travel, through a chain of moves, from a
  //    reviewer to one whose load is at least two lower, move it (the sum of squared loads
  //    drops by at least 2 each time, so this ends).
  for (;;) {
    let improved = false;
    const minLoad = Math.min(...reviewers.map((r) => loads.get(r)!));
    const byLoad = [...reviewers].sort((a, b) => lighter(b, a));
    for (const heavy of byLoad) {
      if (loads.get(heavy)! < minLoad + 2) break;
      const path = reachableLighter(heavy, loads.get(heavy)! - 2, reviewers, planned, taken, loads);
      if (!path) continue;
      // Apply from the end back: each move hands an application to a reviewer who is not on it.
      for (const move of path.moves.reverse()) {
        planned.get(move.from)!.delete(move.applicationId);
        planned.get(move.to)!.add(move.applicationId);
        taken.get(move.applicationId)!.delete(move.from);
        taken.get(move.applicationId)!.add(move.to);
      }
      loads.set(heavy, loads.get(heavy)! - 1);
      loads.set(path.target, loads.get(path.target)! + 1);
      improved = true;
      break;
    }
    if (!improved) break;
  }

  const assignments: AssignmentPlan['assignments'] = [];
  for (const applicationId of applications) {
    for (const reviewerId of reviewers) {
      if (planned.get(reviewerId)!.has(applicationId)) assignments.push({ applicationId, reviewerId });
    }
  }
  return { assignments, loads, shortfalls };
}

type Move = { applicationId: string; from: string; to: string };

/**
 * Breadth-first search from `start` over moves of planned assignments: from reviewer X,
 * any application newly planned for X may move to a reviewer not already on it. Returns the
 * first reviewer reached whose load is at most `maxLoad`, and the chain of moves to them.
 */
function reachableLighter(
  start: string,
  maxLoad: number,
  reviewers: string[],
  planned: Map<string, Set<string>>,
  taken: Map<string, Set<string>>,
  loads: Map<string, number>,
): { target: string; moves: Move[] } | null {
  const parent = new Map<string, Move | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const x = queue.shift()!;
    for (const applicationId of planned.get(x)!) {
      const holders = taken.get(applicationId)!;
      for (const y of reviewers) {
        if (parent.has(y) || holders.has(y)) continue;
        parent.set(y, { applicationId, from: x, to: y });
        if (loads.get(y)! <= maxLoad) {
          const moves: Move[] = [];
          for (let node: string = y; parent.get(node); node = parent.get(node)!.from) moves.unshift(parent.get(node)!);
          return { target: y, moves };
        }
        queue.push(y);
      }
    }
  }
  return null;
}
