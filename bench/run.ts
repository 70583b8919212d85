/**
 * `npm run bench`: the benchmark of issue 10 (speed), on a production build.
 *
 * For each database (PostgreSQL: a throwaway database on the DATABASE_URL server; PGlite: a
 * throwaway data directory, a shorter pass) it starts `next start` on the demo data plus
 * generated data, and measures, interleaving each figure with its reference (A, B, B, A…):
 *   pages     each public page, the 404 page and /api/health against a static file of the
 *             same server (requests/s at N connections);
 *   actions   autosave and submit, the server-action POST exactly as the browser sends it,
 *             against the bare node:http + postgres.js server of bench/bare-server.ts;
 *   ranking   the admin ranking page against its own SQL at 1k and 10k applications;
 * and, once: weight (gzipped JS and total bytes per page type, Playwright's network log)
 * and lighthouse (12.8.2, mobile, median of 3); plus start-up to first 200, RSS at rest and
 * under load, and the machine's load at every step. Writes bench/results.md and .json.
 * See `npm run bench -- --help`. Timings here are never pass/fail tests.
 */
import './lib/condition';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, prepareDatabase } from '@/db';
import { actionIdsFromManifest, autosaveLoad, captureAutosave, probe, submitLoad, type CapturedAction } from './lib/actions';
import * as data from './lib/data';
import type { BenchData } from './lib/data';
import { BROWSER_HEADERS, signIn, type Session } from './lib/http';
import { lighthouse, lighthouseSettings } from './lib/lighthouse';
import { load, type LoadResult } from './lib/load';
import { CpuMeter, cpuBetween, loadAverage, machineInfo, RssSampler, StepLog, treeCpuMs, treeRss } from './lib/machine';
import { parseOptions, type DatabaseKind, type Options } from './lib/options';
import * as ranking from './lib/ranking';
import { writeReport } from './lib/report';
import { ensureBuild, readyPath, root, startBare, startNext, stopAll } from './lib/server';
import { spread } from './lib/stats';
import type { BenchResult, Comparison, DatabaseResult, RankingFigures, Run, Series } from './lib/types';
import { frameworkFloor, pageWeights } from './lib/weight';

const MiB = 1024 * 1024;
const STATIC_PATH = '/bench/static.txt';
const EMPTY_PAGE_PATH = '/bench/empty';

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const serverUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
if (options.databases.includes('postgres') && !serverUrl) {
  if (options.databases.length === 1) {
    console.error('[bench] --db postgres needs DATABASE_URL: a PostgreSQL server where the benchmark may create and drop a database.');
    process.exit(2);
  }
  console.log('[bench] DATABASE_URL is not set: the PostgreSQL pass is skipped (set it to a server where a throwaway database may be created).');
  options.databases = options.databases.filter((d) => d !== 'postgres');
}

const meter = new CpuMeter();
const steps = new StepLog(meter);
const started = new Date();
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoi-bench-logs-'));
const cleanups: (() => Promise<void>)[] = [];
const has = (section: (typeof options.only)[number]) => options.only.includes(section);

