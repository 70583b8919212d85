import { nextReference } from '@/lib/data/applications/internal';
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import {
  applicationFiles,
  applications,
  calls,
  criteria,
  documentSlots,
  eligibilityRequirements,
  organisations,
  reviewAssignments,
  reviews,
  reviewScores,
  userRoles,
  users,
  type Call,
} from '@/db/schema';

/** Factories for the review stage: a closed call with criteria, organisations and submitted applications. */

let counter = 0;
const suffix = () => `${crypto.randomBytes(3).toString('hex')}-${++counter}`;

export async function createReviewCall(
  overrides: Partial<typeof calls.$inferInsert> = {},
  criteriaSpec: { name: string; weight: number; scaleMin?: number; scaleMax?: number; guidance?: string }[] = [
    { name: 'Impact', weight: 40 },
    { name: 'Team', weight: 30 },
    { name: 'Feasibility', weight: 20 },
    { name: 'Cost', weight: 10 },
  ],
) {
  const [call] = await db
    .insert(calls)
    .values({
      slug: `review-call-${suffix()}`,
      title: 'Test call in review',
      status: 'in_review',
      timeZone: 'Africa/Nairobi',
      opensAt: new Date(Date.now() - 40 * 86_400_000),
      closesAt: new Date(Date.now() - 86_400_000),
      reviewDeadline: new Date(Date.now() + 14 * 86_400_000),
      reviewersPerApplication: 2,
      ...overrides,
    })
    .returning();
  const crit = await db
    .insert(criteria)
    .values(criteriaSpec.map((c, position) => ({ callId: call.id, position, scaleMin: 0, scaleMax: 5, guidance: `How good is the ${c.name.toLowerCase()}?`, ...c })))
    .returning();
  const [requirement] = await db.insert(eligibilityRequirements).values({ callId: call.id, position: 0, statement: 'We are a registered non-profit.' }).returning();
  const [slot] = await db.insert(documentSlots).values({ callId: call.id, position: 0, name: 'Registration certificate' }).returning();
  return { call, criteria: crit, requirement, slot };
}

export async function createOrganisation(overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const [org] = await db
    .insert(organisations)
    .values({ legalName: `Diaspora Org ${suffix()}`, countryOfRegistration: 'FR', website: `https://org-${suffix()}.example`, ...overrides })
    .returning();
  return org;
}

export async function createSubmittedApplication(
  call: Call,
  options: { organisation?: typeof organisations.$inferSelect; eligibility?: 'pending' | 'eligible' | 'ineligible'; title?: string; countries?: string[]; themes?: string[] } = {},
) {
  const organisation = options.organisation ?? (await createOrganisation());
  const eligibility = options.eligibility ?? 'eligible';
  const [application] = await db
    .insert(applications)
    .values({
      callId: call.id,
      organisationId: organisation.id,
      reference: await nextReference(db, 2026),
      status: 'submitted',
      title: options.title ?? 'Training midwives',
      countries: options.countries ?? ['SO'],
      themes: options.themes ?? ['health'],
      requestedAmount: 50_000,
      peopleToReach: 1200,
      content: { summary: 'A summary.', objectives: 'Objectives.', activities: 'Activities.', targetPopulation: 'Mothers.', durationMonths: 6 },
      eligibility,
      eligibilityReason: eligibility === 'ineligible' ? 'Not registered.' : null,
      submittedAt: new Date(Date.now() - 2 * 86_400_000),
    })
    .returning();
  return { application, organisation };
}

export async function attachFile(applicationId: string, slotId: string, fileName = 'certificate.pdf') {
  const content = Buffer.from('%PDF-1.4 test');
  const [file] = await db
    .insert(applicationFiles)
    .values({ applicationId, slotId, fileName, contentType: 'application/pdf', size: content.length, sha256: crypto.createHash('sha256').update(content).digest('hex'), content })
    .returning();
  return file;
}

export async function createAssignment(applicationId: string, reviewerId: string, status: 'pending' | 'accepted' | 'conflict' = 'accepted') {
  const [assignment] = await db
    .insert(reviewAssignments)
    .values({ applicationId, reviewerId, status, conflictReason: status === 'conflict' ? 'I advise them.' : null, declaredAt: status === 'pending' ? null : new Date() })
    .returning();
  return assignment;
}

/** A submitted review with the given scores (one per criterion, in order). */
export async function createSubmittedReview(
  assignmentId: string,
  crit: { id: string; callId: string; scaleMin: number; scaleMax: number }[],
  scores: number[],
  overrides: { comment?: string; overallComment?: string } = {},
) {
  const [review] = await db
    .insert(reviews)
    .values({ assignmentId, status: 'submitted', recommendation: 'maybe', submittedAt: new Date(), overallComment: overrides.overallComment ?? 'Fine.' })
    .returning();
  await db.insert(reviewScores).values(
    crit.map((c, i) => ({ reviewId: review.id, criterionId: c.id, callId: c.callId, scaleMin: c.scaleMin, scaleMax: c.scaleMax, score: scores[i], comment: overrides.comment ?? '' })),
  );
  return review;
}

/** Disables every active reviewer but the given ones (auto-assignment draws on all reviewers); returns a restore function. */
export async function onlyTheseReviewers(keep: string[]) {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(sql`${userRoles.role} = 'reviewer' and ${users.disabledAt} is null`);
  const disable = others.map((o) => o.id).filter((id) => !keep.includes(id));
  for (const id of disable) await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
  return async () => {
    for (const id of disable) await db.update(users).set({ disabledAt: null }).where(eq(users.id, id));
  };
}
