import { describe, expect, it } from 'vitest';
import { parseOptions } from './options';
import { renderMarkdown } from './report';
import { quantile, spread } from './stats';
import type { BenchResult, Comparison, Run } from './types';

describe('[bench] statistics', () => {
  it('interpolates quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 5], 0.5)).toBe(5);
    expect(quantile([0, 100], 0.95)).toBe(95);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('ignores runs with no figure when taking the median and the range', () => {
    expect(spread([3, NaN, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
  });
});

describe('[bench] options', () => {
  it('runs a subset on one database', () => {
    const o = parseOptions(['--only', 'pages,ranking', '--db', 'postgres', '--rounds=5']);
    expect(o.only).toEqual(['pages', 'ranking']);
    expect(o.databases).toEqual(['postgres']);
    expect(o.rounds).toBe(5);
  });

  it('refuses an unknown section rather than running everything', () => {
    expect(() => parseOptions(['--only', 'page'])).toThrow(/unknown section page/);
  });
});

function run(rps: number, p95 = 10): Run {
  return {
    round: 0,
    result: { requests: 100, seconds: 100 / rps, rps, latency: { p50: p95 / 2, p95, p99: p95, max: p95 }, statuses: { 200: 100 }, failures: 0, bytesPerResponse: 1000 },
    cpu: { machine: 2, ours: 1.5, others: 0.5 },
    load1: 1,
    serverCpuMs: 1000 / rps,
  };
}

function comparison(name: string, target: number[], reference: number[], p95 = 10): Comparison {
  const series = (runs: Run[]) => ({ name, runs, rps: spread(runs.map((r) => r.result.rps)), p50: spread([p95 / 2]), p95: spread([p95]), serverCpuMs: spread(runs.map((r) => r.serverCpuMs)), bytesPerResponse: 1000, failures: 0 });
  return {
    name,
    path: `/${name}`,
    target: series(target.map((r) => run(r, p95))),
    reference: series(reference.map((r) => run(r))),
    ratio: spread(target.map((t, i) => t / reference[i])),
  };
}

describe('[bench] report', () => {
  const result: BenchResult = {
    schema: 1,
    startedAt: '2026-11-28T18:00:00.000Z',
    finishedAt: '2026-11-28T18:10:00.000Z',
    seconds: 600,
    partial: false,
    git: { commit: 'abc1234', branch: 'bench', dirty: false },
    machine: { cpus: 2, model: 'test', memoryGiB: 4, node: 'v20', platform: 'Linux' },
    options: parseOptions([]),
    build: { built: false, seconds: 0 },
    databases: [
      {
        kind: 'postgres',
        startup: { cold: { healthMs: 900, homeMs: 1200 }, warm: [], warmHealthMs: spread([500]), warmHomeMs: spread([700]) },
        rssMiB: { afterStart: 150, atRest: 180, peakPages: 300, peakActions: 320, atEnd: 200 },
        data: { rankingSizes: [1000], drafts: 10 },
        pages: {
          reference: { name: 'static file', path: '/bench/static.txt', bytes: 73 },
          comparisons: [comparison('home /', [600, 700, 650], [1000, 1000, 1000]), comparison('partners', [100, 120, 110], [1000, 1000, 1000])],
        },
        ranking: {
          figures: [
            {
              size: 1000,
              interleaved: true,
              pageMs: spread([200]),
              sqlMs: spread([100]),
              limitMs: 180,
              pageOverLimit: spread([200 / 180]),
              pageOverSql: spread([2]),
              rounds: [{ round: 0, pageMs: 200, sqlMs: 100, load1: 1 }],
            },
          ],
          sqlCases: [],
        },
      },
    ],
    steps: [{ step: 'postgres: pages against the static file', seconds: 60, load1AtStart: 1, load1AtEnd: 2, cpu: { machine: 2, ours: 1.5, others: 0.5 } }],
  };
  const md = renderMarkdown(result);
  const goalRow = (start: string) => md.split('\n').find((line) => line.startsWith(`| ${start}`)) ?? '';

  it('sets each page against the static file goal', () => {
    expect(goalRow('home /: req/s')).toContain('0.65 (0.60–0.70)');
    expect(goalRow('home /: req/s')).toMatch(/\| met \|$/);
    expect(goalRow('partners: req/s')).toContain('**not met**');
  });

  it('sets the ranking page against 1.3 × its SQL + 50 ms', () => {
    expect(goalRow('ranking page, 1,000 applications')).toContain('limit 180 ms');
    expect(goalRow('ranking page, 1,000 applications')).toContain('**not met**');
  });

  it('says how busy the machine was', () => {
    expect(md).toContain('## The machine while it ran');
    expect(md).toContain('| postgres: pages against the static file | 60 | 1.0 → 2.0 | 2.0 | 1.5 | 0.5 |');
  });
});
