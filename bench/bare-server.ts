/**
 * The reference for autosave and submit: a bare `node:http` + postgres.js server doing what
 * the app's server actions do, and nothing else.
 *
 * It takes the very request the browser sends to the app (a POST with a `Next-Action`
 * header and the JSON arguments as body) and, like the action:
 *   1. validates the body with the app's own zod schemas (lib/validations/application.ts);
 *   2. authenticates: decrypts the Auth.js session cookie (the same JWE, the same secret, its
 *      payload remembered as the app does: lib/auth/cookie-payload.ts) and
 *      re-reads the user with their roles in one indexed query (disabled, or an older
 *      session version, is signed out), then checks the permission (lib/authz);
 *   3. runs the same statements in one transaction: lock the application for a member,
 *      read the call's rules, check version, status and the deadline (lib/calls/phase),
 *      autosave: the choices against the call's lists, then the update;
 *      submit: the files, every completeness rule (applicationIssues), the reference from
 *      the sequence, the update, the organisation, the receipt queued in the outbox and the
 *      audit row;
 *   4. answers with the data as JSON.
 * One thing it does not do in the request: write the receipt's e-mail. It queues the
 * message's data as its text, with empty subject and HTML, so its outbox rows are never
 * delivered (the benchmark's database has no SMTP). The app writes the message's content,
 * subject and plain text in the request and leaves its HTML to the mail worker
 * (lib/mail/outbox.ts).
 *
 * Environment: DATABASE_URL, AUTH_SECRET, PORT, BARE_ACTIONS (JSON: {"autosave": id, "submit": id}).
 */
import http from 'node:http';
import postgres from 'postgres';
import { decodeSessionCookie } from '@/lib/auth/cookie-payload';
import { can, type Actor } from '@/lib/authz';
import { acceptsApplications } from '@/lib/calls/phase';
import {
  applicationIssues,
  saveApplicationDraftSchema,
  submitApplicationSchema,
  type ApplicationDraftValues,
} from '@/lib/validations/application';
import { issue } from '@/lib/validations/zod';
import type { Role } from '@/db/schema/auth';

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
const secret = process.env.AUTH_SECRET!;
const actions = JSON.parse(process.env.BARE_ACTIONS ?? '{}') as { autosave?: string; submit?: string };

class Refusal extends Error {
  constructor(
    readonly key: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(key);
  }
}

type User = Actor & { email: string; name: string | null; locale: string | null };

function cookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return out;
}

/** The session cookie, decrypted and checked against the user's current row (as lib/auth/session.ts). */
async function sessionUser(cookieHeader: string | undefined): Promise<User | null> {
  const jar = cookies(cookieHeader);
  for (const name of ['__Secure-authjs.session-token', 'authjs.session-token']) {
    const token = jar.get(name);
    if (!token) continue;
    const payload = await decodeSessionCookie(token, secret, name);
    if (!payload?.uid) return null;
    const rows = await sql<{ id: string; email: string; name: string | null; locale: string | null; session_version: number; disabled_at: Date | null; role: Role | null }[]>`
      select u.id, u.email, u.name, u.locale, u.session_version, u.disabled_at, r.role
      from users u left join user_roles r on r.user_id = u.id
      where u.id = ${payload.uid}`;
    const [first] = rows;
    if (!first || first.disabled_at || first.session_version !== (payload.sv ?? 0)) return null;
    return { id: first.id, email: first.email, name: first.name, locale: first.locale, roles: rows.flatMap((r) => (r.role ? [r.role] : [])) };
  }
  return null;
}

type Tx = postgres.TransactionSql;

/** The application, locked, if the user belongs to its organisation (lib/data/applications.ts lockForMember). */
async function lockForMember(tx: Tx, user: User, applicationId: string) {
  const [app] = await tx`
    select a.* from applications a
    join organisation_members m on m.organisation_id = a.organisation_id and m.user_id = ${user.id}
    where a.id = ${applicationId}
    for update of a`;
  if (!app) throw new Refusal('notFound');
  return app;
}

