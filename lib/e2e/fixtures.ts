import 'server-only';
import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { applications, awards, calls, decisions, organisationMembers, organisations, reportingPeriods, userRoles, users } from '@/db/schema';
import { nextReference } from '@/lib/data/applications/internal';
import { rankingQuery } from '@/lib/data/internal/ranking-sql';
import { publishResults } from '@/lib/data/selection';
import { insertReviewCall, reviewProjectTitles } from '@/db/seed';
import { FICTIONAL } from '@/db/seed-data';
import { applicantOrganisation, fictionalOrganisations } from '@/db/seed-fictional';
import { writeAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import type { Transaction } from '@/db';
import { z } from '@/lib/validations/zod';

/**
 * What the end-to-end tests create for themselves through app/api/e2e/fixtures (guarded:
 * lib/e2e/guard.ts), so that no spec changes the demo data another spec reads. Every name
 * carries a fresh tag, so fixtures of tests running at the same time never meet.
 */
export const E2E_FIXTURE_PASSWORD = 'e2e fixture password 2026';

const role = z.enum(['applicant', 'reviewer', 'admin']);
export const e2eFixtureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), roles: z.array(role).min(1).max(3), name: z.string().min(1).max(100).optional() }),
  z.strictObject({ kind: z.literal('review-call') }),
  z.strictObject({ kind: z.literal('awards-call') }),
  z.strictObject({ kind: z.literal('reporting') }),
]);
export type E2eFixtureRequest = z.infer<typeof e2eFixtureSchema>;

export type E2eUser = { id: string; email: string; password: string; name: string };

function newTag(): string {
  return crypto.randomBytes(4).toString('hex');
}

async function insertUser(tx: Transaction, tag: string, key: string, roles: z.infer<typeof role>[], passwordHash: string, name?: string): Promise<E2eUser> {
  const email = `e2e-${tag}-${key}@example.net`;
  const fullName = name ?? `E2E ${key} ${tag}`;
  const [row] = await tx.insert(users).values({ email, name: fullName, passwordHash, emailVerified: new Date() }).returning({ id: users.id });
  await tx.insert(userRoles).values(roles.map((r) => ({ userId: row.id, role: r })));
  return { id: row.id, email, password: E2E_FIXTURE_PASSWORD, name: fullName };
}

/** One user with the given roles (an applicant has no organisation yet). */
export async function createE2eUser(input: { roles: z.infer<typeof role>[]; name?: string }): Promise<E2eUser> {
  const tag = newTag();
  const passwordHash = await hashPassword(E2E_FIXTURE_PASSWORD);
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, tag, input.roles.join('-'), input.roles, passwordHash, input.name);
    await writeAudit(tx, { id: null, email: null }, { action: 'e2e.fixture', entityType: 'user', entityId: user.id });
    return user;
  });
}

/**
 * A call in review of its own, shaped like the demo's (db/seed.ts insertReviewCall): an
 * admin, an applicant owning the first of nine organisations, a panel of three reviewers
 * (the first with two reviews finished, a draft and the rest pending; the others with five
 * finished each), and the nine applications.
 */
export async function createE2eReviewCall() {
  const tag = newTag();
  const passwordHash = await hashPassword(E2E_FIXTURE_PASSWORD);
  return db.transaction(async (tx) => {
    const admin = await insertUser(tx, tag, 'admin', ['admin'], passwordHash);
    const applicant = await insertUser(tx, tag, 'applicant', ['applicant'], passwordHash);
    const reviewers = [
      await insertUser(tx, tag, 'reviewer', ['reviewer'], passwordHash),
      await insertUser(tx, tag, 'reviewer2', ['reviewer'], passwordHash),
      await insertUser(tx, tag, 'reviewer3', ['reviewer'], passwordHash),
    ];
    const named = [
      { ...applicantOrganisation, heritage: applicantOrganisation.heritage, projectCountry: 'SO' },
      ...fictionalOrganisations.slice(3).map((o) => ({ ...o, projectCountry: o.heritage[0] })),
    ];
    const orgs: { id: string; name: string; country: string }[] = [];
    for (const o of named) {
      const [org] = await tx
        .insert(organisations)
        .values({
          legalName: `${o.legalName} ${tag}`,
          type: 'diaspora_organisation',
          countryOfRegistration: o.country,
          heritageCountries: o.heritage,
          operationCountries: [o.country, ...o.heritage],
          website: o.website,
          contactEmail: orgs.length === 0 ? applicant.email : `contact-${tag}@${new URL(o.website).hostname}`,
          illustrative: FICTIONAL,
          createdBy: orgs.length === 0 ? applicant.id : null,
        })
        .returning();
      orgs.push({ id: org.id, name: org.legalName, country: o.projectCountry });
    }
    await tx.insert(organisationMembers).values({ organisationId: orgs[0].id, userId: applicant.id, role: 'owner' });
    const { call, applications } = await insertReviewCall(tx, {
      adminId: admin.id,
      panel: reviewers.map((r) => r.id),
      applicants: orgs.map((o) => ({ organisationId: o.id, country: o.country })),
      slug: `e2e-review-${tag}`,
      title: `Primary care mentoring missions (e2e ${tag})`,
    });
    await writeAudit(tx, { id: null, email: null }, { action: 'e2e.fixture', entityType: 'call', entityId: call.id });
    return {
      tag,
      call: { id: call.id, slug: call.slug, title: call.title },
      admin,
      applicant: { ...applicant, organisation: orgs[0].name },
      reviewers,
      applications: applications.map((a, i) => ({ id: a.id, title: a.title, organisation: orgs[i].name })),
      /** The first application is the applicant's: reviewProjectTitles[0]. */
      applicantProject: reviewProjectTitles[0],
    };
  });
}
export type E2eReviewCall = Awaited<ReturnType<typeof createE2eReviewCall>>;

