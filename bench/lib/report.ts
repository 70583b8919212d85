/** bench/results.md (tables, ratios against the issue's goals, the machine's load) and bench/results.json (everything). */
import fs from 'node:fs';
import { formatSpread, KiB, spread, type Spread } from './stats';
import type { BenchResult, Comparison, DatabaseResult, Series } from './types';
import type { PageWeight } from './weight';

const GOALS = {
  publicPageRatio: 0.5,
  publicPageAim: 0.8,
  actionRatio: 0.5,
  actionP95Ms: 100,
  rankingFactor: 1.3,
  rankingPlusMs: 50,
  publicJsOverEmptyKiB: 10,
  formJsOverEmptyKiB: 60,
  lighthousePublic: 95,
  lighthouseForm: 90,
};

const mark = (ok: boolean | null) => (ok === null ? '' : ok ? 'met' : '**not met**');
const n0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const kib = (bytes: number) => (bytes / KiB).toFixed(1);
const ms = (s: Spread) => formatSpread(s, 0, ' ms');
const rps = (s: Spread) => formatSpread(s, 0);
/** The server's CPU per response; a file written before it was measured has none. */
const cpuMs = (s: Series | null | undefined) => (s?.serverCpuMs ? formatSpread(s.serverCpuMs, 1, ' ms') : '—');
const ratio = (s: Spread) => formatSpread(s, s.median < 0.1 ? 3 : 2);
const others = (c: Comparison) => {
  const runs = [...c.target.runs, ...(c.reference?.runs ?? [])];
  return n1(spread(runs.map((r) => r.cpu.others)).median);
};

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function primary(result: BenchResult): DatabaseResult | undefined {
  return result.databases.find((d) => d.kind === 'postgres') ?? result.databases[0];
}

function goalsTable(result: BenchResult): string {
  const rows: string[][] = [];
  const db = primary(result);
  const on = db ? ` (${db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'})` : '';
  for (const c of db?.pages?.comparisons ?? []) {
    const publicPage = !['404 page', '/api/health', '/api/health/ready'].includes(c.name);
    rows.push([
      `${c.name}: req/s ÷ static file's${on}`,
      publicPage ? `≥ ${GOALS.publicPageRatio} (aim ${GOALS.publicPageAim})` : '— (reported)',
      ratio(c.ratio),
      publicPage ? mark(c.ratio.median >= GOALS.publicPageRatio) : '',
    ]);
  }
  if (db?.actions) {
    for (const c of [db.actions.autosave, db.actions.submit]) {
      if (c.reference) rows.push([`${c.name}: req/s ÷ bare server's${on}`, `≥ ${GOALS.actionRatio}`, ratio(c.ratio), mark(c.ratio.median >= GOALS.actionRatio)]);
      rows.push([`${c.name}: p95 at ${result.options.connections} connections${on}`, `< ${GOALS.actionP95Ms} ms`, ms(c.target.p95), mark(c.target.p95.median < GOALS.actionP95Ms)]);
    }
  }
  for (const f of db?.ranking?.figures ?? []) {
    rows.push([
      `ranking page, ${f.size.toLocaleString('en')} applications: page ÷ (1.3 × SQL + 50 ms)${on}`,
      '≤ 1',
      `${ratio(f.pageOverLimit)} (page ${n0(f.pageMs.median)} ms, SQL ${n0(f.sqlMs.median)} ms, limit ${n0(f.limitMs)} ms)`,
      mark(f.pageOverLimit.median <= 1),
    ]);
  }
  const weights = result.weights?.pages ?? [];
  const emptyPage = weights.find((p) => p.kind === 'reference');
  if (emptyPage) {
    for (const p of weights.filter((w) => w.kind === 'public' || w.path.endsWith('/edit'))) {
      const over = (p.script.transferred - emptyPage.script.transferred) / KiB;
      const limit = p.kind === 'public' ? GOALS.publicJsOverEmptyKiB : GOALS.formJsOverEmptyKiB;
      rows.push([`JS gzipped, ${p.name}: KiB over the empty page (${kib(emptyPage.script.transferred)} KiB)`, `≤ ${limit} KiB`, `${over >= 0 ? '+' : ''}${over.toFixed(1)} (${kib(p.script.transferred)} KiB)`, mark(over <= limit)]);
    }
  }
  for (const l of result.lighthouse?.pages ?? []) {
    const score = `${l.median.score} (runs ${l.runs.map((r) => r.score).join(', ')})`;
    if (l.reference) {
      rows.push([`Lighthouse mobile, ${l.name}`, '— (reported)', score, '']);
      continue;
    }
    const goal = l.path.endsWith('/edit') ? GOALS.lighthouseForm : GOALS.lighthousePublic;
    rows.push([`Lighthouse mobile, ${l.name}`, `≥ ${goal}`, score, mark(l.median.score >= goal)]);
  }
  if (!rows.length) return '';
  return `## Against the issue's goals\n\nMedian of the rounds, (min–max) across them. "met" is information for the reader, never a test.\n\n${table(['measure', 'goal', 'result', ''], rows)}\n`;
}