let cleaning: Promise<void> | null = null;
/** Stops what we started and drops the throwaway database; callers at the same time share one pass. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopAll();
    await closeDatabase().catch(() => {});
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((e) => console.error('[bench] cleanup:', e));
  })().finally(() => {
    cleaning = null;
  });
  return cleaning;
}
let interrupted = false;
process.on('unhandledRejection', (error) => {
  console.error('[bench] failed (unhandled):', error);
  void cleanup()
    .then(stopAll)
    .finally(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.log(`\n[bench] ${signal}: stopping servers and dropping the throwaway database…`);
    void cleanup()
      .then(stopAll)
      .finally(() => process.exit(130));
  });
}

function git() {
  const run = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return { commit: run('rev-parse', '--short', 'HEAD'), branch: run('rev-parse', '--abbrev-ref', 'HEAD'), dirty: run('status', '--porcelain', '--untracked-files=no') !== '' };
}

function series(name: string, runs: Run[]): Series {
  return {
    name,
    runs,
    rps: spread(runs.map((r) => r.result.rps)),
    p50: spread(runs.map((r) => r.result.latency.p50)),
    p95: spread(runs.map((r) => r.result.latency.p95)),
    serverCpuMs: spread(runs.map((r) => r.serverCpuMs)),
    bytesPerResponse: runs.length ? runs.reduce((s, r) => s + r.result.bytesPerResponse, 0) / runs.length : 0,
    failures: runs.reduce((s, r) => s + r.result.failures, 0),
  };
}

function compare(name: string, pathname: string, target: Run[], reference: Run[] | null): Comparison {
  const ratios = reference ? target.map((t, i) => t.result.rps / reference[i].result.rps) : [];
  return { name, path: pathname, target: series(name, target), reference: reference ? series('reference', reference) : null, ratio: spread(ratios) };
}

/** One measured load run, with the machine's CPU around it and the CPU of the server (process `serverPid`) that answered. */
async function measured(round: number, serverPid: number, fn: () => Promise<LoadResult>): Promise<Run> {
  const before = meter.sample();
  const serverBefore = treeCpuMs(serverPid);
  const load1 = loadAverage()[0];
  const result = await fn();
  const cpu = cpuBetween(before, meter.sample());
  const serverCpuMs = (treeCpuMs(serverPid) - serverBefore) / Math.max(1, result.requests);
  await new Promise((r) => setTimeout(r, 200));
  return { round, result, cpu, load1, serverCpuMs };
}

/** A then B in even rounds, B then A in odd ones: drift over time falls on both sides alike. */
async function pairs(rounds: number, a: (round: number) => Promise<Run>, b: (round: number) => Promise<Run>) {
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      as.push(await a(round));
      bs.push(await b(round));
    } else {
      bs.push(await b(round));
      as.push(await a(round));
    }
  }
  return { as, bs };
}

type PageTarget = { name: string; path: string; status?: number };

function pageTargets(): PageTarget[] {
  const published = data.PUBLISHED_CALL_SLUG;
  return [
    { name: 'home /', path: '/' },
    { name: 'call page (results published)', path: `/calls/${published}` },
    { name: 'call page (open call)', path: `/calls/${data.OPEN_CALL_SLUG}` },
    { name: 'results page', path: `/calls/${published}/results` },
    { name: 'partners', path: '/partners' },
    { name: 'results.json', path: `/calls/${published}/results.json` },
    { name: 'results.csv', path: `/calls/${published}/results.csv` },
    { name: '404 page', path: '/no-such-page', status: 404 },
    { name: '/api/health', path: '/api/health' },
    ...(readyPath !== '/api/health' ? [{ name: readyPath, path: readyPath }] : []),
  ];
}

/**
 * Load runs send a fixed number of requests, sized from a warm-up to last about `seconds`:
 * a run cut off by a timer would leave requests in flight, uncounted, still loading the
 * server while the next run starts.
 */
function sized(rps: number, seconds: number): number {
  return Math.min(50_000, Math.max(2 * options.connections, Math.round(rps * seconds)));
}

async function getLoad(base: string, target: PageTarget, size: { seconds: number } | { amount: number }): Promise<LoadResult> {
  return load({ url: `${base}${target.path}`, connections: options.connections, ...size, headers: { ...BROWSER_HEADERS }, expectStatus: target.status ?? 200 });
}

/** PGlite's shorter pass: one page of each kind. */
const PGLITE_PAGES = ['home /', 'call page (results published)', 'results.json', '404 page', '/api/health', '/api/health/ready'];

