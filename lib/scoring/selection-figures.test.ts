import { describe, expect, it } from 'vitest';
import { selectionFigures, type SelectionFiguresRow } from './selection-figures';

const row = (applicationId: string, organisationId: string, countries: string[], themes: string[] = []): SelectionFiguresRow => ({
  applicationId,
  organisationId,
  organisation: `Org ${organisationId}`,
  countries,
  themes,
});

const rows = [row('a', 'o1', ['MA', 'TN'], ['water']), row('b', 'o2', ['TN'], ['health', 'water']), row('c', 'o1', ['DZ'], ['health']), row('d', 'o3', ['MA'])];

describe('selection figures', () => {
  it('nothing selected: nothing awarded, every country uncovered', () => {
    const f = selectionFigures({ rows, choices: {}, countries: ['MA', 'TN'], themes: ['water'], envelope: 1000 });
    expect(f.selected).toEqual([]);
    expect(f.awarded).toBe(0);
    expect(f.perCountry).toEqual([
      { code: 'MA', n: 0 },
      { code: 'TN', n: 0 },
    ]);
    expect(f.perTheme).toEqual([{ code: 'water', n: 0 }]);
    expect(f.warnings).toEqual([
      { kind: 'uncovered', country: 'MA' },
      { kind: 'uncovered', country: 'TN' },
    ]);
  });

  it('sums only the selected awards, counting coverage per country and theme (hand-computed)', () => {
    const f = selectionFigures({
      rows,
      choices: {
        a: { outcome: 'selected', awardedAmount: '400' },
        b: { outcome: 'selected', awardedAmount: 250 },
        c: { outcome: 'reserve', awardedAmount: '999' },
        d: { outcome: 'not_selected', awardedAmount: '' },
      },
      countries: ['MA', 'TN', 'DZ'],
      themes: ['water', 'health'],
      envelope: 1000,
    });
    expect(f.selected).toEqual(['a', 'b']);
    expect(f.awarded).toBe(650);
    expect(f.perCountry).toEqual([
      { code: 'MA', n: 1 },
      { code: 'TN', n: 2 },
      { code: 'DZ', n: 0 },
    ]);
    expect(f.perTheme).toEqual([
      { code: 'water', n: 2 },
      { code: 'health', n: 1 },
    ]);
    expect(f.warnings).toEqual([{ kind: 'uncovered', country: 'DZ' }]);
  });

  it('an empty or unreadable amount counts as nothing awarded', () => {
    const f = selectionFigures({
      rows,
      choices: { a: { outcome: 'selected', awardedAmount: '' }, b: { outcome: 'selected', awardedAmount: 'abc' }, d: { outcome: 'selected', awardedAmount: null } },
      countries: [],
      themes: [],
      envelope: 0,
    });
    expect(f.selected).toEqual(['a', 'b', 'd']);
    expect(f.awarded).toBe(0);
    expect(f.warnings).toEqual([]);
  });

  it('warns over the envelope by the excess, first; never without an envelope; not at exactly the envelope', () => {
    const choices = { a: { outcome: 'selected', awardedAmount: '700' }, d: { outcome: 'selected', awardedAmount: '500' } };
    const over = selectionFigures({ rows, choices, countries: ['MA', 'TN'], themes: [], envelope: 1000 });
    expect(over.warnings).toEqual([{ kind: 'overBudget', amount: 200 }]);
    expect(selectionFigures({ rows, choices, countries: [], themes: [], envelope: null }).warnings).toEqual([]);
    expect(selectionFigures({ rows, choices, countries: [], themes: [], envelope: 1200 }).warnings).toEqual([]);
  });

  it('warns once per organisation selected more than once, with its count, after the budget and coverage', () => {
    const f = selectionFigures({
      rows: [...rows, row('e', 'o1', ['TN'])],
      choices: {
        a: { outcome: 'selected', awardedAmount: '600' },
        c: { outcome: 'selected', awardedAmount: '600' },
        e: { outcome: 'selected', awardedAmount: '1' },
        d: { outcome: 'selected', awardedAmount: '1' },
      },
      countries: ['MA', 'LY'],
      themes: [],
      envelope: 1000,
    });
    expect(f.awarded).toBe(1202);
    expect(f.warnings).toEqual([
      { kind: 'overBudget', amount: 202 },
      { kind: 'uncovered', country: 'LY' },
      { kind: 'sameOrganisation', organisation: 'Org o1', count: 3 },
    ]);
  });
});
