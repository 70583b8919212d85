/**
 * `npm run test:scale`: EOI Portal as several stateless instances on one PostgreSQL, on
 * real parts: a PostgreSQL server of its own, one production build (with
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY), two `next start` instances sharing AUTH_SECRET,
 * Debian's nginx in front (round robin) and a real SMTP server.
 *
 * 1. load: 500 applicants sign in through nginx (Auth.js's credentials endpoint), their
 *    sessions are checked on both instances directly, then all 500 submit at once through
 *    nginx with the form's server action, plus 20 simultaneous submits of one more draft.
 *    Expected: 501 submitted, 501 receipts, 0 errors, each receipt delivered exactly once
 *    by the two delivery workers together.
 * 2. failover: the same while one instance is killed (SIGKILL) half-way: what was
 *    acknowledged is stored with its receipt, nothing is half-written, the clients that
 *    lost their instance retry through nginx and succeed without duplicates, and the
 *    survivor's worker takes over the dead one's leased mail once the lease runs out.
 * 3. shutdown: SIGTERM during an upload and a mail batch: the upload completes, the
 *    message being sent is sent, the rest of the batch goes back to the queue.
 * 4. cache: a call edited through one instance is fresh on the other (when the build
 *    has Cache Components on).
 *
 * Ports: SCALE_PORT (first instance, default 3610; the others follow), SCALE_NGINX_PORT
 * (8610), SCALE_PG_PORT (55610). SCALE_APPLICANTS (500) sets the size. SCALE_SKIP_BUILD=1
 * with SCALE_DIST_DIR reuses a build made before (CI reuses the one `npm test` made). lib/data modules
 * are server-only, so the script re-runs itself with e2e/scale/server-only.cjs preloaded.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

if (!process.env.EOI_SCALE_CHILD) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const result = spawnSync(process.execPath, ['--require', path.join(here, 'server-only.cjs'), '--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, EOI_SCALE_CHILD: '1' },
  });
  process.exit(result.status ?? 1);
}

const { default: postgres } = await import('postgres');
const cluster = await import('./cluster');
const { Client, Stats, actionResult, callAction, routerStateTree, signIn } = await import('./client');
const { PASSWORD, seed } = await import('./seed');
const { startSmtpServer } = await import('@/lib/test/smtp');
type Applicant = import('./seed').Applicant;
type ClientT = InstanceType<typeof Client>;
type StatsT = InstanceType<typeof Stats>;

const APPLICANTS = Number(process.env.SCALE_APPLICANTS ?? 500);
const DUPLICATES = 20;
const FIRST_PORT = Number(process.env.SCALE_PORT ?? process.env.E2E_PORT ?? 3610);
const NGINX_PORT = Number(process.env.SCALE_NGINX_PORT ?? 8610);
const PG_PORT = Number(process.env.SCALE_PG_PORT ?? 55610);
const LEASE_SECONDS = 4;
const SIGN_IN_CONCURRENCY = 16;

const started = performance.now();
const failures: string[] = [];
let passedChecks = 0;
const figures: ReturnType<StatsT['summary']>[] = [];
const notes: string[] = [];

function check(ok: boolean, message: string) {
  if (!ok) failures.push(message);
  else passedChecks += 1;
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${message}`);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

const tmp = cluster.tempDir('eoi-scale-');
const logDir = path.join(tmp, 'logs');
fs.mkdirSync(logDir);
const reuseBuild = process.env.SCALE_SKIP_BUILD === '1' && fs.existsSync(path.join(cluster.root, cluster.DIST_DIR, 'BUILD_ID'));
// Reusing a build (SCALE_SKIP_BUILD=1: CI, or while developing this test): its own key.
const encryptionKey = reuseBuild
  ? cluster.buildEncryptionKey()
  : (process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? crypto.randomBytes(32).toString('base64'));
const authSecret = crypto.randomBytes(33).toString('base64');
const nginxBase = `http://127.0.0.1:${NGINX_PORT}`;
const ports = [FIRST_PORT + 1, FIRST_PORT + 2, FIRST_PORT + 3];

console.log(`[scale] temp folder ${tmp}`);
const pg = await cluster.startPostgres(PG_PORT, tmp);
const smtp = await startSmtpServer();
const instances: import('./cluster').Instance[] = [];
let nginx: import('./cluster').Nginx | undefined;

// Whatever happens, the PostgreSQL server and the instances do not outlive the test.
process.on('exit', () => {
  for (const instance of instances) instance.kill('SIGKILL');
  pg.stop();
});
process.on('unhandledRejection', (error) => {
  console.error('[scale] unhandled rejection', error);
  process.exit(1);
});

async function cleanup() {
  for (const instance of instances) instance.kill('SIGKILL');
  await nginx?.stop().catch(() => {});
  await smtp.close().catch(() => {});
  pg.stop();
}

function instanceEnv(databaseUrl: string, smtpPort: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '10',
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: 'true',
    APP_URL: nginxBase,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: encryptionKey,
    SEED_DEMO: '0',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'EOI Portal <noreply@scale.example>',
    MAIL_POLL_SECONDS: '0.2',
    MAIL_RETRY_SECONDS: '1',
    MAIL_LEASE_SECONDS: String(LEASE_SECONDS),
    ...extra,
  };
}

async function startPair(databaseUrl: string, tag: string, smtpPort = smtp.port) {
  const pair = [
    cluster.startInstance(`${tag}-a`, ports[0], instanceEnv(databaseUrl, smtpPort), logDir),
    cluster.startInstance(`${tag}-b`, ports[1], instanceEnv(databaseUrl, smtpPort), logDir),
  ];
  instances.push(...pair);
  await Promise.all(pair.map((i) => cluster.waitReady(i)));
  return pair;
}

async function stopInstance(instance: import('./cluster').Instance) {
  instance.process.kill('SIGTERM');
  const exit = await Promise.race([instance.exited, sleep(30_000).then(() => null)]);
  instances.splice(instances.indexOf(instance), 1);
  return exit;
}

/** Every line an instance printed is one JSON object, and none holds a password, a session token or form content. */
function checkLogs(label: string, lines: string[], secrets: string[]) {
  const notJson = lines.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
  check(notJson.length === 0, `${label}: every log line is one JSON object (${lines.length} lines${notJson.length ? `; not JSON: ${notJson.slice(0, 3).join(' | ')}` : ''})`);
  const leaked = secrets.filter((s) => lines.some((line) => line.includes(s)));
  check(leaked.length === 0, `${label}: no password, session token or application content in the logs${leaked.length ? ` (found ${leaked.length})` : ''}`);
}