async function measurePages(base: string, serverPid: number, seconds: number, kind: DatabaseKind) {
  const reference: PageTarget = { name: 'static file', path: STATIC_PATH };
  const targets = pageTargets().filter((t) => kind === 'postgres' || PGLITE_PAGES.includes(t.name));
  const amounts = new Map<string, number>();
  for (const t of [reference, ...targets]) {
    const warm = await getLoad(base, t, { seconds: 1.5 });
    if (warm.failures) throw new Error(`${t.path} answered ${JSON.stringify(warm.statuses)} during warm-up (expected ${t.status ?? 200})`);
    amounts.set(t.path, sized(warm.rps, seconds));
  }
  const comparisons: Comparison[] = [];
  for (const target of targets) {
    const { as, bs } = await pairs(
      options.rounds,
      (round) => measured(round, serverPid, () => getLoad(base, target, { amount: amounts.get(target.path)! })),
      (round) => measured(round, serverPid, () => getLoad(base, reference, { amount: amounts.get(reference.path)! })),
    );
    const c = compare(target.name, target.path, as, bs);
    comparisons.push(c);
    console.log(
      `[bench]   ${target.name}: ${c.target.rps.median.toFixed(0)} req/s vs static ${c.reference!.rps.median.toFixed(0)} → ratio ${c.ratio.median.toFixed(3)} (p95 ${c.target.p95.median.toFixed(0)} ms)`,
    );
  }
  const bytes = Buffer.byteLength(fs.readFileSync(path.join(root, 'public', STATIC_PATH)));
  return { reference: { name: reference.name, path: STATIC_PATH, bytes }, comparisons };
}

type ActionContext = {
  kind: DatabaseKind;
  base: string;
  /** The processes of the app's server and of the bare one. */
  pid: number;
  bareBase: string | null;
  barePid: number | null;
  session: Session;
  captured: CapturedAction;
  capturedId: string;
  draftJson: string;
  autosavePools: string[][];
  submitPools: string[][];
  seconds: number;
};

/** Checks with the database that the load did the work: saves (versions added) or submits. */
async function verify(runs: Run[], pools: string[][], what: 'saves' | 'submitted') {
  for (const [i, run] of runs.entries()) {
    const outcome = await data.draftOutcome(pools[i]);
    run.verified = { answered200: run.result.statuses['200'] ?? 0, done: outcome[what] };
  }
}

