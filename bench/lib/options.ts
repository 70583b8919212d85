/** `npm run bench -- [options]`. */

export const sections = ['pages', 'actions', 'ranking', 'weight', 'lighthouse'] as const;
export type Section = (typeof sections)[number];
export type DatabaseKind = 'postgres' | 'pglite';

export type Options = {
  only: Section[];
  databases: DatabaseKind[];
  rounds: number;
  /** Length of each load run (pages, autosave), seconds; PGlite's pass uses `pgliteSeconds`. */
  seconds: number;
  pgliteSeconds: number;
  connections: number;
  /** Submits per load run. */
  submits: number;
  sizes: number[];
  pgliteSizes: number[];
  lighthouseRuns: number;
  port: number;
  build: 'auto' | 'always' | 'never';
  out: string;
  /** Print the ranking query's plan (EXPLAIN ANALYZE) for each ranking call. */
  explain: boolean;
  /** Write a V8 CPU profile of every app server the run starts into this folder. */
  profile: string | null;
};

export const usage = `npm run bench -- [options]

  --only LIST        sections to run, comma-separated: ${sections.join(', ')} (default: all)
  --db KIND          postgres, pglite or both (default: both; postgres needs DATABASE_URL,
                     a server where a throwaway database is created and dropped)
  --rounds N         interleaved pairs per comparison (default 3, at least 3 for the report)
  --seconds S        length of each load run on PostgreSQL (default 3)
  --pglite-seconds S length of each load run on PGlite (default 2)
  --connections N    concurrent connections of every load run (default 10)
  --submits N        submits per load run (default 100)
  --sizes LIST       ranking calls on PostgreSQL, applications (default 1000,10000)
  --pglite-sizes L   ranking calls on PGlite (default 1000)
  --lighthouse-runs N  Lighthouse runs per page, the median reported (default 3)
  --port P           the app's port; the bare server takes P+1 (default $BENCH_PORT or 3400)
  --build / --no-build  always / never run next build (default: when the build is not current)
  --out PREFIX       write PREFIX.md and PREFIX.json (default bench/results)
  --explain          print the ranking query's plan for each ranking call
  --profile DIR      write a CPU profile (.cpuprofile, for Chrome's DevTools) of each
                     next start into DIR: where a request's time goes
`;

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number, got ${value}`);
  return n;
}

export function parseOptions(argv: string[]): Options {
  const options: Options = {
    only: [...sections],
    databases: ['postgres', 'pglite'],
    rounds: 3,
    seconds: 3,
    pgliteSeconds: 2,
    connections: 10,
    submits: 100,
    sizes: [1000, 10000],
    pgliteSizes: [1000],
    lighthouseRuns: 3,
    port: Number(process.env.BENCH_PORT ?? 3400),
    build: 'auto',
    out: 'bench/results',
    explain: false,
    profile: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--only': {
        const chosen = list(value());
        const unknown = chosen.filter((s) => !(sections as readonly string[]).includes(s));
        if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; sections are ${sections.join(', ')}`);
        options.only = chosen as Section[];
        break;
      }
      case '--db': {
        const v = value();
        if (v === 'both') options.databases = ['postgres', 'pglite'];
        else if (v === 'postgres' || v === 'pglite') options.databases = [v];
        else throw new Error(`--db is postgres, pglite or both, got ${v}`);
        break;
      }
      case '--rounds':
        options.rounds = Math.round(positive('--rounds', value()));
        break;
      case '--seconds':
        options.seconds = positive('--seconds', value());
        break;
      case '--pglite-seconds':
        options.pgliteSeconds = positive('--pglite-seconds', value());
        break;
      case '--connections':
        options.connections = Math.round(positive('--connections', value()));
        break;
      case '--submits':
        options.submits = Math.round(positive('--submits', value()));
        break;
      case '--sizes':
        options.sizes = list(value()).map((s) => Math.round(positive('--sizes', s)));
        break;
      case '--pglite-sizes':
        options.pgliteSizes = list(value()).map((s) => Math.round(positive('--pglite-sizes', s)));
        break;
      case '--lighthouse-runs':
        options.lighthouseRuns = Math.round(positive('--lighthouse-runs', value()));
        break;
      case '--port':
        options.port = Math.round(positive('--port', value()));
        break;
      case '--build':
        options.build = 'always';
        break;
      case '--no-build':
        options.build = 'never';
        break;
      case '--out':
        options.out = value();
        break;
      case '--explain':
        options.explain = true;
        break;
      case '--profile':
        options.profile = value();
        break;
      case '--help':
      case '-h':
        console.log(usage);
        process.exit(0);
      // falls through (process.exit never returns)
      default:
        throw new Error(`unknown option ${argv[i]}\n\n${usage}`);
    }
  }
  return options;
}