function mailSentBy(lines: string[]): number {
  let sent = 0;
  for (const line of lines) {
    const msg = (() => {
      try {
        return String((JSON.parse(line) as { msg?: string }).msg ?? '');
      } catch {
        return '';
      }
    })();
    const match = msg.match(/^\[mail\] sent (\d+)/);
    if (match) sent += Number(match[1]);
  }
  return sent;
}

function receivedOutboxIds(server = smtp): string[] {
  return server.received.map((m) => m.raw.match(/^X-EOI-Outbox-Id: *(\S+)/im)?.[1] ?? '');
}

type SubmitAnswer = { ok: boolean; data?: { reference: string; alreadySubmitted: boolean }; error?: string };

/** One applicant's submit, as the form sends it; retried (through nginx) when the instance is lost. */
async function submit(client: ClientT, applicant: Applicant, actionId: string, stats: StatsT, retries: number) {
  const call = {
    path: `/applications/${applicant.applicationId}/edit`,
    actionId,
    tree: routerStateTree([['locale', 'en', 'd'], '(applicant)', 'applications', ['id', applicant.applicationId, 'd'], 'edit']),
    args: [{ applicationId: applicant.applicationId, version: applicant.version }],
  };
  let lastError = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(150 * attempt);
    const t0 = performance.now();
    try {
      const answer = await callAction(client, call);
      if (answer.status !== 200) {
        lastError = `HTTP ${answer.status} from ${answer.headers.get('x-upstream') ?? '?'}`;
        stats.record(answer.ms, false);
        continue;
      }
      const result = actionResult<SubmitAnswer>(answer.text);
      stats.record(answer.ms, result.ok, Buffer.byteLength(answer.text));
      if (!result.ok) return { ok: false as const, error: result.error ?? 'refused', attempts: attempt + 1 };
      return { ok: true as const, reference: result.data!.reference, alreadySubmitted: result.data!.alreadySubmitted, attempts: attempt + 1, upstream: answer.headers.get('x-upstream') ?? '' };
    } catch (error) {
      lastError = (error as Error).message;
      stats.record(performance.now() - t0, false);
    }
  }
  return { ok: false as const, error: lastError, attempts: retries + 1 };
}