async function measureActions(ctx: ActionContext) {
  const take = <T>(pools: T[][]) => pools.shift()!;
  const amounts = new Map<string, number>();
  const autosave = (base: string, pool: string[], size: { seconds: number } | { amount: number } = { amount: amounts.get(base)! }) =>
    autosaveLoad({ base, captured: ctx.captured, capturedId: ctx.capturedId, cookie: ctx.session.cookie, pool, draftJson: ctx.draftJson, connections: options.connections, ...size });
  const submit = (base: string, pool: string[]) =>
    submitLoad({ base, captured: ctx.captured, capturedId: ctx.capturedId, cookie: ctx.session.cookie, pool, connections: options.connections });

  // Warm-up (not recorded): the first requests load the action's modules. Two pools of each
  // are set aside for it (app, bare) whether or not there is a bare server.
  const warmPools = { autosave: [take(ctx.autosavePools), take(ctx.autosavePools)], submit: [take(ctx.submitPools), take(ctx.submitPools)] };
  for (const [i, base] of [ctx.base, ctx.bareBase].entries()) {
    if (!base) continue;
    const a = await autosave(base, warmPools.autosave[i], { seconds: 1.5 });
    amounts.set(base, sized(a.rps, ctx.seconds));
    const s = await submit(base, warmPools.submit[i]);
    if (a.failures || s.failures) throw new Error(`actions failed during warm-up on ${base}: autosave ${JSON.stringify(a.statuses)}, submit ${JSON.stringify(s.statuses)}`);
  }

  const pools = { autosaveApp: [] as string[][], autosaveBare: [] as string[][], submitApp: [] as string[][], submitBare: [] as string[][] };
  const autosaveApp = (round: number) => {
    const pool = take(ctx.autosavePools);
    pools.autosaveApp.push(pool);
    return measured(round, ctx.pid, () => autosave(ctx.base, pool));
  };
  const autosaveBare = (round: number) => {
    const pool = take(ctx.autosavePools);
    pools.autosaveBare.push(pool);
    return measured(round, ctx.barePid!, () => autosave(ctx.bareBase!, pool));
  };
  const submitApp = (round: number) => {
    const pool = take(ctx.submitPools);
    pools.submitApp.push(pool);
    return measured(round, ctx.pid, () => submit(ctx.base, pool));
  };
  const submitBare = (round: number) => {
    const pool = take(ctx.submitPools);
    pools.submitBare.push(pool);
    return measured(round, ctx.barePid!, () => submit(ctx.bareBase!, pool));
  };

  let autosaveRuns: { as: Run[]; bs: Run[] | null };
  let submitRuns: { as: Run[]; bs: Run[] | null };
  if (ctx.bareBase) {
    autosaveRuns = await pairs(options.rounds, autosaveApp, autosaveBare);
    submitRuns = await pairs(options.rounds, submitApp, submitBare);
  } else {
    const as: Run[] = [];
    for (let round = 0; round < options.rounds; round++) as.push(await autosaveApp(round));
    const ss: Run[] = [];
    for (let round = 0; round < options.rounds; round++) ss.push(await submitApp(round));
    autosaveRuns = { as, bs: null };
    submitRuns = { as: ss, bs: null };
  }
  const verifyAll = async () => {
    await verify(autosaveRuns.as, pools.autosaveApp, 'saves');
    if (autosaveRuns.bs) await verify(autosaveRuns.bs, pools.autosaveBare, 'saves');
    await verify(submitRuns.as, pools.submitApp, 'submitted');
    if (submitRuns.bs) await verify(submitRuns.bs, pools.submitBare, 'submitted');
  };
  const result = () => ({
    autosave: compare('autosave', ctx.captured.path, autosaveRuns.as, autosaveRuns.bs),
    submit: compare('submit', ctx.captured.path, submitRuns.as, submitRuns.bs),
  });
  return { verifyAll, result };
}

/**
 * Requests of the ranking page before it is timed (20, as the report says). A server that has
 * served a page a few times runs its render optimised by V8; after one request it does not
 * yet, and the first timings of a fresh process measured the compiler as much as the page.
 */
async function warmUpRankingPage(base: string, call: BenchData['rankingCalls'][number], admin: Session) {
  for (let i = 0; i < 20; i++) await ranking.timePage(base, call, admin);
}

async function measureRanking(base: string, calls: BenchData['rankingCalls'], admin: Session): Promise<RankingFigures[]> {
  const n = 5;
  const out: RankingFigures[] = [];
  for (const call of calls) {
    if (options.explain) console.log(`[bench] ranking plan, ${call.size} applications:\n${await ranking.explain(call)}`);
    await warmUpRankingPage(base, call, admin);
    for (let i = 0; i < 5; i++) await ranking.timeSql(call);
    const rounds: RankingFigures['rounds'] = [];
    for (let round = 0; round < options.rounds; round++) {
      const load1 = loadAverage()[0];
      const page = () => ranking.medianOf(n, () => ranking.timePage(base, call, admin));
      const sqlTime = () => ranking.medianOf(n, async () => (await ranking.timeSql(call)).ms);
      let pageMs: number;
      let sqlMs: number;
      if (round % 2 === 0) {
        pageMs = await page();
        sqlMs = await sqlTime();
      } else {
        sqlMs = await sqlTime();
        pageMs = await page();
      }
      rounds.push({ round, pageMs, sqlMs, load1 });
    }
    out.push(rankingFigures(call.size, rounds, true));
  }
  return out;
}