/** The call with everything an application to it must satisfy (lib/data/applications.ts callRules). */
async function callRules(tx: Tx, callId: string) {
  const [call] = await tx`
    select id, slug, title, status, opens_at, closes_at, time_zone, currency, min_budget, max_budget from calls where id = ${callId}`;
  if (!call) throw new Refusal('notFound');
  const [countries, themes, requirements, slots] = await Promise.all([
    tx`select country_code from call_countries where call_id = ${callId} order by country_code`,
    tx`select theme from call_themes where call_id = ${callId} order by theme`,
    tx`select id, statement, required from eligibility_requirements where call_id = ${callId} order by position`,
    tx`select id, name, description, required, accepted_types, max_size_bytes from document_slots where call_id = ${callId} order by position`,
  ]);
  return {
    call,
    open: acceptsApplications({ status: call.status, opensAt: call.opens_at, closesAt: call.closes_at }),
    countries: countries.map((c) => c.country_code as string),
    themes: themes.map((t) => t.theme as string),
    minBudget: call.min_budget === null ? null : Number(call.min_budget),
    maxBudget: call.max_budget === null ? null : Number(call.max_budget),
    currency: call.currency as string,
    requirements: requirements.map((r) => ({ id: r.id as string, required: r.required as boolean })),
    slots: slots.map((s) => ({ id: s.id as string, required: s.required as boolean })),
  };
}

function draftValuesOf(app: postgres.Row): ApplicationDraftValues {
  const content = app.content as ApplicationDraftValues;
  return {
    ...content,
    title: app.title,
    countries: app.countries,
    themes: app.themes,
    requestedAmount: app.requested_amount === null ? (content.requestedAmount ?? null) : Number(app.requested_amount),
    peopleToReach: app.people_to_reach ?? content.peopleToReach ?? null,
  };
}

function storedValuesOf(draft: ApplicationDraftValues) {
  const { title, countries, themes, requestedAmount, peopleToReach, ...rest } = draft;
  const fits = (n: number | null | undefined, max: number) => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= max ? n : null);
  const amount = fits(requestedAmount, Number.MAX_SAFE_INTEGER);
  const people = fits(peopleToReach, 2_147_483_647);
  const content: Record<string, unknown> = { ...rest };
  if (amount === null && requestedAmount != null) content.requestedAmount = requestedAmount;
  if (people === null && peopleToReach != null) content.peopleToReach = peopleToReach;
  return { title: title ?? '', countries: [...new Set(countries ?? [])], themes: [...new Set(themes ?? [])], amount, people, content };
}

async function autosave(user: User, input: ReturnType<typeof saveApplicationDraftSchema.parse>) {
  return sql.begin(async (tx) => {
    const app = await lockForMember(tx, user, input.applicationId);
    if (app.version !== input.version) throw new Refusal('staleVersion', { version: ['staleVersion'] });
    if (app.status !== 'draft') throw new Refusal('notDraft');
    const rules = await callRules(tx, app.call_id);
    if (!rules.open) throw new Refusal('callClosed');
    const fieldErrors: Record<string, string[]> = {};
    const outside = (input.draft.countries ?? []).filter((c) => !rules.countries.includes(c));
    if (outside.length) fieldErrors.countries = [issue('countryNotInCall', { countries: outside.join(', ') })];
    if (rules.themes.length && (input.draft.themes ?? []).some((t) => !rules.themes.includes(t))) fieldErrors.themes = ['themeNotInCall'];
    const known = new Set(rules.requirements.map((r) => r.id));
    if (Object.keys(input.draft.declarations ?? {}).some((id) => !known.has(id))) fieldErrors.declarations = ['invalid'];
    if (Object.keys(fieldErrors).length) throw new Refusal('invalidInput', fieldErrors);
    const stored = storedValuesOf(input.draft);
    const [saved] = await tx`
      update applications set title = ${stored.title}, countries = ${tx.array(stored.countries)}::text[], themes = ${tx.array(stored.themes)}::text[],
        requested_amount = ${stored.amount}, people_to_reach = ${stored.people}, content = ${JSON.stringify(stored.content)}::jsonb,
        version = version + 1, updated_at = ${new Date()}
      where id = ${app.id} and version = ${input.version} and status = 'draft'
      returning version, updated_at`;
    if (!saved) throw new Refusal('staleVersion', { version: ['staleVersion'] });
    return { version: saved.version, savedAt: saved.updated_at };
  });
}

function yearIn(now: Date, timeZone: string): number {
  try {
    return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(now));
  } catch {
    return now.getUTCFullYear();
  }
}

