/**
 * `npm run bench`: how fast the ranking query answers on a large call.
 *
 * Builds, in a fresh database, one call with 4 criteria, 10,000 eligible applications and
 * 3 submitted reviews each (30,000 reviews, 120,000 scores, 60 reviewers), then times the
 * ranking query of the admin page (lib/data/ranking.ts: totals, aggregates, calibration,
 * disagreement flag, position, one page) several times and reports the median. Runs on an
 * in-memory PGlite, and also on PostgreSQL when DATABASE_URL is set (in a throwaway
 * database created and dropped on that server).
 *
 * lib/data modules are server-only; this script re-runs itself under Node's
 * "react-server" condition so they load outside Next.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const REVIEWS_PER_APPLICATION = 3;
const REVIEWERS = 60;
const RUNS = 9;

if (!process.env.EOI_BENCH_CHILD) {
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, EOI_BENCH_CHILD: '1' },
  });
  process.exit(result.status ?? 1);
}

type Timing = { label: string; median: number; min: number; max: number; cpu: number };

async function bench(kind: 'pglite' | 'postgres'): Promise<Timing[]> {
  const { sql } = await import('drizzle-orm');
  const { closeDatabase, db, prepareDatabase } = await import('@/db');
  const { rankingQuery } = await import('@/lib/data/ranking');
  const { rowsOf } = await import('@/db');
  await prepareDatabase();

  const started = performance.now();
  const [call] = rowsOf<{ id: string; disagreement_range: string; disagreement_stddev: string }>(
    await db.execute(sql`
      insert into calls (slug, title, status, closes_at, reviewers_per_application)
      values ('bench-call', 'Benchmark call', 'in_review', now() - interval '1 day', ${REVIEWS_PER_APPLICATION})
      returning id, disagreement_range, disagreement_stddev`),
  );
  await db.execute(sql`
    insert into criteria (call_id, position, name, weight, scale_min, scale_max)
    values (${call.id}, 0, 'Impact', 40, 0, 5), (${call.id}, 1, 'Team', 30, 0, 5),
           (${call.id}, 2, 'Feasibility', 20, 0, 5), (${call.id}, 3, 'Cost', 10, 0, 5)`);
  await db.execute(sql`
    insert into users (email, name)
    select 'bench-reviewer-' || g || '@example.test', 'Reviewer ' || g from generate_series(1, ${REVIEWERS}) g`);
  await db.execute(sql`
    insert into user_roles (user_id, role) select id, 'reviewer' from users where email like 'bench-reviewer-%'`);
  await db.execute(sql`
    insert into organisations (legal_name, country_of_registration)
    select 'Bench organisation ' || g, 'FR' from generate_series(1, ${APPLICATIONS}) g`);
  await db.execute(sql`
    insert into applications (call_id, organisation_id, reference, status, title, countries, themes, eligibility, submitted_at)
    select ${call.id}, o.id, 'EOI-2026-' || lpad(o.n::text, 5, '0'), 'submitted', 'Bench project ' || o.n,
           array[(array['SO','ET','SD'])[1 + o.n % 3]], array[(array['health','education'])[1 + o.n % 2]], 'eligible', now() - interval '2 days'
    from (select id, row_number() over (order by legal_name) as n from organisations where legal_name like 'Bench organisation %') o`);
  await db.execute(sql`
    with r as (select id, row_number() over (order by email) - 1 as k from users where email like 'bench-reviewer-%'),
         a as (select id, row_number() over (order by reference) - 1 as n from applications where call_id = ${call.id})
    insert into review_assignments (application_id, reviewer_id, status, declared_at)
    select a.id, r.id, 'accepted', now()
    from a cross join generate_series(0, ${REVIEWS_PER_APPLICATION - 1}) j
    join r on r.k = (a.n + j * 7) % ${REVIEWERS}`);
  await db.execute(sql`
    insert into reviews (assignment_id, status, recommendation, submitted_at, overall_comment)
    select ra.id, 'submitted', 'maybe', now(), 'Bench review'
    from review_assignments ra join applications a on a.id = ra.application_id where a.call_id = ${call.id}`);
  await db.execute(sql`
    insert into review_scores (review_id, criterion_id, call_id, scale_min, scale_max, score)
    select r.id, c.id, c.call_id, c.scale_min, c.scale_max,
           (abs(hashtext(r.id::text || c.id::text)) % 6)
    from reviews r
    join review_assignments ra on ra.id = r.assignment_id
    join applications a on a.id = ra.application_id
    join criteria c on c.call_id = a.call_id
    where a.call_id = ${call.id}`);
  await db.execute(sql`analyze`);
  const seeded = performance.now() - started;
  const [{ reviews, scores }] = rowsOf<{ reviews: number; scores: number }>(
    await db.execute(sql`select (select count(*) from reviews)::int as reviews, (select count(*) from review_scores)::int as scores`),
  );
  console.log(`[bench] ${kind}: ${APPLICATIONS} applications, ${reviews} reviews, ${scores} scores seeded in ${(seeded / 1000).toFixed(1)} s`);

  const target = { id: call.id, disagreementRange: Number(call.disagreement_range), disagreementStddev: Number(call.disagreement_stddev) };
  const cases: [string, Parameters<typeof rankingQuery>[2]][] = [
    ['ranking, first page (mean desc)', {}],
    ['ranking, sorted by calibrated score', { sort: 'calibrated' }],
    ['ranking, filtered (country SO, flagged), page 3', { country: 'SO', flag: 'flagged', page: 3 }],
  ];
  if (process.env.BENCH_EXPLAIN) {
    const { rankingSql } = await import('@/lib/data/ranking');
    const plan = rowsOf<Record<string, string>>(await db.execute(sql`explain (analyze, buffers off) ${rankingSql(target, {})}`));
    console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
  }
  const timings: Timing[] = [];
  for (const [label, options] of cases) {
    const first = await rankingQuery(db, target, options);
    if (!first.rows.length) throw new Error(`no rows for ${label}`);
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await rankingQuery(db, target, options);
      const used = process.cpuUsage(c0);
      samples.push(performance.now() - t0);
      cpu.push((used.user + used.system) / 1000);
    }
    samples.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const timing = { label, median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1], cpu: cpu[Math.floor(cpu.length / 2)] };
    timings.push(timing);
    // On PGlite the database runs in this process, so its CPU time is the query's own cost,
    // whatever else the machine is doing; on PostgreSQL it is only the client's share.
    const cpuNote = kind === 'pglite' ? `, CPU ${timing.cpu.toFixed(0)} ms` : '';
    console.log(
      `[bench] ${kind}: ${label}: median ${timing.median.toFixed(0)} ms${cpuNote} (min ${timing.min.toFixed(0)}, max ${timing.max.toFixed(0)}, ${RUNS} runs; ${first.total} rows)`,
    );
  }
  await closeDatabase();
  return timings;
}

async function main() {
  const os = await import('node:os');
  console.log(`[bench] machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const postgresUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
  if (process.env.BENCH_ONLY !== 'postgres') await bench('pglite');

  if (postgresUrl) {
    const postgres = (await import('postgres')).default;
    const name = `eoi_bench_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
    const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    try {
      await bench('postgres');
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    console.log('[bench] DATABASE_URL is not set: PostgreSQL skipped.');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
