import { describe, expect, it } from 'vitest';
import { feasibleMinimums, suggestSlate, type SlateCandidate } from './slate';

const c = (id: string, score: number | null, amount: number, countries: string[], organisationId = `org-${id}`): SlateCandidate => ({
  id,
  label: id,
  organisationId,
  score,
  amount,
  countries,
});

describe('the suggested slate', () => {
  it('takes everything when nothing binds', async () => {
    const result = await suggestSlate({
      candidates: [c('A', 80, 10, ['LB']), c('B', 70, 10, ['TN'])],
      envelope: 100,
      countries: ['LB', 'TN'],
      minPerCountry: 1,
    });
    expect(result).toMatchObject({ status: 'optimal', selected: ['A', 'B'], totalScore: 150, totalAmount: 20 });
  });

  it('budget binding: two cheaper projects beat the single best one (solved by hand: B + C = 130 > A = 90)', async () => {
    const result = await suggestSlate({
      candidates: [c('A', 90, 100, ['LB']), c('B', 70, 50, ['LB']), c('C', 60, 50, ['LB'])],
      envelope: 100,
      countries: ['LB'],
      minPerCountry: 0,
    });
    if (result.status !== 'optimal') throw new Error('expected a solution');
    expect(result.selected).toEqual(['B', 'C']);
    expect(result.totalScore).toBe(130);
    expect(result.totalAmount).toBe(100);
    // A is out because of the budget: taking it would drop B and C and lose 40 points.
    expect(result.reasons.A).toEqual({ kind: 'overBudget', amount: 100, remaining: 0, loss: 40, displaced: ['B', 'C'] });
  });

  it('coverage binding: a lower score is taken to cover Zimbabwe (by hand: A + Z = 130; A + B = 150 leaves ZW uncovered)', async () => {
    const result = await suggestSlate({
      candidates: [c('A', 80, 50, ['LB']), c('B', 70, 50, ['TN']), c('Z', 50, 50, ['ZW'])],
      envelope: 100,
      countries: ['LB', 'ZW'],
      minPerCountry: 1,
    });
    if (result.status !== 'optimal') throw new Error('expected a solution');
    expect(result.selected).toEqual(['A', 'Z']);
    expect(result.totalScore).toBe(130);
    expect(result.reasons.Z).toEqual({ kind: 'selected', covers: ['ZW'], neededFor: ['ZW'] });
    // Taking B (Tunisia) would need A and Z too for coverage: 150 over an envelope of 100.
    expect(result.reasons.B).toEqual({ kind: 'breaksCoverage' });
  });

  it('out for value: taking it would cost more than it brings (by hand: forcing C in drops B, losing 10)', async () => {
    const result = await suggestSlate({
      candidates: [c('A', 80, 50, ['LB']), c('B', 70, 50, ['LB']), c('C', 60, 50, ['LB'])],
      envelope: 100,
      countries: ['LB'],
      minPerCountry: 1,
    });
    if (result.status !== 'optimal') throw new Error('expected a solution');
    expect(result.selected).toEqual(['A', 'B']);
    expect(result.reasons.C).toEqual({ kind: 'overBudget', amount: 50, remaining: 0, loss: 10, displaced: ['B'] });
  });

  it('one application per organisation', async () => {
    const result = await suggestSlate({
      candidates: [c('A1', 90, 10, ['LB'], 'org-a'), c('A2', 85, 10, ['TN'], 'org-a'), c('B', 40, 10, ['TN'])],
      envelope: 1000,
      countries: ['LB', 'TN'],
      minPerCountry: 1,
    });
    if (result.status !== 'optimal') throw new Error('expected a solution');
    expect(result.selected).toEqual(['A1', 'B']);
    expect(result.reasons.A2).toEqual({ kind: 'sameOrganisation', other: 'A1' });
  });

  it('infeasible: says which country cannot be covered often enough', async () => {
    const result = await suggestSlate({
      candidates: [c('A', 80, 10, ['LB']), c('B', 70, 10, ['LB'], 'org-a'), c('C', 60, 10, ['TN'])],
      envelope: 100,
      countries: ['LB', 'TN'],
      minPerCountry: 2,
    });
    expect(result).toEqual({ status: 'infeasible', reasons: [{ kind: 'coverage', country: 'TN', available: 1, needed: 2 }] });
  });

  it('infeasible: the envelope cannot pay for the coverage', async () => {
    const result = await suggestSlate({
      candidates: [c('A', 80, 60, ['LB']), c('B', 70, 60, ['TN'])],
      envelope: 100,
      countries: ['LB', 'TN'],
      minPerCountry: 1,
    });
    // Either country's minimum, lowered, lets the envelope pay: the dearer one is named (a tie: the first).
    expect(result).toEqual({ status: 'infeasible', reasons: [{ kind: 'budget', envelope: 100, relax: ['LB'] }] });
  });

  it('applications without reviews are left out and say so; one bigger than the envelope cannot fit', async () => {
    const result = await suggestSlate({
      candidates: [c('A', 80, 10, ['LB']), c('U', null, 10, ['LB']), c('X', 99, 500, ['LB'])],
      envelope: 100,
      countries: ['LB'],
      minPerCountry: 1,
    });
    if (result.status !== 'optimal') throw new Error('expected a solution');
    expect(result.selected).toEqual(['A']);
    expect(result.reasons.U).toEqual({ kind: 'unscored' });
    expect(result.reasons.X).toEqual({ kind: 'cannotFit', amount: 500, envelope: 100 });
  });

  it('is exact on a harder knapsack than greedy gets right (by hand: B + C + D = 155 within 100)', async () => {
    // Greedy by score takes A (60, cost 60) then D (45, 30) = 105; best is B + C + D.
    const result = await suggestSlate({
      candidates: [c('A', 60, 60, ['LB']), c('B', 55, 35, ['LB']), c('C', 55, 35, ['LB']), c('D', 45, 30, ['LB'])],
      envelope: 100,
      countries: ['LB'],
      minPerCountry: 0,
    });
    if (result.status !== 'optimal') throw new Error('expected a solution');
    expect(result.selected.sort()).toEqual(['B', 'C', 'D']);
    expect(result.totalScore).toBe(155);
  });
});