async function submit(user: User, input: ReturnType<typeof submitApplicationSchema.parse>) {
  const now = new Date();
  return sql.begin(async (tx) => {
    const app = await lockForMember(tx, user, input.applicationId);
    if (app.status === 'submitted' && app.reference && app.submitted_at) {
      return { reference: app.reference, submittedAt: app.submitted_at, version: app.version, alreadySubmitted: true };
    }
    const rules = await callRules(tx, app.call_id);
    if (!rules.open) throw new Refusal('callClosed');
    if (app.status !== 'draft') throw new Refusal('notDraft');
    if (app.version !== input.version) throw new Refusal('staleVersion', { version: ['staleVersion'] });
    const files = await tx`
      select id, slot_id, file_name, content_type, size, sha256, uploaded_at from application_files
      where application_id = ${app.id} order by uploaded_at`;
    const issues = applicationIssues(draftValuesOf(app), rules, files.map((f) => f.slot_id as string));
    if (issues.length) throw new Refusal('incomplete');
    let reference = app.reference as string | null;
    if (!reference) {
      const [{ n }] = await tx`select nextval('application_reference_seq') as n`;
      reference = `EOI-${yearIn(now, rules.call.time_zone)}-${String(n).padStart(4, '0')}`;
    }
    const [submitted] = await tx`
      update applications set status = 'submitted', reference = ${reference}, submitted_at = ${now}, withdrawn_at = null,
        version = version + 1, updated_at = ${now}
      where id = ${app.id} and status = 'draft' and version = ${input.version}
      returning version`;
    if (!submitted) throw new Refusal('staleVersion', { version: ['staleVersion'] });
    const [org] = await tx`select * from organisations where id = ${app.organisation_id}`;
    const receipt = JSON.stringify({
      organisation: org.legal_name,
      callTitle: rules.call.title,
      reference,
      projectTitle: app.title,
      submittedAt: now,
      closes: { at: rules.call.closes_at, timeZone: rules.call.time_zone },
      requestedAmount: app.requested_amount,
      currency: rules.call.currency,
      countries: app.countries,
    });
    const queue = (to: string, toUserId: string | null) => tx`
      insert into outbox (to_address, to_user_id, template, subject, text_body, html_body)
      values (${to}, ${toUserId}, 'submissionReceipt', '', ${receipt}, '')
      on conflict (dedupe_key) do nothing`;
    await queue(user.email, user.id);
    if (org.contact_email && String(org.contact_email).toLowerCase() !== user.email) await queue(org.contact_email, null);
    await tx`
      insert into audit_log (actor_id, actor_email, action, entity_type, entity_id, before, after)
      values (${user.id}, ${user.email}, 'application.submitted', 'application', ${input.applicationId},
        ${JSON.stringify({ status: 'draft', version: input.version })}::jsonb,
        ${JSON.stringify({ status: 'submitted', reference, version: submitted.version })}::jsonb)`;
    return { reference, submittedAt: now, version: submitted.version, alreadySubmitted: false };
  });
}

const handlers = new Map<string, (raw: unknown, cookie: string | undefined) => Promise<unknown>>();

function register<S extends typeof saveApplicationDraftSchema | typeof submitApplicationSchema>(
  id: string | undefined,
  schema: S,
  body: (user: User, input: ReturnType<S['parse']>) => Promise<unknown>,
) {
  if (!id) return;
  handlers.set(id, async (raw, cookie) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const i of parsed.error.issues) (fieldErrors[i.path.map(String).join('.')] ??= []).push(i.message);
      return { ok: false, error: 'invalidInput', fieldErrors };
    }
    const user = await sessionUser(cookie);
    if (!user) return { ok: false, error: 'unauthenticated' };
    if (!can(user, 'application:edit')) return { ok: false, error: 'forbidden' };
    try {
      return { ok: true, data: await body(user, parsed.data as ReturnType<S['parse']>) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.key, fieldErrors: error.fieldErrors };
      throw error;
    }
  });
}

register(actions.autosave, saveApplicationDraftSchema, autosave);
register(actions.submit, submitApplicationSchema, submit);

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  const handler = handlers.get(String(request.headers['next-action'] ?? ''));
  if (request.method !== 'POST' || !handler) {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > 1024 * 1024) request.destroy();
    else chunks.push(chunk);
  });
  request.on('end', async () => {
    try {
      const args = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
      const result = await handler(Array.isArray(args) ? args[0] : undefined, request.headers.cookie);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (error) {
      console.error('[bare] unexpected failure', error);
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'unexpected' }));
    }
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT ?? 3711), '127.0.0.1', () => console.log(`[bare] listening on ${process.env.PORT}`));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    void sql.end({ timeout: 5 }).finally(() => process.exit(0));
  });
}