function noiseSection(result: BenchResult): string {
  const measuring = result.steps.filter((s) => !/build|generate|start/.test(s.step));
  const load = spread(result.steps.flatMap((s) => [s.load1AtStart, s.load1AtEnd]));
  const othersCores = spread(measuring.map((s) => s.cpu.others));
  const rows = result.steps.map((s) => [s.step, n0(s.seconds), `${n1(s.load1AtStart)} → ${n1(s.load1AtEnd)}`, n1(s.cpu.machine), n1(s.cpu.ours), n1(s.cpu.others)]);
  return `## The machine while it ran

${result.machine.cpus} cores (${result.machine.model}), ${result.machine.memoryGiB} GiB, Node ${result.machine.node}. Load average (1 min) ${formatSpread(load, 1)} over the run. While measuring, the other processes of the machine (other engineers' builds and tests) used ${formatSpread(othersCores, 1)} cores on average per step, out of ${result.machine.cpus}. "Ours" counts the benchmark's process and everything it started (app server, bare server, load generator, browsers) and the PostgreSQL backends serving its database; "others" is the rest of the machine's busy time.

${table(['step', 's', 'load (1 min)', 'cores busy', 'ours', 'others'], rows)}
`;
}

function pagesSection(db: DatabaseResult, connections: number): string {
  if (!db.pages) return '';
  const rows = db.pages.comparisons.map((c) => [
    c.name,
    `\`${c.path}\``,
    rps(c.target.rps),
    rps(c.reference!.rps),
    ratio(c.ratio),
    ms(c.target.p50),
    ms(c.target.p95),
    cpuMs(c.target),
    cpuMs(c.reference),
    kib(c.target.bytesPerResponse),
    String(c.target.failures),
    others(c),
  ]);
  return `### Pages against a static file (${db.kind})

Each page and the static file \`${db.pages.reference.path}\` (${db.pages.reference.bytes} bytes, served by the same \`next start\`) alternately, ${connections} connections, browser-like headers (gzip accepted, no cookie), ${db.pages.comparisons[0]?.target.runs.length ?? 0} pairs; ratio = page req/s ÷ static req/s within each pair. CPU/response: the server's CPU time (its process tree) over the run ÷ responses.

${table(['page', 'path', 'req/s', 'static req/s', 'ratio', 'p50', 'p95', 'CPU/response', 'static CPU/response', 'KiB/response', 'failures', 'others\' cores'], rows)}
`;
}

function actionsSection(db: DatabaseResult, connections: number): string {
  if (!db.actions) return '';
  const a = db.actions;
  const verified = (c: Comparison, side: 'target' | 'reference') => {
    const s = side === 'target' ? c.target : c.reference;
    if (!s) return '—';
    return s.runs.map((r) => (r.verified ? `${r.verified.done}/${r.verified.answered200}` : '?')).join(', ');
  };
  const rows = [a.autosave, a.submit].map((c) => [
    c.name,
    rps(c.target.rps),
    c.reference ? rps(c.reference.rps) : '—',
    c.reference ? ratio(c.ratio) : '—',
    ms(c.target.p50),
    ms(c.target.p95),
    c.reference ? ms(c.reference.p95) : '—',
    cpuMs(c.target),
    cpuMs(c.reference),
    kib(c.target.bytesPerResponse),
    c.reference ? kib(c.reference.bytesPerResponse) : '—',
    `${verified(c, 'target')}${c.reference ? `; bare ${verified(c, 'reference')}` : ''}`,
    others(c),
  ]);
  return `### Autosave and submit (${db.kind})

The server action POST as Chromium sent it (captured on \`${a.captured.path}\`: headers ${a.captured.headerNames.map((h) => `\`${h}\``).join(', ')}; the action id ${a.captured.idMatchesManifest ? 'matches' : '**differs from**'} the build's server-reference manifest), signed in through \`/api/auth/callback/credentials\`, replayed for other drafts at ${connections} connections. Autosave sends the whole form (${a.captured.bodyBytes} bytes in the browser's request; the benchmark's draft is a complete one of about 7 KB) for drafts held one per connection; submit sends \`[{applicationId, version}]\` for complete drafts, each once (${db.actions.submit.target.runs[0]?.result.requests ?? 0} per run). ${db.actions.autosave.reference ? 'The bare server (bench/bare-server.ts) gets the same bytes.' : 'No bare server on PGlite (one process per database).'} The app's answer, read whole on its own: autosave ${kib(a.probes.autosave.decodedBytes)} KiB decoded (\`${a.probes.autosave.contentType}\`), submit ${kib(a.probes.submit.decodedBytes)} KiB decoded. Verified = what the database shows was done (saves, submits) ÷ 200s counted, per run. CPU/response: each server's CPU time (its process tree) over the run ÷ responses: the app's includes the framework's work for the request, the bare server's only the action's.

${table(['action', 'app req/s', 'bare req/s', 'ratio', 'app p50', 'app p95', 'bare p95', 'app CPU/response', 'bare CPU/response', 'app KiB/response', 'bare KiB/response', 'verified (done/200s)', 'others\' cores'], rows)}
`;
}