/**
 * A published call of its own with awards to answer: the review call above, decided in its
 * ranking's order (the first two selected, the next two on the reserve list, the rest not
 * selected) and published, so the two selected have offers. Each of those four
 * organisations has a member of its own to sign in as.
 */
export async function createE2eAwardsCall() {
  const world = await createE2eReviewCall();
  const passwordHash = await hashPassword(E2E_FIXTURE_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.update(calls).set({ status: 'selection' }).where(eq(calls.id, world.call.id));
    const [call] = await tx.select().from(calls).where(eq(calls.id, world.call.id));
    const { rows } = await rankingQuery(tx, call, { pageSize: 1_000_000 });
    const ranked = [...rows].sort((a, b) => a.position - b.position);
    const apps = await tx
      .select({ id: applications.id, organisationId: applications.organisationId, requestedAmount: applications.requestedAmount })
      .from(applications)
      .where(inArray(applications.id, ranked.map((r) => r.applicationId)));
    const people = [];
    for (const [i, r] of ranked.entries()) {
      const app = apps.find((a) => a.id === r.applicationId)!;
      const outcome = i < 2 ? 'selected' : i < 4 ? 'reserve' : 'not_selected';
      await tx.insert(decisions).values({
        applicationId: app.id,
        outcome,
        awardedAmount: outcome === 'selected' ? (app.requestedAmount ?? 50_000) : null,
        rationale: `E2E: ${outcome}`,
        decidedBy: world.admin.id,
      });
      if (i < 4) {
        const member = await insertUser(tx, world.tag, `member${i}`, ['applicant'], passwordHash);
        await tx.insert(organisationMembers).values({ organisationId: app.organisationId, userId: member.id, role: 'owner' });
        people.push({ applicationId: app.id, reference: r.reference ?? '', organisation: r.organisation, member });
      }
    }
    const admin = { id: world.admin.id, email: world.admin.email, name: world.admin.name, roles: ['admin' as const], locale: null };
    await publishResults(tx, admin, { callId: call.id });
    return { tag: world.tag, call: world.call, admin: world.admin, selected: people.slice(0, 2), reserves: people.slice(2, 4) };
  });
}
export type E2eAwardsCall = Awaited<ReturnType<typeof createE2eAwardsCall>>;

const DAY = 86_400_000;

/**
 * A published call of one's own with one accepted award (the applicant's organisation,
 * working in Somalia and Kenya) and an interim reporting period due in ten days, with an
 * admin to review the reports.
 */
export async function createE2eReporting() {
  const tag = newTag();
  const passwordHash = await hashPassword(E2E_FIXTURE_PASSWORD);
  return db.transaction(async (tx) => {
    const admin = await insertUser(tx, tag, 'admin', ['admin'], passwordHash);
    const applicant = await insertUser(tx, tag, 'applicant', ['applicant'], passwordHash);
    const [org] = await tx
      .insert(organisations)
      .values({ legalName: `Horn Health Diaspora ${tag}`, type: 'diaspora_organisation', countryOfRegistration: 'SE', contactEmail: applicant.email, createdBy: applicant.id, illustrative: FICTIONAL })
      .returning();
    await tx.insert(organisationMembers).values({ organisationId: org.id, userId: applicant.id, role: 'owner' });
    const now = Date.now();
    const [call] = await tx
      .insert(calls)
      .values({
        slug: `e2e-reporting-${tag}`,
        title: `Community health outreach (e2e ${tag})`,
        status: 'published',
        timeZone: 'Africa/Nairobi',
        opensAt: new Date(now - 120 * DAY),
        closesAt: new Date(now - 90 * DAY),
      })
      .returning();
    const [application] = await tx
      .insert(applications)
      .values({
        callId: call.id,
        organisationId: org.id,
        createdBy: applicant.id,
        status: 'submitted',
        reference: await nextReference(tx, new Date(now).getUTCFullYear()),
        submittedAt: new Date(now - 95 * DAY),
        title: 'Mobile clinics for returnees',
        countries: ['SO', 'KE'],
        requestedAmount: 60_000,
        peopleToReach: 5000,
        eligibility: 'eligible',
        content: { summary: 'Mobile clinics.', activities: '- Train 40 community health workers\n- Run 12 mobile clinic days', durationMonths: 6 },
      })
      .returning();
    const [award] = await tx
      .insert(awards)
      .values({ callId: call.id, applicationId: application.id, amount: 60_000, respondBy: new Date(now - 60 * DAY), status: 'accepted', respondedAt: new Date(now - 70 * DAY), respondedBy: applicant.id })
      .returning();
    const [period] = await tx
      .insert(reportingPeriods)
      .values({ callId: call.id, label: 'Interim report', periodStart: '2026-01-01', periodEnd: '2026-06-30', dueAt: new Date(now + 10 * DAY) })
      .returning();
    await writeAudit(tx, { id: null, email: null }, { action: 'e2e.fixture', entityType: 'call', entityId: call.id });
    return {
      tag,
      call: { id: call.id, slug: call.slug, title: call.title },
      admin,
      applicant: { ...applicant, organisation: org.legalName },
      application: { id: application.id, title: application.title },
      award: { id: award.id },
      period: { id: period.id, label: period.label },
    };
  });
}
export type E2eReporting = Awaited<ReturnType<typeof createE2eReporting>>;
