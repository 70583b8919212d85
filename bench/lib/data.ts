/**
 * The benchmark's own data, added to the demo data in a throwaway database: an applicant
 * who belongs to many organisations, each with a complete draft to the demo's open call
 * (files uploaded), for autosave and submit; and calls in review with N submitted
 * applications, 3 submitted reviews each on 4 criteria, for the ranking.
 *
 * Runs in the benchmark's process through the app's own `db` (PGlite or PostgreSQL), with
 * plain SQL so that 10,000 applications take seconds, not minutes.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import type { ApplicationDraftValues } from '@/lib/validations/application';

export const OPEN_CALL_SLUG = 'diaspora-climate-resilience-2027';
export const PUBLISHED_CALL_SLUG = 'diaspora-covid-recovery-2022';
export const DEMO_PASSWORD = 'eoi-demo-2026';
export const ADMIN_EMAIL = 'admin@example.org';
export const BENCH_APPLICANT_EMAIL = 'bench-applicant@example.test';
export const DEMO_APPLICANT_EMAIL = 'applicant@example.org';

const REVIEWERS = 60;
export const REVIEWS_PER_APPLICATION = 3;

export type RankingCall = { size: number; id: string; disagreementRange: number; disagreementStddev: number };

export type BenchData = {
  openCallId: string;
  /** The open call's eligibility requirements: the keys of a draft's declarations. */
  requirementIds: string[];
  /** Complete drafts (version 1) of the bench applicant, by purpose. */
  drafts: { capture: string; probe: { autosave: string; submit: string }; autosave: string[]; submit: string[] };
  /** The demo applicant's own complete draft to the open call (one organisation, as a real applicant): the form page that is weighed. */
  demoDraft: string;
  rankingCalls: RankingCall[];
};

const WORDS =
  'community flood drought heat resilience livelihoods diaspora partners training households water storage early warning local market seeds cooperative women youth volunteers monitoring village district mobile savings shelter repair maintenance committee'.split(
    ' ',
  );

/** Deterministic prose of about `length` characters. */
function prose(seed: number, length: number): string {
  const out: string[] = [];
  let n = seed;
  let size = 0;
  while (size < length) {
    n = (n * 1103515245 + 12345) % 2147483648;
    const word = WORDS[n % WORDS.length];
    out.push(word);
    size += word.length + 1;
  }
  return `${out.join(' ').slice(0, length - 1)}.`;
}

/**
 * A complete draft as the form holds it (every step filled, about 7 KB of JSON): what a
 * browser sends with every autosave, and what the submit checks.
 */
export function completeDraft(requirementIds: string[], title: string): ApplicationDraftValues {
  return {
    title,
    countries: ['SN', 'HT'],
    themes: ['climate', 'livelihoods'],
    summary: prose(1, 700),
    objectives: prose(2, 1400),
    activities: prose(3, 2400),
    targetPopulation: prose(4, 500),
    peopleToReach: 12_000,
    localPartners: [
      { name: 'Association des femmes de Podor', country: 'SN', role: prose(5, 180) },
      { name: 'Kolektif Dlo Pwòp Jacmel', country: 'HT', role: prose(6, 180) },
    ],
    risks: [
      { risk: prose(7, 120), mitigation: prose(8, 240) },
      { risk: prose(9, 120), mitigation: prose(10, 240) },
      { risk: prose(11, 120), mitigation: prose(12, 240) },
    ],
    durationMonths: 12,
    requestedAmount: 90_000,
    budgetLines: [
      { label: 'Community works and materials', amount: 40_000 },
      { label: 'Training and early-warning drills', amount: 20_000 },
      { label: 'Local partners', amount: 15_000 },
      { label: 'Staff and coordination', amount: 10_000 },
      { label: 'Monitoring and evaluation', amount: 5_000 },
    ],
    declarations: Object.fromEntries(requirementIds.map((id) => [id, true])),
  };
}

async function exec<T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** The open call's requirement ids, in order (the keys of a draft's declarations). */
export async function openCallRequirements(): Promise<{ callId: string; requirementIds: string[] }> {
  const [call] = await exec<{ id: string }>(sql`select id from calls where slug = ${OPEN_CALL_SLUG}`);
  if (!call) throw new Error(`the demo's open call (${OPEN_CALL_SLUG}) is missing: was the demo data loaded?`);
  const requirements = await exec<{ id: string }>(sql`select id from eligibility_requirements where call_id = ${call.id} order by position`);
  return { callId: call.id, requirementIds: requirements.map((r) => r.id) };
}