async function loadRun(name: 'load' | 'failover') {
  const kill = name === 'failover';
  console.log(`\n[scale] run "${name}": ${APPLICANTS} applicants + ${DUPLICATES} duplicate submits${kill ? ', one instance killed half-way' : ''}`);
  const databaseUrl = await pg.createDatabase(`eoi_scale_${name}`);
  // In the failover run a slower mail server keeps both workers busy until the end, so the
  // instance that is killed certainly holds leased mail.
  const mailServer = kill ? await startSmtpServer({ delayMs: 60 }) : smtp;
  const [a, b] = await startPair(databaseUrl, name, mailServer.port);
  const t0 = performance.now();
  const { applicants } = await seed(databaseUrl, APPLICANTS + 1, `scale-${name}`);
  notes.push(`${name}: ${applicants.length} accounts with complete drafts created in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const actionId = cluster.serverActionId('lib/actions/applications.ts', 'submitApplicationAction');
  const clients = applicants.map(() => new Client(nginxBase));

  // Sign-in, through nginx.
  const signInStats = new Stats(`${name}: sign-in`);
  await pool(applicants, SIGN_IN_CONCURRENCY, async (applicant, i) => {
    await signIn(clients[i], applicant.email, PASSWORD, signInStats).catch((error) => failures.push((error as Error).message));
  });
  signInStats.stop();
  figures.push(signInStats.summary());
  check(signInStats.errors === 0, `${name}: ${applicants.length} applicants signed in through nginx, ${signInStats.errors} errors`);

  // Every session is valid on both instances: each applicant downloads their own document from each, directly.
  const sessionStats = new Stats(`${name}: session on both instances`);
  let sessionsValid = 0;
  await pool(applicants, 32, async (applicant, i) => {
    let valid = 0;
    for (const instance of [a, b]) {
      const answer = await clients[i].at(`http://127.0.0.1:${instance.port}`).request(`/api/applications/${applicant.applicationId}/files/${applicant.slotId}`).catch(() => null);
      const ok = !!answer && answer.status === 200 && crypto.createHash('sha256').update(Buffer.from(answer.text, 'utf8')).digest('hex') === applicant.fileSha256;
      sessionStats.record(answer?.ms ?? 0, ok);
      if (ok) valid += 1;
    }
    if (valid === 2) sessionsValid += 1;
  });
  sessionStats.stop();
  figures.push(sessionStats.summary());
  check(sessionsValid === applicants.length, `${name}: ${sessionsValid} of ${applicants.length} sessions valid on both instances (${sessionStats.requests} authenticated downloads)`);

  // The submits, all at once, through nginx.
  const submitStats = new Stats(`${name}: submit`);
  const loadApplicants = applicants.slice(0, APPLICANTS);
  const duplicate = applicants[APPLICANTS];
  let acknowledged = 0;
  let killedAt: number | null = null;
  let snapshot: { id: string; locked_until: Date; attempts: number }[] = [];
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const retries = kill ? 6 : 0;
  const killer = (async () => {
    if (!kill) return;
    while (acknowledged < APPLICANTS / 2) await sleep(5);
    b.kill('SIGKILL');
    killedAt = performance.now();
    // What was being delivered at that moment: the dead worker's claimed batch stays
    // leased until the lease runs out; the survivor's rows move on.
    snapshot = await sql`select id, locked_until, attempts from outbox where status = 'sending'`;
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from applications where status = 'submitted'`;
    notes.push(`failover: at the kill, ${acknowledged} submits acknowledged, ${n} committed, ${snapshot.length} messages being delivered`);
  })();
  submitStats.restart();
  const [results, duplicates] = await Promise.all([
    Promise.all(
      loadApplicants.map(async (applicant, i) => {
        const result = await submit(clients[i], applicant, actionId, submitStats, retries);
        if (result.ok) acknowledged += 1;
        return result;
      }),
    ),
    Promise.all(Array.from({ length: DUPLICATES }, () => submit(clients[APPLICANTS], duplicate, actionId, submitStats, retries))),
  ]);
  submitStats.stop();
  await killer;
  figures.push(submitStats.summary());

  const failed = [...results, ...duplicates].filter((r) => !r.ok);
  const retried = [...results, ...duplicates].filter((r) => r.attempts > 1).length;
  if (kill) {
    check(killedAt !== null, `failover: instance b killed with SIGKILL after ${APPLICANTS / 2} submissions were acknowledged`);
    check(failed.length === 0, `failover: every client's submit succeeded in the end (${retried} retried through nginx after losing their instance, ${submitStats.errors} failed attempts)`);
    notes.push(`failover: ${submitStats.errors} requests failed when instance b died; ${retried} clients retried and succeeded`);
  } else {
    check(submitStats.errors === 0 && failed.length === 0, `load: ${submitStats.requests} submit requests, ${submitStats.errors} errors${failed.length ? ` (${failed[0].error})` : ''}`);
  }
  const duplicateRefs = new Set(duplicates.filter((d) => d.ok).map((d) => (d as { reference: string }).reference));
  const firstSubmits = duplicates.filter((d) => d.ok && !(d as { alreadySubmitted: boolean }).alreadySubmitted).length;
  check(duplicateRefs.size === 1 && firstSubmits <= 1, `${name}: ${DUPLICATES} simultaneous submits of one draft answered with one reference (${firstSubmits} submitted it, the others found it submitted)`);

  // The database: everything acknowledged is there, once, with its receipt and audit row.
  const ids = applicants.map((x) => x.applicationId);
  const apps = await sql<{ id: string; status: string; reference: string | null; email: string }[]>`
    select a.id, a.status, a.reference, u.email from applications a join users u on u.id = a.created_by where a.id = any(${ids}::uuid[])`;
  const submitted = apps.filter((x) => x.status === 'submitted');
  check(submitted.length === applicants.length, `${name}: ${submitted.length} submitted applications (expected ${applicants.length})`);
  check(new Set(submitted.map((x) => x.reference)).size === submitted.length && submitted.every((x) => x.reference), `${name}: every submitted application has its own reference`);
  const byId = new Map(apps.map((x) => [x.id, x]));
  const mismatched = loadApplicants.filter((x, i) => results[i].ok && byId.get(x.applicationId)?.reference !== (results[i] as { reference: string }).reference);
  check(mismatched.length === 0, `${name}: every acknowledged reference is the one stored`);
  const receipts = await sql<{ to_address: string; n: number }[]>`
    select to_address, count(*)::int as n from outbox where template = 'submissionReceipt' group by to_address`;
  const receiptCount = receipts.reduce((sum, r) => sum + r.n, 0);
  check(receiptCount === applicants.length && receipts.every((r) => r.n === 1), `${name}: ${receiptCount} receipts in the outbox, one per application`);
  const audits = await sql<{ entity_id: string; n: number }[]>`
    select entity_id, count(*)::int as n from audit_log where action = 'application.submitted' group by entity_id`;
  check(audits.length === applicants.length && audits.every((r) => r.n === 1), `${name}: one audit row per submission (${audits.length}), none half-written`);
  const halfWritten = apps.filter((x) => (x.status === 'submitted') !== receipts.some((r) => r.to_address === x.email));
  check(halfWritten.length === 0, `${name}: no application is submitted without its receipt, nor a receipt without its submission`);

  // The mail: every receipt delivered, by the two workers together.
  const deadline = Date.now() + 60_000 + LEASE_SECONDS * 1000;
  let pending = -1;
  while (Date.now() < deadline) {
    [{ pending }] = await sql<{ pending: number }[]>`select count(*)::int as pending from outbox where status <> 'sent'`;
    if (pending === 0) break;
    await sleep(250);
  }
  check(pending === 0, `${name}: every message in the outbox was sent (${pending} not yet)`);
  const outboxIds = new Set((await sql<{ id: string }[]>`select id from outbox`).map((r) => r.id));
  const received = receivedOutboxIds(mailServer).filter((id) => outboxIds.has(id));
  const distinct = new Set(received);
  if (kill) {
    check(distinct.size === outboxIds.size, `failover: the SMTP server received all ${outboxIds.size} messages (${received.length} deliveries)`);
    // The one message the dead worker may have handed to the server just before dying
    // without marking it sent is delivered again, with the same Message-ID.
    check(received.length - distinct.size <= 1, `failover: at most the message in flight at the kill was delivered twice (${received.length - distinct.size})`);
    const orphans = [];
    for (const row of snapshot) {
      const [now] = await sql<{ status: string; attempts: number; sent_at: Date | null }[]>`select status, attempts, sent_at from outbox where id = ${row.id}`;
      if (now && now.attempts > row.attempts && now.sent_at && now.sent_at >= row.locked_until) orphans.push(row.id);
    }
    check(orphans.length > 0, `failover: ${orphans.length} messages leased by the killed instance were taken over by the survivor after the lease (${LEASE_SECONDS} s) and sent`);
    notes.push(`failover: ${orphans.length} leased messages taken over; ${received.length - distinct.size} delivered twice`);
  } else {
    check(received.length === outboxIds.size && distinct.size === outboxIds.size, `load: each of the ${outboxIds.size} messages reached the SMTP server exactly once (${received.length} deliveries)`);
  }
  const sentByA = mailSentBy(a.lines);
  const sentByB = mailSentBy(b.lines);
  notes.push(`${name}: delivery workers sent ${sentByA} (a) + ${sentByB} (b)`);
  if (!kill) check(sentByA > 0 && sentByB > 0 && sentByA + sentByB === outboxIds.size, `load: both delivery workers took part (${sentByA} + ${sentByB})`);
  await sql.end();
  if (mailServer !== smtp) await mailServer.close();

  // Graceful stop of what is left.
  for (const instance of kill ? [a] : [a, b]) {
    const exit = await stopInstance(instance);
    check(exit !== null && exit.code === 143, `${name}: ${instance.name} stopped on SIGTERM (exit ${exit?.code ?? 'timeout'})`);
  }
  if (kill) instances.splice(instances.indexOf(b), 1);
  const sessionTokens = clients.slice(0, 5).map((c) => c.cookieHeader().match(/authjs\.session-token=([^;]+)/)?.[1] ?? '').filter(Boolean);
  checkLogs(`${name}: instance logs`, [...a.lines, ...b.lines], [PASSWORD, ...sessionTokens, 'Flood early warning', 'Early warnings by SMS']);
}

