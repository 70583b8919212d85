import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { db as defaultDb, databaseKind, type Database, type Transaction } from '@/db';
import {
  organisationPeople,
  type PersonRole,
  appSettings,
  applications,
  awardNotices,
  awards,
  callCountries,
  calls,
  callThemes,
  clarificationQuestions,
  criteria,
  decisions,
  documentSlots,
  eligibilityRequirements,
  organisationMembers,
  organisations,
  publications,
  reviewAssignments,
  reviews,
  reviewScores,
  userRoles,
  users,
} from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import type { CriterionText, Translations } from '@/lib/calls/languages';
import type { ApplicationContent } from '@/lib/validations/application';
import { hashPassword } from '@/lib/auth/password';
import { buildResultsSnapshot } from '@/lib/data/publication';
import { nextReference } from '@/lib/data/applications/internal';
import { importSanctionsListAs } from '@/lib/data/diligence';
import { SANCTIONS_SAMPLE } from '@/lib/diligence/sample';
import {
  call2022,
  criteria2022,
  DEMO_PASSWORD,
  demoUsers,
  FICTIONAL,
  organisations2022,
  requirementsStandard,
  slotsStandard,
} from './seed-data';
import { seedImpact2022 } from './seed-impact';
import { applicantOrganisation, fictionalOrganisations, openCall, reviewCall } from './seed-fictional';

export const demoAccounts = {
  password: DEMO_PASSWORD,
  users: demoUsers.slice(0, 3).map((u) => ({ role: u.roles[0], email: u.email })),
};

const SEED_MARKER = 'demo_seeded_at';
const SEED_LOCK_ID = 724_2027;

/** Demo data goes into the embedded database, or into PostgreSQL only when SEED_DEMO=1. */
export function shouldSeedDemo(): boolean {
  if (process.env.SEED_DEMO === '0') return false;
  return databaseKind() === 'pglite' || process.env.SEED_DEMO === '1';
}

