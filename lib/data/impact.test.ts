import { describe, expect, it } from 'vitest';
import { callWithReports } from '@/lib/test/impact-factory';
import { getCallImpact, impactCsv, impactCsvHeader, impactJson } from './impact';

/**
 * A hand-computed fixture. Periods are inserted final first, so "over time" must order them
 * by their end, not by insertion. Alpha: two accepted reports (180 + 75); Beta: one
 * accepted (320) and a draft (9,999, never counted); Gamma: one submitted (5,000) and one
 * sent back for changes (7,000), neither counted.
 */
async function fixture() {
  return callWithReports({
    periods: [
      { label: 'Final report', periodStart: '2026-04-01', periodEnd: '2026-06-30', final: true, position: 1 },
      { label: 'Interim report', periodStart: '2026-01-01', periodEnd: '2026-03-31', position: 0 },
    ],
    partners: [
      {
        name: 'Alpha',
        reports: [
          {
            period: 1,
            status: 'accepted',
            reach: [
              ['LB', 'female', '18-24', 'refugees', 100],
              ['LB', 'male', '25-59', 'host_community', 50],
              ['TN', 'female', '0-17', 'migrants', 30],
            ],
          },
          {
            period: 0,
            status: 'accepted',
            reach: [
              // The same young women, perhaps, reached again: counted again, once per report.
              ['LB', 'female', '18-24', 'refugees', 70],
              ['LB', 'other', '60+', 'host_community', 5],
            ],
          },
        ],
      },
      {
        name: 'Beta',
        illustrative: 'Invented for the test.',
        reports: [
          {
            period: 1,
            status: 'accepted',
            reach: [
              ['ZW', 'male', '0-17', 'internally_displaced', 200],
              ['ZW', 'female', '0-17', 'host_community', 120],
            ],
          },
          { period: 0, status: 'draft', reach: [['ZW', 'female', '25-59', 'host_community', 9_999]] },
        ],
      },
      {
        name: 'Gamma',
        reports: [
          { period: 1, status: 'submitted', reach: [['LB', 'male', '18-24', 'refugees', 5_000]] },
          { period: 0, status: 'changes_requested', reach: [['LB', 'male', '18-24', 'refugees', 7_000]] },
        ],
      },
    ],
  });
}

describe('a call’s impact', () => {
  it('[visitor] sums accepted reports only, by country, partner, group, sex and age, and over time', async () => {
    const { call, partners } = await fixture();
    // Another published call's accepted report never leaks into this one.
    await callWithReports({
      periods: [{ label: 'Interim report', periodStart: '2026-01-01', periodEnd: '2026-03-31' }],
      partners: [{ name: 'Other', reports: [{ period: 0, status: 'accepted', reach: [['LB', 'female', '18-24', 'refugees', 1_000]] }] }],
    });
    const impact = (await getCallImpact(call.slug))!;
    expect(impact.peopleReached).toBe(575);
    expect(impact.reports).toBe(3);
    expect(impact.byCountry).toEqual([
      { country: 'ZW', people: 320 },
      { country: 'LB', people: 225 },
      { country: 'TN', people: 30 },
    ]);
    expect(impact.byPartner.map((p) => [p.organisation.name, p.people, p.reports])).toEqual([
      [partners[1].organisation.legalName, 320, 1],
      [partners[0].organisation.legalName, 255, 2],
    ]);
    expect(impact.byPopulationGroup).toEqual([
      { populationGroup: 'host_community', people: 175 },
      { populationGroup: 'migrants', people: 30 },
      { populationGroup: 'refugees', people: 170 },
      { populationGroup: 'internally_displaced', people: 200 },
    ]);
    expect(impact.bySex).toEqual([
      { sex: 'female', people: 320 },
      { sex: 'male', people: 250 },
      { sex: 'other', people: 5 },
    ]);
    expect(impact.byAgeGroup).toEqual([
      { ageGroup: '0-17', people: 350 },
      { ageGroup: '18-24', people: 170 },
      { ageGroup: '25-59', people: 50 },
      { ageGroup: '60+', people: 5 },
    ]);
    expect(impact.bySexAndAge).toHaveLength(12);
    expect(impact.bySexAndAge.find((r) => r.sex === 'female' && r.ageGroup === '0-17')?.people).toBe(150);
    expect(impact.bySexAndAge.find((r) => r.sex === 'male' && r.ageGroup === '60+')?.people).toBe(0);
    expect(impact.overTime.map((p) => [p.label, p.reports, p.people, p.cumulative])).toEqual([
      ['Interim report', 2, 500, 500],
      ['Final report', 1, 75, 575],
    ]);
    expect(impact.rows.map((r) => [r.country, r.populationGroup, r.people])).toEqual([
      ['ZW', 'host_community', 120],
      ['ZW', 'internally_displaced', 200],
      ['LB', 'host_community', 55],
      ['LB', 'refugees', 170],
      ['TN', 'migrants', 30],
    ]);
    // A partner marked illustrative marks the figures.
    expect(impact.illustrative).toBe(true);
  });

  it('[visitor] never sees a draft, a report awaiting review or one sent back for changes, in JSON or CSV', async () => {
    const { call, partners } = await fixture();
    const impact = (await getCallImpact(call.slug))!;
    const json = JSON.stringify(impactJson(impact));
    const csv = impactCsv(impact);
    for (const hidden of ['9999', '5000', '7000', partners[2].organisation.legalName, 'Gamma narrative']) {
      expect(json).not.toContain(hidden);
      expect(csv).not.toContain(hidden);
    }
    expect(impactJson(impact).peopleReached).toBe(575);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(impactCsvHeader.join(','));
    expect(lines).toHaveLength(6);
    const people = lines.slice(1).reduce((n, line) => n + Number(line.split(',')[impactCsvHeader.indexOf('people_reached')]), 0);
    expect(people).toBe(575);
  });

  it('[visitor] a published call without an accepted report has an empty impact; an unpublished call has none', async () => {
    const pending = await callWithReports({
      periods: [{ label: 'Interim report', periodStart: '2026-01-01', periodEnd: '2026-03-31' }],
      partners: [{ name: 'Delta', reports: [{ period: 0, status: 'submitted', reach: [['LB', 'female', '18-24', 'refugees', 40]] }] }],
    });
    const empty = (await getCallImpact(pending.call.slug))!;
    expect(empty.peopleReached).toBe(0);
    expect(empty.byPartner).toEqual([]);
    expect(empty.overTime).toEqual([]);
    expect(empty.rows).toEqual([]);
    expect(empty.illustrative).toBe(false);

    const unpublished = await callWithReports({
      status: 'selection',
      periods: [{ label: 'Interim report', periodStart: '2026-01-01', periodEnd: '2026-03-31' }],
      partners: [{ name: 'Epsilon', reports: [{ period: 0, status: 'accepted', reach: [['LB', 'female', '18-24', 'refugees', 40]] }] }],
    });
    expect(await getCallImpact(unpublished.call.slug)).toBeNull();
    expect(await getCallImpact('no-such-call')).toBeNull();
  });
});
