/** The shape of bench/results.json (what bench/results.md is written from). */
import type { CapturedAction, Probe } from './actions';
import type { LighthouseResult, LighthouseSettings } from './lighthouse';
import type { LoadResult } from './load';
import type { CpuUse, StepRecord } from './machine';
import type { DatabaseKind, Options } from './options';
import type { SqlCase } from './ranking';
import type { Startup } from './server';
import type { Spread } from './stats';
import type { PageWeight } from './weight';

/** One load run of one side of a comparison. */
export type Run = {
  round: number;
  result: LoadResult;
  /** Cores busy during the run: the machine, the benchmark's processes, everyone else. */
  cpu: CpuUse;
  load1: number;
  /**
   * CPU time of the server that answered (its process tree), per response, in ms: what one
   * request costs it, less sensitive than req/s to the machine's other load.
   */
  serverCpuMs: number;
  /** For actions: what the database shows was done (saves or submits) against the 200s counted. */
  verified?: { answered200: number; done: number };
};

export type Series = {
  name: string;
  runs: Run[];
  rps: Spread;
  p50: Spread;
  p95: Spread;
  serverCpuMs: Spread;
  bytesPerResponse: number;
  failures: number;
};

/** A against B, run after run (A, B, B, A, A, B…): the ratio is taken within each pair. */
export type Comparison = {
  name: string;
  path: string;
  target: Series;
  reference: Series | null;
  /** target rps / reference rps, per pair. */
  ratio: Spread;
};

export type RankingFigures = {
  size: number;
  /** False on PGlite: its SQL is timed in the benchmark's process before the server holds the database. */
  interleaved: boolean;
  pageMs: Spread;
  sqlMs: Spread;
  /** The goal's limit, 1.3 × SQL + 50 ms, from the median SQL time. */
  limitMs: number;
  /** Page time / (1.3 × SQL + 50 ms) per round: ≤ 1 meets the goal. */
  pageOverLimit: Spread;
  pageOverSql: Spread;
  rounds: { round: number; pageMs: number; sqlMs: number; load1: number }[];
};

export type DatabaseResult = {
  kind: DatabaseKind;
  startup: { cold: Startup; warm: Startup[]; warmHealthMs: Spread; warmHomeMs: Spread };
  /** Resident memory of the `next start` process tree, MiB. */
  rssMiB: { afterStart: number; atRest: number; peakPages: number | null; peakActions: number | null; atEnd: number };
  data: { rankingSizes: number[]; drafts: number };
  pages?: { reference: { name: string; path: string; bytes: number }; comparisons: Comparison[] };
  actions?: {
    captured: Omit<CapturedAction, 'headers'> & { headerNames: string[] };
    /** One request of each on its own, answer read whole (the app's). */
    probes: { autosave: Probe; submit: Probe };
    autosave: Comparison;
    submit: Comparison;
  };
  ranking?: { figures: RankingFigures[]; sqlCases: SqlCase[] };
};

export type BenchResult = {
  schema: 1;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  partial: boolean;
  git: { commit: string; branch: string; dirty: boolean };
  machine: { cpus: number; model: string; memoryGiB: number; node: string; platform: string };
  options: Options;
  build: { built: boolean; seconds: number };
  databases: DatabaseResult[];
  weights?: { floor: { files: number; transferred: number }; pages: PageWeight[] };
  lighthouse?: { settings: LighthouseSettings | null; pages: LighthouseResult[] };
  steps: StepRecord[];
};