function rankingFigures(size: number, rounds: RankingFigures['rounds'], interleaved: boolean): RankingFigures {
  const sqlMs = spread(rounds.map((r) => r.sqlMs));
  const f = {
    size,
    interleaved,
    pageMs: spread(rounds.map((r) => r.pageMs)),
    sqlMs,
    limitMs: 1.3 * sqlMs.median + 50,
    pageOverLimit: spread(rounds.map((r) => r.pageMs / (1.3 * r.sqlMs + 50))),
    pageOverSql: spread(rounds.map((r) => r.pageMs / r.sqlMs)),
    rounds,
  };
  console.log(`[bench]   ranking ${size}: page ${f.pageMs.median.toFixed(0)} ms, SQL ${f.sqlMs.median.toFixed(0)} ms, limit ${f.limitMs.toFixed(0)} ms → ${f.pageOverLimit.median.toFixed(2)} of the limit`);
  return f;
}

function weightPages(bench: BenchData, applicant: Session, admin: Session) {
  const published = data.PUBLISHED_CALL_SLUG;
  return [
    { name: 'empty page (reference)', path: EMPTY_PAGE_PATH, kind: 'reference' as const },
    { name: '404 page', path: '/no-such-page', kind: 'public' as const },
    { name: 'home /', path: '/', kind: 'public' as const },
    { name: 'call page (results published)', path: `/calls/${published}`, kind: 'public' as const },
    { name: 'call page (open call)', path: `/calls/${data.OPEN_CALL_SLUG}`, kind: 'public' as const },
    { name: 'results page', path: `/calls/${published}/results`, kind: 'public' as const },
    { name: 'partners', path: '/partners', kind: 'public' as const },
    { name: 'sign-in', path: '/sign-in', kind: 'form' as const },
    { name: 'application form', path: `/applications/${bench.demoDraft}/edit`, kind: 'form' as const, session: applicant },
    // Each language sends only its own messages: the form's weight in French and Arabic.
    { name: 'application form (fr)', path: `/fr/applications/${bench.demoDraft}/edit`, kind: 'form' as const, session: applicant },
    { name: 'application form (ar)', path: `/ar/applications/${bench.demoDraft}/edit`, kind: 'form' as const, session: applicant },
    { name: 'dashboard', path: '/dashboard', kind: 'signed-in' as const, session: applicant },
    ...(bench.rankingCalls[0]
      ? [{ name: `ranking (${bench.rankingCalls[0].size})`, path: `/admin/calls/${bench.rankingCalls[0].id}/ranking`, kind: 'signed-in' as const, session: admin }]
      : []),
  ];
}

function lighthousePages(bench: BenchData, applicant: Session) {
  const published = data.PUBLISHED_CALL_SLUG;
  return [
    // What a page of this layout and build scores before it shows anything: where the others start from.
    { name: 'empty page (reference)', path: EMPTY_PAGE_PATH, reference: true },
    { name: 'home /', path: '/' },
    { name: 'call page (results published)', path: `/calls/${published}` },
    { name: 'results page', path: `/calls/${published}/results` },
    { name: 'partners', path: '/partners' },
    { name: 'application form', path: `/applications/${bench.demoDraft}/edit`, session: applicant },
  ];
}