const DAY = 86_400_000;
/** A fixed hour of a day relative to now, so demo dates read naturally. */
function daysFromNow(days: number, hourUtc: number): Date {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

type Ids = Record<string, string>;

async function insertCall(
  tx: Transaction,
  adminId: string,
  values: typeof calls.$inferInsert,
  extra: { countries: string[]; themes: string[]; criteria: { name: string; guidance: string; weight: number; translations?: Translations<CriterionText> }[] },
) {
  const [call] = await tx.insert(calls).values({ ...values, createdBy: adminId }).returning();
  await tx.insert(callCountries).values(extra.countries.map((countryCode) => ({ callId: call.id, countryCode })));
  await tx.insert(callThemes).values(extra.themes.map((theme) => ({ callId: call.id, theme })));
  const crit = await tx
    .insert(criteria)
    .values(extra.criteria.map((c, position) => ({ ...c, callId: call.id, position, scaleMin: 0, scaleMax: 5 })))
    .returning();
  const reqs = await tx
    .insert(eligibilityRequirements)
    .values(requirementsStandard.map((r, position) => ({ ...r, callId: call.id, position })))
    .returning();
  await tx.insert(documentSlots).values(slotsStandard.map((s, position) => ({ ...s, callId: call.id, position })));
  return { call, criteria: crit, requirements: reqs };
}

/** The form's content beyond its columns (lib/validations/application.ts), invented for the demo. */
function content(summary: string, requirementIds: string[], amount: number): ApplicationContent {
  return {
    summary,
    objectives: 'Illustrative objectives for the demo.',
    activities: 'Illustrative activities for the demo.',
    targetPopulation: 'Local, migrant and refugee populations in the project area.',
    localPartners: [],
    risks: [{ risk: 'Access to some areas may be restricted.', mitigation: 'Work through local partners already present there.' }],
    durationMonths: 6,
    budgetLines: [
      { label: 'Activities', amount: Math.round(amount * 0.8) },
      { label: 'Staff and coordination', amount: amount - Math.round(amount * 0.8) },
    ],
    declarations: Object.fromEntries(requirementIds.map((id) => [id, true])),
  };
}

async function addReview(
  tx: Transaction,
  assignmentId: string,
  crit: { id: string; callId: string; scaleMin: number; scaleMax: number }[],
  scores: number[],
  submittedAt: Date | null,
) {
  const [review] = await tx
    .insert(reviews)
    .values({
      assignmentId,
      status: submittedAt ? 'submitted' : 'draft',
      overallComment: submittedAt ? 'Illustrative overall comment for the demo.' : '',
      recommendation: submittedAt ? (scores.reduce((a, b) => a + b, 0) >= 19 ? 'recommend' : scores.reduce((a, b) => a + b, 0) >= 14 ? 'maybe' : 'do_not_recommend') : null,
      submittedAt,
    })
    .returning();
  await tx.insert(reviewScores).values(
    crit.map((c, i) => ({
      reviewId: review.id,
      criterionId: c.id,
      callId: c.callId,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      score: scores[i],
      comment: submittedAt ? 'Illustrative comment.' : '',
    })),
  );
}

/** The titles of the projects of the call in review, the first one the demo applicant's. */
export const reviewProjectTitles = [
  'Remote mentoring for midwives in Hargeisa',
  'Emergency obstetric care training in Baidoa',
  'Mentoring rural health extension workers in Amhara',
  'Paediatric triage training for Khartoum clinics',
  'Midwife mentoring missions in Somali Region',
  'Mental health first aid for primary care staff',
  'Maternal health refresher courses in Bahir Dar',
  'Trauma care skills for district hospitals',
  'Community health worker supervision in Kordofan',
];

/**
 * The call closed ten days ago and in review, with nine applications (the eighth screened
 * ineligible) and a panel of three: the first reviewer has finished two reviews, has one
 * draft and has not opened the rest; the other two have finished five each. The demo's
 * own, and the copies end-to-end tests make for themselves (lib/e2e/fixtures.ts).
 */
export async function insertReviewCall(
  tx: Transaction,
  options: {
    adminId: string;
    /** Three reviewers. */
    panel: string[];
    /** Nine organisations, with the country of their project. */
    applicants: { organisationId: string; country: string }[];
    slug?: string;
    title?: string;
  },
) {
  const { adminId, panel, applicants } = options;
  const inReview = await insertCall(
    tx,
    adminId,
    {
      slug: options.slug ?? reviewCall.slug,
      title: options.title ?? reviewCall.title,
      summary: reviewCall.summary,
      description: reviewCall.description,
      funder: reviewCall.funder,
      issuer: reviewCall.issuer,
      requiresSelfDeclaration: reviewCall.requiresSelfDeclaration,
      status: 'in_review',
      timeZone: reviewCall.timeZone,
      opensAt: daysFromNow(-50, 6),
      clarificationDeadline: daysFromNow(-25, 14),
      closesAt: daysFromNow(-10, 14),
      reviewDeadline: daysFromNow(14, 14),
      resultsExpectedAt: daysFromNow(30, 9),
      currency: reviewCall.currency,
      minBudget: reviewCall.minBudget,
      maxBudget: reviewCall.maxBudget,
      envelope: reviewCall.envelope,
      expectedPartners: reviewCall.expectedPartners,
      reviewersPerApplication: 3,
      illustrative: FICTIONAL.replace('this organisation and its application are', 'this call is'),
    },
    { countries: reviewCall.countries, themes: reviewCall.themes, criteria: reviewCall.criteria },
  );
  const scoreRows = [
    [2, 3, 2, 3],
    [5, 4, 4, 3], [4, 4, 3, 4], [3, 3, 4, 3], [4, 5, 4, 4], [2, 3, 3, 3], [4, 3, 4, 5], [3, 4, 2, 3], [5, 5, 4, 4],
  ];
  const created: { id: string; title: string; organisationId: string }[] = [];
  for (const [i, o] of applicants.entries()) {
    const country = o.country;
    const ineligible = i === 7;
    const [app] = await tx
      .insert(applications)
      .values({
        callId: inReview.call.id,
        organisationId: o.organisationId,
        reference: await nextReference(tx, new Date().getUTCFullYear()),
        status: 'submitted',
        title: reviewProjectTitles[i],
        countries: [country],
        themes: ['health'],
        requestedAmount: 40_000 + i * 5_000,
        peopleToReach: 2_000 + i * 500,
        content: content('Illustrative summary for the demo.', inReview.requirements.map((r) => r.id), 40_000 + i * 5_000),
        eligibility: ineligible ? 'ineligible' : 'eligible',
        eligibilityReason: ineligible ? 'No PSEA policy provided: the declaration was answered "no".' : null,
        screenedBy: adminId,
        screenedAt: daysFromNow(-8, 10),
        submittedAt: daysFromNow(-12, 10),
      })
      .returning();
    created.push({ id: app.id, title: app.title, organisationId: o.organisationId });
    if (ineligible) continue;
    for (const [r, reviewerId] of panel.entries()) {
      const isFirstReviewer = r === 0;
      // The first reviewer has finished two reviews, has one draft and has not yet opened the rest.
      const state = isFirstReviewer ? (i < 2 ? 'submitted' : i === 2 ? 'draft' : 'pending') : i < 5 ? 'submitted' : 'pending';
      const [assignment] = await tx
        .insert(reviewAssignments)
        .values({
          applicationId: app.id,
          reviewerId,
          status: state === 'pending' ? 'pending' : 'accepted',
          declaredAt: state === 'pending' ? null : daysFromNow(-6, 9),
          assignedBy: adminId,
        })
        .returning();
      if (state === 'pending') continue;
      const scores = scoreRows[i].map((s, k) => Math.max(0, Math.min(5, s + ((r + k + i) % 3) - 1)));
      await addReview(tx, assignment.id, inReview.criteria, scores, state === 'submitted' ? daysFromNow(-3 + r, 15) : null);
    }
  }
  return { call: inReview.call, applications: created };
}

/** Loads the demo story once; returns false when it is already there. */
export async function seedDemo(database: Database = defaultDb): Promise<boolean> {
  return database.transaction(async (tx) => {
    // Several instances starting together: one seeds, the others find the marker.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    const [marker] = await tx.select().from(appSettings).where(eq(appSettings.key, SEED_MARKER));
    if (marker) return false;

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const userIds: Ids = {};
    for (const u of demoUsers) {
      const [row] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, passwordHash, emailVerified: new Date() })
        .returning({ id: users.id });
      userIds[u.key] = row.id;
      await tx.insert(userRoles).values(u.roles.map((role) => ({ userId: row.id, role })));
    }
    const adminId = userIds.admin;
    const panel = [userIds.reviewer, userIds.reviewer2, userIds.reviewer3];

    // The applicant's own organisation.
    const [hdn] = await tx
      .insert(organisations)
      .values({
        legalName: applicantOrganisation.legalName,
        acronym: applicantOrganisation.acronym,
        type: 'diaspora_organisation',
        countryOfRegistration: applicantOrganisation.country,
        heritageCountries: applicantOrganisation.heritage,
        operationCountries: applicantOrganisation.operation,
        website: applicantOrganisation.website,
        yearFounded: 2014,
        staffSize: 12,
        contactName: 'Demo Applicant',
        contactEmail: 'applicant@example.org',
        mission: 'Connecting the Haitian and Senegalese diaspora in Canada with community projects at home.',
        illustrative: FICTIONAL,
        createdBy: userIds.applicant,
      })
      .returning();
    await tx.insert(organisationMembers).values({ organisationId: hdn.id, userId: userIds.applicant, role: 'owner' });

    // 1. The real 2022 call, results published.
    const c22 = await insertCall(
      tx,
      adminId,
      {
        slug: call2022.slug,
        title: call2022.title,
        summary: call2022.summary,
        description: call2022.description,
        funder: call2022.funder,
        issuer: call2022.issuer,
        status: 'published',
        timeZone: call2022.timeZone,
        opensAt: new Date(call2022.opensAt),
        clarificationDeadline: new Date(call2022.clarificationDeadline),
        closesAt: new Date(call2022.closesAt),
        reviewDeadline: new Date(call2022.reviewDeadline),
        resultsExpectedAt: new Date(call2022.resultsExpectedAt),
        currency: call2022.currency,
        minBudget: call2022.minBudget,
        maxBudget: call2022.maxBudget,
        envelope: call2022.envelope,
        expectedPartners: call2022.expectedPartners,
        reviewersPerApplication: 3,
        illustrative: call2022.illustrative,
      },
      { countries: call2022.countries, themes: call2022.themes, criteria: criteria2022 },
    );
    const submitted22 = new Date('2022-03-02T12:00:00Z');
    const selected2022: { applicationId: string; amount: number; organisation: string; acronym: string | null; reference: string | null }[] = [];
    for (const o of organisations2022) {
      const [org] = await tx
        .insert(organisations)
        .values({
          legalName: o.legalName,
          acronym: o.acronym,
          type: 'diaspora_organisation',
          countryOfRegistration: o.country,
          heritageCountries: o.heritage,
          operationCountries: o.operation,
          website: o.website,
          illustrative: o.illustrative,
        })
        .returning();
      const [app] = await tx
        .insert(applications)
        .values({
          callId: c22.call.id,
          organisationId: org.id,
          reference: await nextReference(tx, 2022),
          status: 'submitted',
          title: o.project.title,
          countries: o.project.countries,
          themes: o.project.themes,
          requestedAmount: o.project.amount,
          peopleToReach: o.project.people,
          content: content(o.project.summary, c22.requirements.map((r) => r.id), o.project.amount),
          eligibility: 'eligible',
          screenedBy: adminId,
          screenedAt: new Date('2022-03-07T15:00:00Z'),
          submittedAt: submitted22,
        })
        .returning();
      for (const [i, reviewerId] of panel.entries()) {
        const [assignment] = await tx
          .insert(reviewAssignments)
          .values({ applicationId: app.id, reviewerId, status: 'accepted', declaredAt: new Date('2022-03-08T10:00:00Z'), assignedBy: adminId })
          .returning();
        await addReview(tx, assignment.id, c22.criteria, o.scores[i], new Date('2022-03-20T10:00:00Z'));
      }
      await tx.insert(decisions).values({
        applicationId: app.id,
        outcome: o.outcome,
        awardedAmount: o.outcome === 'selected' ? o.project.amount : null,
        rationale: o.rationale,
        shareComments: true,
        decidedBy: adminId,
        decidedAt: new Date('2022-04-12T10:00:00Z'),
      });
      if (o.outcome === 'selected') {
        selected2022.push({ applicationId: app.id, amount: o.project.amount, organisation: o.legalName, acronym: o.acronym ?? null, reference: app.reference });
      }
    }
    const snapshot = await buildResultsSnapshot(tx, c22.call.id, new Date(call2022.publishedAt));
    await tx.insert(publications).values({ callId: c22.call.id, snapshot, publishedBy: adminId, publishedAt: new Date(call2022.publishedAt) });
    // The six partners accepted their awards within a fortnight of publication.
    for (const [i, s] of selected2022.entries()) {
      const respondedAt = new Date(Date.parse('2022-04-19T09:00:00Z') + i * 86_400_000);
      const [award] = await tx
        .insert(awards)
        .values({
          callId: c22.call.id,
          applicationId: s.applicationId,
          amount: s.amount,
          respondBy: new Date('2022-04-29T15:00:00Z'),
          status: 'accepted',
          offeredBy: adminId,
          offeredAt: new Date(call2022.publishedAt),
          respondedAt,
        })
        .returning();
      await tx.insert(awardNotices).values({
        callId: c22.call.id,
        awardId: award.id,
        kind: 'accepted',
        entry: { organisation: s.organisation, acronym: s.acronym, reference: s.reference, amount: s.amount, currency: c22.call.currency },
        at: respondedAt,
      });
    }
    await seedImpact2022(tx, c22.call.id, adminId); // interim and final reports, accepted (db/seed-impact.ts)

    // Organisations of the fictional calls.
    const fictional: Ids = {};
    for (const o of fictionalOrganisations) {
      const [org] = await tx
        .insert(organisations)
        .values({
          legalName: o.legalName,
          type: 'diaspora_organisation',
          countryOfRegistration: o.country,
          heritageCountries: o.heritage,
          operationCountries: [o.country, ...o.heritage],
          website: o.website,
          contactEmail: `contact@${new URL(o.website).hostname}`,
          illustrative: FICTIONAL,
        })
        .returning();
      fictional[o.legalName] = org.id;
    }

    // 2. An open call, accepting applications now.
    const open = await insertCall(
      tx,
      adminId,
      {
        slug: openCall.slug,
        title: openCall.title,
        summary: openCall.summary,
        description: openCall.description,
        translations: openCall.translations,
        applicationLocales: openCall.applicationLocales,
        funder: openCall.funder,
        issuer: openCall.issuer,
        status: 'open',
        timeZone: openCall.timeZone,
        opensAt: daysFromNow(-10, 8),
        clarificationDeadline: daysFromNow(14, 16),
        closesAt: daysFromNow(30, 16),
        reviewDeadline: daysFromNow(51, 16),
        resultsExpectedAt: daysFromNow(65, 12),
        currency: openCall.currency,
        minBudget: openCall.minBudget,
        maxBudget: openCall.maxBudget,
        envelope: openCall.envelope,
        expectedPartners: openCall.expectedPartners,
        reviewersPerApplication: 3,
        illustrative: FICTIONAL.replace('this organisation and its application are', 'this call is'),
      },
      { countries: openCall.countries, themes: openCall.themes, criteria: openCall.criteria },
    );
    for (const [i, item] of openCall.faq.entries()) {
      await tx.insert(clarificationQuestions).values({
        callId: open.call.id,
        question: item.question,
        publicQuestion: item.question,
        answer: item.answer,
        translations: item.translations,
        status: 'published',
        askedAt: daysFromNow(-8 + i, 9),
        answeredAt: daysFromNow(-7 + i, 11),
        answeredBy: adminId,
      });
    }
    await tx.insert(clarificationQuestions).values({
      callId: open.call.id,
      askedBy: userIds.applicant,
      organisationId: hdn.id,
      question: openCall.pendingQuestion,
      askedAt: daysFromNow(-1, 10),
    });
    const openApplicants = [
      { org: 'Sahel Diaspora Alliance', title: 'Flood early warning for Saint-Louis fishing families', countries: ['SN'], status: 'submitted' as const },
      { org: 'Bengal Delta Friends Association', title: 'Salt-tolerant rice and cash for work in Khulna', countries: ['BD'], status: 'submitted' as const },
      { org: 'Lakou Ayiti Diaspora Network', title: 'Cooling centres for heatwaves in Gonaïves', countries: ['HT'], status: 'draft' as const },
    ];
    for (const a of openApplicants) {
      await tx.insert(applications).values({
        callId: open.call.id,
        organisationId: fictional[a.org],
        reference: a.status === 'submitted' ? await nextReference(tx, new Date().getUTCFullYear()) : null,
        status: a.status,
        title: a.title,
        countries: a.countries,
        themes: ['climate'],
        requestedAmount: 80_000,
        peopleToReach: 5_000,
        content: content('Illustrative summary for the demo.', open.requirements.map((r) => r.id), 80_000),
        submittedAt: a.status === 'submitted' ? daysFromNow(-2, 12) : null,
      });
    }

    // 3. A call closed ten days ago, in review. The demo applicant's own organisation has
    // applied too, so its journey shows an outcome once published.
    await insertReviewCall(tx, {
      adminId,
      panel,
      applicants: [
        { organisationId: hdn.id, country: 'SO' },
        ...fictionalOrganisations.slice(3).map((o) => ({ organisationId: fictional[o.legalName], country: o.heritage[0] })),
      ],
    });

    // Due diligence: the people who run a few fictional organisations, and the invented
    // sample of the UN sanctions list (its real XML schema), against which everyone is screened.
    const demoPeople: { organisation: string; people: { name: string; role: PersonRole; nationality: string; dateOfBirth: string }[] }[] = [
      { organisation: 'Sahel Diaspora Alliance', people: [{ name: 'Aminata Sow', role: 'director', nationality: 'SN', dateOfBirth: '1979-03-14' }, { name: 'Ousmane Ba', role: 'board_member', nationality: 'FR', dateOfBirth: '1965-11-02' }] },
      { organisation: 'Bengal Delta Friends Association', people: [{ name: 'Rumana Chowdhury', role: 'director', nationality: 'GB', dateOfBirth: '1982-07-21' }] },
      { organisation: 'Somali Health Professionals Abroad', people: [{ name: 'Hodan Warsame', role: 'authorised_officer', nationality: 'SE', dateOfBirth: '1988-01-09' }] },
    ];
    for (const entry of demoPeople) {
      const organisationId = fictional[entry.organisation];
      if (!organisationId) continue;
      await tx.insert(organisationPeople).values(entry.people.map((p, position) => ({ organisationId, position, ...p })));
    }
    await importSanctionsListAs(tx, { id: null, email: null }, { fileName: path.basename(SANCTIONS_SAMPLE), content: fs.readFileSync(SANCTIONS_SAMPLE) });

    await writeAudit(tx, { id: null, email: null }, { action: 'demo.seeded', entityType: 'system' });
    await tx.insert(appSettings).values({ key: SEED_MARKER, value: new Date().toISOString() });
    return true;
  });
}
