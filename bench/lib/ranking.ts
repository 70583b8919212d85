/**
 * The ranking: the admin page (through HTTP, signed in as the demo admin) against its own
 * SQL (lib/data/ranking.ts rankingQuery: the ranking query and the per-criterion means of
 * the page's 25 rows, the same first page, sorted by mean), each timed one request after
 * another on an idle server.
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { rankingQuery, rankingSql } from '@/lib/data/internal/ranking-sql';
import type { RankingCall } from './data';
import { BROWSER_HEADERS, type Session } from './http';
import { median } from './stats';

/** Time of one GET of the page, to the last byte. */
export async function timePage(base: string, call: RankingCall, session: Session): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(`${base}/admin/calls/${call.id}/ranking`, {
    headers: { ...BROWSER_HEADERS, cookie: session.cookie },
    redirect: 'manual',
  });
  const body = await response.text();
  const ms = performance.now() - t0;
  if (response.status !== 200 || !body.includes('data-testid="ranking-')) {
    throw new Error(`the ranking page of the ${call.size} call answered ${response.status} without rows`);
  }
  return ms;
}

export async function timeSql(call: RankingCall, options: Parameters<typeof rankingQuery>[2] = {}): Promise<{ ms: number; cpuMs: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await rankingQuery(db, call, options);
  const used = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  if (!result.rows.length) throw new Error(`the ranking SQL of the ${call.size} call returned no rows`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** `n` timings one after another; their median. */
export async function medianOf(n: number, fn: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await fn());
  return median(samples);
}

/** The old `npm run bench` cases: the ranking SQL alone, median of 9 runs (CPU time too, meaningful on PGlite where the database runs in this process). */
export const sqlCases: [string, Parameters<typeof rankingQuery>[2]][] = [
  ['first page (mean desc)', {}],
  ['sorted by calibrated score', { sort: 'calibrated' }],
  ['filtered (country SO, flagged), page 3', { country: 'SO', flag: 'flagged', page: 3 }],
];

export type SqlCase = { size: number; label: string; medianMs: number; minMs: number; maxMs: number; cpuMs: number; runs: number };

export async function timeSqlCases(call: RankingCall, runs = 9): Promise<SqlCase[]> {
  const out: SqlCase[] = [];
  for (const [label, options] of sqlCases) {
    await timeSql(call, options);
    const samples: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timeSql(call, options));
    const ms = samples.map((s) => s.ms);
    out.push({
      size: call.size,
      label,
      medianMs: median(ms),
      minMs: Math.min(...ms),
      maxMs: Math.max(...ms),
      cpuMs: median(samples.map((s) => s.cpuMs)),
      runs,
    });
  }
  return out;
}

/** The ranking query's plan, as EXPLAIN ANALYZE prints it. */
export async function explain(call: RankingCall): Promise<string> {
  const plan = rowsOf<Record<string, string>>(await db.execute(sql`explain (analyze, buffers off) ${rankingSql(call, {})}`));
  return plan.map((r) => Object.values(r)[0]).join('\n');
}