async function runDatabase(kind: DatabaseKind, first: boolean, result: BenchResult): Promise<DatabaseResult> {
  const port = options.port;
  const base = `http://127.0.0.1:${port}`;
  const seconds = kind === 'postgres' ? options.seconds : options.pgliteSeconds;
  const sizes = has('ranking') ? (kind === 'postgres' ? options.sizes : options.pgliteSizes) : [];
  const secret = crypto.randomBytes(33).toString('base64');
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: secret, AUTH_TRUST_HOST: 'true', SEED_DEMO: '1' };
  for (const name of ['SMTP_URL', 'SMTP_HOST', 'MAIL_FROM', 'PGLITE_DATA_DIR', 'DATABASE_URL']) delete env[name];

  let databaseName: string | null = null;
  if (kind === 'postgres') {
    const postgres = (await import('postgres')).default;
    databaseName = `eoi_bench_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${databaseName}`);
    await admin.end();
    const name = databaseName;
    cleanups.push(async () => {
      const sql = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    });
    const url = new URL(serverUrl!);
    url.pathname = `/${databaseName}`;
    env.DATABASE_URL = url.toString();
    console.log(`[bench] ${kind}: database ${databaseName}`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoi-bench-pglite-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    env.PGLITE_DATA_DIR = path.join(dir, 'data');
    console.log(`[bench] ${kind}: data directory ${env.PGLITE_DATA_DIR}`);
  }
  meter.databaseName = databaseName;

  // The benchmark's own connection (generation, SQL timings, checks) goes through the app's db module.
  const useDatabase = () => {
    delete process.env.DATABASE_URL;
    delete process.env.PGLITE_DATA_DIR;
    if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
    else process.env.PGLITE_DATA_DIR = env.PGLITE_DATA_DIR;
  };

  const cold = await steps.run(`${kind}: start on an empty database (migrations, demo data)`, async () => {
    const { server, startup } = await startNext({ port, env, logDir, name: `next-${kind}`, profileDir: options.profile });
    await server.stop();
    return startup;
  });

  const poolSize = options.connections + 2;
  const autosaveDrafts = has('actions') ? (options.rounds + 1) * 2 * poolSize : 0;
  const submitWarmup = options.connections * 2;
  const submitDrafts = has('actions') ? 2 * (submitWarmup + options.rounds * options.submits) : 0;
  const sqlFigures: Map<number, RankingFigures['rounds']> = new Map();
  const sqlCases: Awaited<ReturnType<typeof ranking.timeSqlCases>> = [];
  const bench = await steps.run(`${kind}: generate data (${sizes.join(' + ') || 'no'} ranked applications, ${autosaveDrafts + submitDrafts + 3} drafts)`, async () => {
    useDatabase();
    await prepareDatabase();
    const seeded = await data.seedBenchData({ rankingSizes: sizes, autosaveDrafts, submitDrafts });
    return seeded;
  });

  if (kind === 'pglite' && bench.rankingCalls.length) {
    // One process per data directory: the SQL is timed here before the server opens it.
    await steps.run(`${kind}: ranking SQL (in this process, before the server starts)`, async () => {
      for (const call of bench.rankingCalls) {
        if (options.explain) console.log(`[bench] ranking plan, ${call.size} applications:\n${await ranking.explain(call)}`);
        await ranking.timeSql(call);
        const rounds: RankingFigures['rounds'] = [];
        for (let round = 0; round < options.rounds; round++) {
          rounds.push({ round, pageMs: NaN, sqlMs: await ranking.medianOf(5, async () => (await ranking.timeSql(call)).ms), load1: loadAverage()[0] });
        }
        sqlFigures.set(call.size, rounds);
        sqlCases.push(...(await ranking.timeSqlCases(call)));
      }
    });
  }
  if (kind === 'pglite') await closeDatabase();

  const warm = await steps.run(`${kind}: start-up ×3 on the prepared database`, async () => {
    const startups = [];
    let server;
    for (let i = 0; i < 3; i++) {
      if (server) await server.stop();
      const started = await startNext({ port, env, logDir, name: `next-${kind}`, profileDir: options.profile });
      server = started.server;
      startups.push(started.startup);
    }
    return { server: server!, startups };
  });
  const server = warm.server;
  const rss: DatabaseResult['rssMiB'] = { afterStart: treeRss(server.pid) / MiB, atRest: NaN, peakPages: null, peakActions: null, atEnd: NaN };

  // The bench applicant belongs to hundreds of organisations (one per draft) and drives the
  // actions; the demo applicant (one organisation) is the one whose pages are weighed.
  const applicant = await signIn(base, data.BENCH_APPLICANT_EMAIL, data.DEMO_PASSWORD);
  const demoApplicant = await signIn(base, data.DEMO_APPLICANT_EMAIL, data.DEMO_PASSWORD);
  const admin = await signIn(base, data.ADMIN_EMAIL, data.DEMO_PASSWORD);
  for (const t of [...pageTargets(), { path: STATIC_PATH }]) await (await fetch(`${base}${t.path}`, { headers: BROWSER_HEADERS })).arrayBuffer();
  await new Promise((r) => setTimeout(r, 3000));
  rss.atRest = treeRss(server.pid) / MiB;

  const out: DatabaseResult = {
    kind,
    startup: { cold, warm: warm.startups, warmHealthMs: spread(warm.startups.map((s) => s.healthMs)), warmHomeMs: spread(warm.startups.map((s) => s.homeMs)) },
    rssMiB: rss,
    data: { rankingSizes: sizes, drafts: autosaveDrafts + submitDrafts + 3 },
  };

  if (has('pages')) {
    out.pages = await steps.run(`${kind}: pages against the static file`, async () => {
      const sampler = new RssSampler(server.pid).start();
      try {
        return await measurePages(base, server.pid, seconds, kind);
      } finally {
        rss.peakPages = sampler.stop() / MiB;
      }
    });
  }

  let verifyActions: (() => Promise<void>) | null = null;
  let actionResult: (() => { autosave: Comparison; submit: Comparison }) | null = null;
  if (has('actions')) {
    const ids = actionIdsFromManifest();
    const captured = await steps.run(`${kind}: capture the browser's autosave request`, () => captureAutosave(base, applicant, bench.drafts.capture, ids));
    if (!captured.idMatchesManifest) console.warn(`[bench] the browser sent action ${captured.headers['next-action']}, the manifest names ${ids.autosave}`);
    const bare =
      kind === 'postgres'
        ? await startBare({ port: port + 1, env: { ...env, BARE_ACTIONS: JSON.stringify(ids) }, logDir })
        : null;
    const draft = data.completeDraft(bench.requirementIds, 'Flood-ready villages (autosaved)');
    const chunk = (ids: string[], size: number, count: number) => Array.from({ length: count }, (_, i) => ids.slice(i * size, (i + 1) * size));
    const ctx: ActionContext = {
      kind,
      base,
      pid: server.pid,
      bareBase: bare ? `http://127.0.0.1:${bare.port}` : null,
      barePid: bare ? bare.pid : null,
      session: applicant,
      captured,
      capturedId: bench.drafts.capture,
      draftJson: JSON.stringify(draft),
      autosavePools: chunk(bench.drafts.autosave, poolSize, (options.rounds + 1) * 2),
      submitPools: [
        ...chunk(bench.drafts.submit.slice(0, 2 * submitWarmup), submitWarmup, 2),
        ...chunk(bench.drafts.submit.slice(2 * submitWarmup), options.submits, options.rounds * 2),
      ],
      seconds,
    };
    const probes = {
      autosave: await probe(base, captured, ctx.capturedId, bench.drafts.probe.autosave, ids.autosave, `[{"applicationId":"${bench.drafts.probe.autosave}","version":1,"draft":${ctx.draftJson}}]`, applicant.cookie),
      submit: await probe(base, captured, ctx.capturedId, bench.drafts.probe.submit, ids.submit, `[{"applicationId":"${bench.drafts.probe.submit}","version":1}]`, applicant.cookie),
    };
    if (!probes.autosave.ok || !probes.submit.ok) throw new Error(`the app refused the replayed actions: ${JSON.stringify(probes)}`);
    const measuredActions = await steps.run(`${kind}: autosave and submit${bare ? ' against the bare server' : ''}`, async () => {
      const sampler = new RssSampler(server.pid).start();
      try {
        return await measureActions(ctx);
      } finally {
        rss.peakActions = sampler.stop() / MiB;
      }
    });
    if (bare) await bare.stop();
    verifyActions = measuredActions.verifyAll;
    actionResult = measuredActions.result;
    const { headers, ...rest } = captured;
    out.actions = { captured: { ...rest, headerNames: Object.keys(headers) }, probes, ...measuredActions.result() };
    if (kind === 'postgres') {
      await verifyActions();
      out.actions = { ...out.actions, ...actionResult() };
    }
  }

  if (has('ranking') && bench.rankingCalls.length) {
    out.ranking = await steps.run(`${kind}: ranking page against its SQL`, async () => {
      if (kind === 'postgres') {
        const figures = await measureRanking(base, bench.rankingCalls, admin);
        for (const call of bench.rankingCalls) sqlCases.push(...(await ranking.timeSqlCases(call)));
        return { figures, sqlCases };
      }
      const figures: RankingFigures[] = [];
      for (const call of bench.rankingCalls) {
        await warmUpRankingPage(base, call, admin);
        const rounds = sqlFigures.get(call.size)!;
        for (const r of rounds) r.pageMs = await ranking.medianOf(5, () => ranking.timePage(base, call, admin));
        figures.push(rankingFigures(call.size, rounds, false));
      }
      return { figures, sqlCases };
    });
  }

  if (first && has('weight')) {
    result.weights = await steps.run('page weight (Playwright, Chromium)', async () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
      const floor = await frameworkFloor(base, manifest.rootMainFiles);
      const pages = await pageWeights(base, weightPages(bench, demoApplicant, admin));
      for (const p of pages) console.log(`[bench]   ${p.name}: JS ${(p.script.transferred / 1024).toFixed(1)} KiB gzipped, total ${(p.totalTransferred / 1024).toFixed(1)} KiB`);
      return { floor, pages };
    });
  }
  if (first && has('lighthouse')) {
    result.lighthouse = await steps.run(`Lighthouse 12.8.2 mobile ×${options.lighthouseRuns}`, async () => {
      const pages = await lighthouse(base, lighthousePages(bench, demoApplicant), options.lighthouseRuns, logDir);
      return { settings: lighthouseSettings(), pages };
    });
  }

  await new Promise((r) => setTimeout(r, 3000));
  rss.atEnd = treeRss(server.pid) / MiB;
  await server.stop();

  if (kind === 'pglite' && verifyActions && actionResult) {
    useDatabase();
    await verifyActions();
    out.actions = { ...out.actions!, ...actionResult() };
  }
  await closeDatabase();
  meter.databaseName = null;
  return out;
}