/** The bench applicant (the demo password), member of `count` organisations, each with a complete draft to the open call. */
async function seedDrafts(count: number): Promise<{ callId: string; requirementIds: string[]; ids: string[] }> {
  const { callId, requirementIds } = await openCallRequirements();
  const [demo] = await exec<{ password_hash: string }>(sql`select password_hash from users where email = 'applicant@example.org'`);
  if (!demo) throw new Error('the demo applicant is missing: was the demo data loaded?');
  await exec(sql`
    insert into users (email, name, password_hash, email_verified)
    values (${BENCH_APPLICANT_EMAIL}, 'Bench Applicant', ${demo.password_hash}, now())
    on conflict do nothing`);
  const [user] = await exec<{ id: string }>(sql`select id from users where email = ${BENCH_APPLICANT_EMAIL}`);
  await exec(sql`insert into user_roles (user_id, role) values (${user.id}, 'applicant') on conflict do nothing`);

  const run = crypto.randomBytes(3).toString('hex');
  const prefix = `Bench applicant organisation ${run} `;
  await exec(sql`
    insert into organisations (legal_name, country_of_registration, created_by)
    select ${prefix} || lpad(g::text, 5, '0'), 'FR', ${user.id} from generate_series(1, ${count}) g`);
  await exec(sql`
    insert into organisation_members (organisation_id, user_id, role)
    select id, ${user.id}, 'owner' from organisations where legal_name like ${`${prefix}%`}`);

  const draft = completeDraft(requirementIds, 'Flood-ready villages');
  const { title, countries, themes, requestedAmount, peopleToReach, ...content } = draft;
  await exec(sql`
    insert into applications (call_id, organisation_id, title, countries, themes, requested_amount, people_to_reach, content, created_by)
    select ${callId}, o.id, ${title} || ' ' || right(o.legal_name, 5),
           ${sql.raw(`array[${countries!.map((c) => `'${c}'`).join(',')}]::text[]`)},
           ${sql.raw(`array[${themes!.map((t) => `'${t}'`).join(',')}]::text[]`)},
           ${requestedAmount}, ${peopleToReach}, ${JSON.stringify(content)}::jsonb, ${user.id}
    from organisations o where o.legal_name like ${`${prefix}%`}`);
  // The required documents, so that a submit passes every check.
  await exec(sql`
    insert into application_files (application_id, slot_id, file_name, content_type, size, sha256, content, uploaded_by)
    select a.id, s.id, 'document-' || s.position || '.pdf', 'application/pdf', 9,
           'f0e4c2f76c58916ec258f246851bea091d14d4247a2fc3e18694461b1816e13b', '\\x255044462d312e340a'::bytea, ${user.id}
    from applications a join organisations o on o.id = a.organisation_id
    join document_slots s on s.call_id = a.call_id and s.required
    where o.legal_name like ${`${prefix}%`}`);
  const apps = await exec<{ id: string }>(sql`
    select a.id from applications a join organisations o on o.id = a.organisation_id
    where o.legal_name like ${`${prefix}%`} order by o.legal_name`);
  return { callId, requirementIds, ids: apps.map((a) => a.id) };
}

/** A complete draft of the demo applicant's organisation to the open call, with its required files. */
async function seedDemoApplicantDraft(callId: string, requirementIds: string[]): Promise<string> {
  const [member] = await exec<{ user_id: string; organisation_id: string }>(sql`
    select m.user_id, m.organisation_id from organisation_members m join users u on u.id = m.user_id
    where u.email = ${DEMO_APPLICANT_EMAIL} order by m.joined_at limit 1`);
  if (!member) throw new Error('the demo applicant has no organisation: was the demo data loaded?');
  const { title, countries, themes, requestedAmount, peopleToReach, ...content } = completeDraft(requirementIds, 'Flood-ready villages of the Artibonite');
  await exec(sql`
    insert into applications (call_id, organisation_id, title, countries, themes, requested_amount, people_to_reach, content, created_by)
    values (${callId}, ${member.organisation_id}, ${title},
            ${sql.raw(`array[${countries!.map((c) => `'${c}'`).join(',')}]::text[]`)},
            ${sql.raw(`array[${themes!.map((t) => `'${t}'`).join(',')}]::text[]`)},
            ${requestedAmount}, ${peopleToReach}, ${JSON.stringify(content)}::jsonb, ${member.user_id})
    on conflict do nothing`);
  const [app] = await exec<{ id: string }>(sql`select id from applications where call_id = ${callId} and organisation_id = ${member.organisation_id}`);
  await exec(sql`
    insert into application_files (application_id, slot_id, file_name, content_type, size, sha256, content, uploaded_by)
    select ${app.id}, s.id, 'document-' || s.position || '.pdf', 'application/pdf', 9,
           'f0e4c2f76c58916ec258f246851bea091d14d4247a2fc3e18694461b1816e13b', '\\x255044462d312e340a'::bytea, ${member.user_id}
    from document_slots s where s.call_id = ${callId} and s.required
    on conflict do nothing`);
  return app.id;
}