/** SIGTERM while an upload is in flight and a mail batch is claimed. */
async function shutdownRun() {
  console.log('\n[scale] shutdown: SIGTERM during an upload and a mail batch');
  const databaseUrl = await pg.createDatabase('eoi_scale_shutdown');
  const slowSmtp = await startSmtpServer({ delayMs: 1500 });
  const { applicants } = await seed(databaseUrl, 1, 'scale-shutdown');
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  await sql`insert into outbox (to_address, template, subject, text_body, html_body)
            select 'shutdown-' || g || '@scale.example', 'passwordReset', 'Test ' || g, 'Plain', '<p>HTML</p>' from generate_series(1, 10) g`;
  const c = cluster.startInstance('shutdown', ports[2], instanceEnv(databaseUrl, slowSmtp.port, { MAIL_LEASE_SECONDS: '300' }), logDir);
  instances.push(c);
  await cluster.waitReady(c);
  const client = new Client(`http://127.0.0.1:${c.port}`);
  await signIn(client, applicants[0].email, PASSWORD, new Stats('shutdown sign-in'));
  // The worker has claimed its batch and is sending the first message.
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from outbox where status = 'sending'`;
    if (n === 10) break;
    await sleep(50);
  }

  // An upload whose body arrives in two halves, with SIGTERM in between.
  const body = Buffer.concat([Buffer.from('%PDF-1.4\n% shutdown test\n'), Buffer.alloc(1500, 0x20)]);
  const sha = crypto.createHash('sha256').update(body).digest('hex');
  const upload = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: c.port,
        method: 'PUT',
        path: `/api/applications/${applicants[0].applicationId}/files/${applicants[0].slotId}`,
        headers: { cookie: client.cookieHeader(), 'content-type': 'application/pdf', 'content-length': body.length, 'x-file-name': 'late.pdf' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.write(body.subarray(0, 700));
    setTimeout(() => {
      c.process.kill('SIGTERM');
      setTimeout(() => request.end(body.subarray(700)), 1000);
    }, 300);
  });
  const answer = await upload.catch((error: Error) => ({ status: 0, text: error.message }));
  check(answer.status === 200 || answer.status === 201, `shutdown: the upload in flight when SIGTERM arrived completed (HTTP ${answer.status})`);
  const exit = await Promise.race([c.exited, sleep(30_000).then(() => null)]);
  instances.splice(instances.indexOf(c), 1);
  check(exit?.code === 143, `shutdown: the instance exited once its work was done (exit ${exit?.code ?? 'timeout'})`);
  const [file] = await sql<{ sha256: string }[]>`select sha256 from application_files where application_id = ${applicants[0].applicationId}`;
  check(file?.sha256 === sha, 'shutdown: the uploaded file is stored whole');
  const states = await sql<{ status: string; attempts: number; n: number }[]>`
    select status, attempts, count(*)::int as n from outbox where to_address like 'shutdown-%' group by status, attempts order by status`;
  const sent = states.filter((s) => s.status === 'sent').reduce((x, s) => x + s.n, 0);
  const givenBack = states.filter((s) => s.status === 'pending' && s.attempts === 0).reduce((x, s) => x + s.n, 0);
  const sending = states.filter((s) => s.status === 'sending').reduce((x, s) => x + s.n, 0);
  check(sent >= 1 && sent <= 2 && givenBack === 10 - sent && sending === 0, `shutdown: the message being sent was sent (${sent}), the rest of the batch given back to the queue (${givenBack}), none left leased (${sending})`);
  check(slowSmtp.received.length === sent, `shutdown: the SMTP server received exactly the messages marked sent (${slowSmtp.received.length})`);
  checkLogs('shutdown: instance log', c.lines, [PASSWORD]);
  await sql.end();
  await slowSmtp.close();
}

/** Whether this build caches pages and data (Cache Components), read from the build itself. */
function buildCaches(): boolean {
  try {
    const files = JSON.parse(fs.readFileSync(path.join(cluster.root, cluster.DIST_DIR, 'required-server-files.json'), 'utf8'));
    return Boolean(files.config?.cacheComponents);
  } catch {
    return false;
  }
}

/** A call edited through one instance is shown fresh by the other on its next request. */
async function cacheRun() {
  const caching = buildCaches();
  console.log(`\n[scale] cache: a call edited through one instance, read through the other (Cache Components ${caching ? 'on' : 'off'})`);
  const databaseUrl = await pg.createDatabase('eoi_scale_cache');
  const [a, b] = await startPair(databaseUrl, 'cache');
  const { seedAdminAndCall, callEditorInput } = await import('./seed');
  const { callId, slug, title, adminEmail } = await seedAdminAndCall(databaseUrl);
  const visitorA = new Client(`http://127.0.0.1:${a.port}`);
  const visitorB = new Client(`http://127.0.0.1:${b.port}`);
  const page = `/calls/${slug}`;
  // Both instances have rendered (and, with Cache Components, cached) the public page.
  for (const visitor of [visitorA, visitorB, visitorA, visitorB]) {
    const answer = await visitor.request(page);
    if (answer.status !== 200 || !answer.text.includes(title)) throw new Error(`the call page did not show the call on ${visitor.base}: ${answer.status}`);
  }
  const admin = new Client(`http://127.0.0.1:${a.port}`);
  await signIn(admin, adminEmail, PASSWORD, new Stats('cache sign-in'));
  const newTitle = `${title} (edited ${crypto.randomBytes(3).toString('hex')})`;
  const input = { ...(await callEditorInput(databaseUrl, adminEmail, callId)), title: newTitle };
  const answer = await callAction(admin, {
    path: `/admin/calls/${callId}/edit`,
    actionId: cluster.serverActionId('lib/actions/calls.ts', 'saveCallAction'),
    tree: routerStateTree([['locale', 'en', 'd'], 'admin', 'calls', ['id', callId, 'd'], 'edit']),
    args: [input],
  });
  const saved = answer.status === 200 ? actionResult<{ ok: boolean; error?: string; fieldErrors?: unknown }>(answer.text) : { ok: false, error: `HTTP ${answer.status}` };
  check(saved.ok, `cache: the admin saved the call through instance a${saved.ok ? '' : ` (${saved.error} ${JSON.stringify((saved as { fieldErrors?: unknown }).fieldErrors ?? '')})`}`);
  const t0 = performance.now();
  const onB = await visitorB.request(page);
  const fresh = onB.text.includes(newTitle);
  check(fresh, `cache: instance b shows the new title on its next request (${Math.round(performance.now() - t0)} ms after the save)`);
  const onA = await visitorA.request(page);
  check(onA.text.includes(newTitle), 'cache: instance a shows the new title too');
  if (!caching) notes.push('cache: this build has Cache Components off, so every page is rendered per request and the check cannot fail yet');
  for (const instance of [a, b]) await stopInstance(instance);
  checkLogs('cache: instance logs', [...a.lines, ...b.lines], [PASSWORD]);
}