describe("the optimiser's defaults", () => {
  const problem = (candidates: SlateCandidate[], envelope: number | null, countries: string[], minPerCountry = 1) => ({ candidates, envelope, countries, minPerCountry });

  it('asks for a project only in countries with a scored application (by hand: no one applied for YE, U is unscored in SY)', async () => {
    const p = problem([c('A', 80, 10, ['LB']), c('B', 70, 10, ['TN']), c('U', null, 10, ['SY'])], 100, ['LB', 'SY', 'TN', 'YE']);
    const minimums = await feasibleMinimums(p);
    expect(minimums).toEqual({ LB: 1, SY: 0, TN: 1, YE: 0 });
    // The defaults are feasible: the first answer is a slate, not an error.
    expect(await suggestSlate({ ...p, minimums })).toMatchObject({ status: 'optimal', selected: ['A', 'B'] });
    // The old uniform default was not.
    expect((await suggestSlate(p)).status).toBe('infeasible');
  });

  it('never asks a country for more projects than organisations there (by hand: LB has two organisations, TN one)', async () => {
    const p = problem([c('A', 80, 10, ['LB']), c('A2', 75, 10, ['LB'], 'org-A'), c('B', 70, 10, ['LB']), c('C', 60, 10, ['TN'])], null, ['LB', 'TN'], 3);
    expect(await feasibleMinimums(p)).toEqual({ LB: 2, TN: 1 });
  });

  it('caps coverage by the envelope, dropping the country dearest to cover (by hand: 100 pays for LB 40 + TN 50, not ZW 70 too)', async () => {
    const p = problem([c('A', 80, 40, ['LB']), c('B', 70, 50, ['TN']), c('Z', 60, 70, ['ZW'])], 100, ['LB', 'TN', 'ZW']);
    const minimums = await feasibleMinimums(p);
    expect(minimums).toEqual({ LB: 1, TN: 1, ZW: 0 });
    expect(await suggestSlate({ ...p, minimums })).toMatchObject({ status: 'optimal', selected: ['A', 'B'], totalAmount: 90 });
    // Asked for all three, the answer names the constraint to relax.
    expect(await suggestSlate(p)).toEqual({ status: 'infeasible', reasons: [{ kind: 'budget', envelope: 100, relax: ['ZW'] }] });
  });

  it('a project covering two countries keeps both (by hand: AB covers LB and TN for 60 within 70)', async () => {
    const p = problem([c('AB', 80, 60, ['LB', 'TN']), c('B', 90, 60, ['TN'])], 70, ['LB', 'TN']);
    expect(await feasibleMinimums(p)).toEqual({ LB: 1, TN: 1 });
  });

  it('per-country minimums override the uniform one, and a zero needs nothing', async () => {
    const p = { ...problem([c('A', 80, 10, ['LB']), c('B', 70, 10, ['LB']), c('C', 10, 10, ['TN'])], 20, ['LB', 'TN'], 1), minimums: { TN: 0 } };
    expect(await suggestSlate(p)).toMatchObject({ status: 'optimal', selected: ['A', 'B'] });
  });
});