function rankingSection(db: DatabaseResult): string {
  if (!db.ranking) return '';
  const rows = db.ranking.figures.map((f) => [
    f.size.toLocaleString('en'),
    ms(f.pageMs),
    ms(f.sqlMs),
    `${n0(f.limitMs)} ms`,
    ratio(f.pageOverLimit),
    formatSpread(f.pageOverSql, 2, '×'),
    f.interleaved ? 'yes' : 'no (SQL timed before the server started)',
  ]);
  const cases = db.ranking.sqlCases.map((c) => [
    c.size.toLocaleString('en'),
    c.label,
    `${n0(c.medianMs)} ms (${n0(c.minMs)}–${n0(c.maxMs)})`,
    db.kind === 'pglite' ? `${n0(c.cpuMs)} ms` : '—',
  ]);
  return `### Ranking page against its SQL (${db.kind})

Signed in as the demo admin, \`/admin/calls/<id>/ranking\` (first page, sorted by mean) timed to its last byte, against lib/data/ranking.ts \`rankingQuery\` (the ranking query and the page's per-criterion means) run from the benchmark's process; after 20 requests of the page and 5 runs of the SQL to warm up, 5 requests one after another per round, their median; the goal's limit is 1.3 × SQL + 50 ms.

${table(['applications', 'page', 'SQL', 'limit', 'page ÷ limit', 'page ÷ SQL', 'interleaved'], rows)}

The ranking SQL alone (the cases of the former \`npm run bench\`, median of 9; CPU time on PGlite, where the database runs in the benchmark's process):

${table(['applications', 'case', 'time', 'CPU'], cases)}
`;
}

function weightSection(result: BenchResult): string {
  if (!result.weights) return '';
  const pages = result.weights.pages;
  const emptyPage = pages.find((p) => p.kind === 'reference');
  const row = (p: PageWeight) => [
    p.name,
    `\`${p.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '<id>')}\``,
    String(p.status),
    kib(p.script.transferred),
    emptyPage ? `${p.script.transferred >= emptyPage.script.transferred ? '+' : ''}${kib(p.script.transferred - emptyPage.script.transferred)}` : '',
    kib(p.script.decoded),
    `${p.script.requests}`,
    `${kib(p.document.transferred)} (${kib(p.document.decoded)})`,
    kib(p.stylesheet.transferred),
    `${kib(p.rsc.transferred)} (${p.rsc.requests})`,
    kib(p.totalTransferred),
    String(p.requests),
  ];
  return `## Page weight (Playwright's network log, Chromium, Pixel 7 emulation, empty cache)

Transferred = response bodies as sent (gzip where the server compressed them); decoded in brackets or in its own column. RSC = React Server Component payloads fetched after load (link prefetches). Total = every response's body and headers until the network was idle. The framework floor (the JavaScript of this build every page loads whatever it shows: build-manifest.json's rootMainFiles) is ${kib(result.weights.floor.transferred)} KiB gzipped in ${result.weights.floor.files} files.

${table(['page', 'path', 'status', 'JS KiB gz', 'vs empty page', 'JS KiB decoded', 'JS files', 'HTML KiB gz (decoded)', 'CSS KiB gz', 'RSC KiB (requests)', 'total KiB', 'requests'], pages.map(row))}
`;
}