let exitCode = 1;
try {
  const buildStarted = performance.now();
  if (reuseBuild) {
    notes.push('build: reused (SCALE_SKIP_BUILD=1)');
  } else {
    console.log('[scale] building (one build for every instance)…');
    cluster.buildApp(encryptionKey);
    notes.push(`build: ${((performance.now() - buildStarted) / 1000).toFixed(0)} s`);
  }
  nginx = await cluster.startNginx(NGINX_PORT, ports.slice(0, 2), tmp);
  // SCALE_ONLY=cache,shutdown runs some phases only (while working on this test).
  const only = new Set((process.env.SCALE_ONLY ?? 'load,failover,shutdown,cache').split(','));
  if (only.has('load')) await loadRun('load');
  if (only.has('failover')) await loadRun('failover');
  if (only.has('shutdown')) await shutdownRun();
  if (only.has('cache')) await cacheRun();
  exitCode = failures.length ? 1 : 0;
} catch (error) {
  failures.push(`crashed: ${(error as Error).stack ?? error}`);
  console.error(error);
} finally {
  await cleanup();
}

console.log('\n[scale] figures (durations in seconds, latencies in milliseconds)');
console.table(figures);
for (const note of notes) console.log(`[scale] ${note}`);
console.log(`[scale] total ${((performance.now() - started) / 1000).toFixed(0)} s; logs in ${logDir}`);
const passed = failures.length === 0;
if (!passed) console.log(`[scale] FAILED:\n  ${failures.join('\n  ')}`);
console.log(`scale: ${passedChecks} passed, ${failures.length} failed`);
process.exit(passed ? exitCode : 1);