/** A call in review with `size` submitted applications, 3 submitted reviews each, 4 criteria (the old ranking benchmark's data). */
async function seedRankingCall(size: number, index: number): Promise<RankingCall> {
  const slug = `bench-ranking-${size}`;
  // Years 2900+ keep these references apart from the demo's and from each other.
  const year = 2900 + index;
  const [call] = await exec<{ id: string; disagreement_range: string; disagreement_stddev: string }>(sql`
    insert into calls (slug, title, status, opens_at, closes_at, reviewers_per_application)
    values (${slug}, ${`Benchmark call, ${size} applications`}, 'in_review', now() - interval '40 days', now() - interval '1 day', ${REVIEWS_PER_APPLICATION})
    returning id, disagreement_range, disagreement_stddev`);
  await exec(sql`insert into call_countries (call_id, country_code) values (${call.id}, 'SO'), (${call.id}, 'ET'), (${call.id}, 'SD')`);
  await exec(sql`insert into call_themes (call_id, theme) values (${call.id}, 'health'), (${call.id}, 'education')`);
  await exec(sql`
    insert into criteria (call_id, position, name, weight, scale_min, scale_max)
    values (${call.id}, 0, 'Impact', 40, 0, 5), (${call.id}, 1, 'Team', 30, 0, 5),
           (${call.id}, 2, 'Feasibility', 20, 0, 5), (${call.id}, 3, 'Cost', 10, 0, 5)`);
  await exec(sql`
    insert into users (email, name)
    select 'bench-reviewer-' || g || '@example.test', 'Reviewer ' || g from generate_series(1, ${REVIEWERS}) g
    on conflict do nothing`);
  await exec(sql`
    insert into user_roles (user_id, role) select id, 'reviewer' from users where email like 'bench-reviewer-%' on conflict do nothing`);
  const orgPrefix = `Bench ranking ${size} organisation `;
  await exec(sql`
    insert into organisations (legal_name, country_of_registration)
    select ${orgPrefix} || lpad(g::text, 6, '0'), 'FR' from generate_series(1, ${size}) g`);
  await exec(sql`
    insert into applications (call_id, organisation_id, reference, status, title, countries, themes, eligibility, submitted_at)
    select ${call.id}, o.id, ${`EOI-${year}-`} || lpad(o.n::text, 5, '0'), 'submitted', 'Bench project ' || o.n,
           array[(array['SO','ET','SD'])[1 + o.n % 3]], array[(array['health','education'])[1 + o.n % 2]], 'eligible', now() - interval '2 days'
    from (select id, row_number() over (order by legal_name) as n from organisations where legal_name like ${`${orgPrefix}%`}) o`);
  await exec(sql`
    with r as (select id, row_number() over (order by email) - 1 as k from users where email like 'bench-reviewer-%'),
         a as (select id, row_number() over (order by reference) - 1 as n from applications where call_id = ${call.id})
    insert into review_assignments (application_id, reviewer_id, status, declared_at)
    select a.id, r.id, 'accepted', now()
    from a cross join generate_series(0, ${REVIEWS_PER_APPLICATION - 1}) j
    join r on r.k = (a.n + j * 7) % ${REVIEWERS}`);
  await exec(sql`
    insert into reviews (assignment_id, status, recommendation, submitted_at, overall_comment)
    select ra.id, 'submitted', 'maybe', now(), 'Bench review'
    from review_assignments ra join applications a on a.id = ra.application_id where a.call_id = ${call.id}`);
  await exec(sql`
    insert into review_scores (review_id, criterion_id, call_id, scale_min, scale_max, score)
    select r.id, c.id, c.call_id, c.scale_min, c.scale_max, (abs(hashtext(r.id::text || c.id::text)) % 6)
    from reviews r
    join review_assignments ra on ra.id = r.assignment_id
    join applications a on a.id = ra.application_id
    join criteria c on c.call_id = a.call_id
    where a.call_id = ${call.id}`);
  return { size, id: call.id, disagreementRange: Number(call.disagreement_range), disagreementStddev: Number(call.disagreement_stddev) };
}

/** Everything the run needs, added to a database that already holds the demo data. */
export async function seedBenchData(options: { rankingSizes: number[]; autosaveDrafts: number; submitDrafts: number }): Promise<BenchData> {
  const { callId, requirementIds, ids } = await seedDrafts(3 + options.autosaveDrafts + options.submitDrafts);
  const demoDraft = await seedDemoApplicantDraft(callId, requirementIds);
  const rankingCalls: RankingCall[] = [];
  for (const [index, size] of options.rankingSizes.entries()) rankingCalls.push(await seedRankingCall(size, index));
  await exec(sql`analyze`);
  return {
    openCallId: callId,
    requirementIds,
    drafts: {
      capture: ids[0],
      probe: { autosave: ids[1], submit: ids[2] },
      autosave: ids.slice(3, 3 + options.autosaveDrafts),
      submit: ids.slice(3 + options.autosaveDrafts),
    },
    demoDraft,
    rankingCalls,
  };
}

/** How many of these drafts were saved (versions added) and submitted: checks that the load really did the work. */
export async function draftOutcome(ids: string[]): Promise<{ saves: number; submitted: number }> {
  if (!ids.length) return { saves: 0, submitted: 0 };
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const [row] = await exec<{ saves: number | string; submitted: number | string }>(sql`
    select coalesce(sum(version - 1), 0)::int as saves, count(*) filter (where status = 'submitted')::int as submitted
    from applications where id in (${list})`);
  return { saves: Number(row.saves), submitted: Number(row.submitted) };
}