function lighthouseSection(result: BenchResult): string {
  if (!result.lighthouse) return '';
  const settings = result.lighthouse.settings;
  const rows = result.lighthouse.pages.map((l) => [
    l.name,
    `${l.median.score} (${l.runs.map((r) => r.score).join(', ')})`,
    n0(l.median.fcpMs),
    n0(l.median.lcpMs),
    n0(l.median.tbtMs),
    l.median.cls.toFixed(3),
    n0(l.median.speedIndexMs),
    n0(l.median.benchmarkIndex),
  ]);
  return `## Lighthouse 12.8.2, mobile

Its default mobile settings${settings ? ` (as the reports say: form factor ${settings.formFactor}, throttling ${settings.throttlingMethod}: RTT ${settings.throttling.rttMs} ms, ${settings.throttling.throughputKbps} kbit/s, CPU slowdown ${settings.throttling.cpuSlowdownMultiplier}×; screen ${settings.screen})` : ''}, performance category only, Debian's Chromium headless; ${result.options.lighthouseRuns} runs per page, the median score and the metrics of the median run (ms). The form is loaded signed in (session cookie as an extra header). BenchmarkIndex is Lighthouse's measure of the machine's speed during the run: lower means a busier machine, and the simulated metrics slow down with it.

${table(['page', 'score (runs)', 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index', 'benchmarkIndex'], rows)}
`;
}

function startupSection(result: BenchResult): string {
  if (!result.databases.length) return '';
  const rows = result.databases.map((d) => [
    d.kind,
    `${n0(d.startup.cold.healthMs)} / ${n0(d.startup.cold.homeMs)} ms`,
    `${ms(d.startup.warmHealthMs)} / ${ms(d.startup.warmHomeMs)}`,
    n0(d.rssMiB.afterStart),
    n0(d.rssMiB.atRest),
    d.rssMiB.peakPages === null ? '—' : n0(d.rssMiB.peakPages),
    d.rssMiB.peakActions === null ? '—' : n0(d.rssMiB.peakActions),
    n0(d.rssMiB.atEnd),
  ]);
  return `## Start-up and memory

From spawning \`next start\` to the first 200 of the route that checks the database (\`/api/health/ready\` where the app has it, else \`/api/health\`) / of \`/\` (requested as soon as that answered). Cold: an empty database (migrations, demo data loaded); warm: the prepared database, 3 starts. RSS (MiB) of the \`next start\` process tree: after start, at rest (after one request to each page and 3 s idle), the peak while the pages and the actions were under load (sampled every 200 ms), and at rest at the end.

${table(['database', 'cold: health / home', 'warm: health / home', 'RSS after start', 'at rest', 'peak, pages load', 'peak, actions load', 'at end'], rows)}
`;
}

export function renderMarkdown(result: BenchResult): string {
  const o = result.options;
  const head = `# EOI Portal benchmark

\`npm run bench\` on commit \`${result.git.commit}\` (${result.git.branch}${result.git.dirty ? ', uncommitted changes' : ''}), ${result.startedAt.replace('T', ' ').slice(0, 16)} UTC, ${(result.seconds / 60).toFixed(1)} min. Production build (${result.build.built ? `\`next build\` in ${n0(result.build.seconds)} s` : 'the build in .next, current with the source'}, then \`next start\`); databases: ${result.databases.map((d) => (d.kind === 'postgres' ? 'PostgreSQL (a throwaway database)' : 'PGlite (a throwaway data directory, shorter pass)')).join(', ') || 'none'}; demo data plus generated data (ranking calls of ${o.sizes.join(' and ')} applications on PostgreSQL${o.databases.includes('pglite') ? `, ${o.pgliteSizes.join(' and ')} on PGlite` : ''}). ${o.rounds} interleaved rounds; each load run is a fixed number of requests sized from a warm-up to last about ${o.seconds} s (${o.pgliteSeconds} s on PGlite), ${o.connections} connections, autocannon.${result.partial ? ` **Partial run**: sections ${o.only.join(', ')}; databases ${o.databases.join(', ')}.` : ''}
`;
  const perDb = result.databases.map((d) => [pagesSection(d, o.connections), actionsSection(d, o.connections), rankingSection(d)].join('\n')).join('\n');
  return [
    head,
    goalsTable(result),
    perDb ? `## Throughput and latency\n\n${perDb}` : '',
    weightSection(result),
    lighthouseSection(result),
    startupSection(result),
    noiseSection(result),
  ]
    .filter(Boolean)
    .join('\n');
}

export function writeReport(result: BenchResult, prefix: string): string[] {
  fs.writeFileSync(`${prefix}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${prefix}.md`, renderMarkdown(result));
  return [`${prefix}.md`, `${prefix}.json`];
}