async function main() {
  const machine = machineInfo();
  console.log(`[bench] ${machine.cpus} cores (${machine.model}), load average ${loadAverage().map((l) => l.toFixed(1)).join(' ')}; logs in ${logDir}`);
  const result: BenchResult = {
    schema: 1,
    startedAt: started.toISOString(),
    finishedAt: '',
    seconds: 0,
    partial: options.only.length < 5 || options.databases.length < 2,
    git: git(),
    machine,
    options,
    build: { built: false, seconds: 0 },
    databases: [],
    steps: steps.steps,
  };
  if (options.build === 'never') {
    if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('--no-build, but there is no build in .next');
  } else {
    result.build = await steps.run('next build', async () => ensureBuild(options.build === 'always'));
  }
  for (const [i, kind] of options.databases.entries()) {
    result.databases.push(await runDatabase(kind, i === 0, result));
    await cleanup();
  }
  const finished = new Date();
  result.finishedAt = finished.toISOString();
  result.seconds = (finished.getTime() - started.getTime()) / 1000;
  const written = writeReport(result, path.resolve(root, options.out));
  console.log(`[bench] done in ${(result.seconds / 60).toFixed(1)} min: ${written.join(', ')}`);
}

main().then(
  () => process.exit(0),
  async (error) => {
    if (interrupted) return; // the signal handler cleans up and exits
    console.error('[bench] failed:', error);
    console.error(`[bench] server logs are in ${logDir}`);
    await cleanup();
    process.exit(1);
  },
);
