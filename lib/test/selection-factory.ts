import crypto from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import {
  applications,
  calls,
  criteria,
  organisationMembers,
  organisations,
  reviewAssignments,
  reviews,
  reviewScores,
} from '@/db/schema';
import { saveCallAction } from '@/lib/actions/calls';
import { nextReference } from '@/lib/data/applications/internal';
import { actingAs } from '@/lib/auth/session';
import { callInput } from './call-factory';
import { createUser } from './factories';

type AppSpec = { country: string; amount: number; scores: number[][]; eligible?: boolean; organisationId?: string };

/**
 * A call that has closed and is in selection: eligible submitted applications, each
 * reviewed by the given reviewers with the given scores (one array per reviewer, one
 * score per criterion of the default call: Relevance 60, Feasibility 40, scale 0-5).
 */
export async function callInSelection(specs: AppSpec[], options: { envelope?: number | null } = {}) {
  const admin = await createUser(['admin']);
  const saved = await actingAs(admin, () =>
    saveCallAction(callInput({ countries: ['LB', 'TN'], envelope: options.envelope === undefined ? 300_000 : options.envelope, maxBudget: 200_000 })),
  );
  if (!saved.ok) throw new Error(saved.error);
  const callId = saved.data.id;
  await db.update(calls).set({ status: 'selection', closesAt: new Date(Date.now() - 86_400_000), opensAt: new Date(Date.now() - 10 * 86_400_000) }).where(eq(calls.id, callId));
  const crit = await db.select().from(criteria).where(eq(criteria.callId, callId)).orderBy(asc(criteria.position));
  const reviewers = [await createUser(['reviewer']), await createUser(['reviewer'])];
  const created = [];
  for (const [i, spec] of specs.entries()) {
    const member = await createUser(['applicant']);
    let organisationId = spec.organisationId;
    if (!organisationId) {
      [{ id: organisationId }] = await db.insert(organisations).values({ legalName: `Applicant ${i} ${crypto.randomBytes(2).toString('hex')}`, countryOfRegistration: 'FR' }).returning({ id: organisations.id });
    }
    await db.insert(organisationMembers).values({ organisationId, userId: member.id, role: 'owner' }).onConflictDoNothing();
    const [app] = await db
      .insert(applications)
      .values({
        callId,
        organisationId,
        status: 'submitted',
        reference: await nextReference(db, 2026),
        title: `Project ${i}`,
        countries: [spec.country],
        themes: ['education'],
        requestedAmount: spec.amount,
        eligibility: spec.eligible === false ? 'ineligible' : 'eligible',
        eligibilityReason: spec.eligible === false ? 'No registration certificate.' : null,
        submittedAt: new Date(Date.now() - 2 * 86_400_000),
      })
      .returning();
    for (const [r, scores] of spec.scores.entries()) {
      const [assignment] = await db.insert(reviewAssignments).values({ applicationId: app.id, reviewerId: reviewers[r].id, status: 'accepted' }).returning();
      const [review] = await db
        .insert(reviews)
        .values({ assignmentId: assignment.id, status: 'submitted', recommendation: 'maybe', submittedAt: new Date(), overallComment: `Overall comment ${i}-${r}` })
        .returning();
      await db.insert(reviewScores).values(
        crit.map((c, k) => ({ reviewId: review.id, criterionId: c.id, callId, scaleMin: c.scaleMin, scaleMax: c.scaleMax, score: scores[k], comment: `Comment ${i}-${r}-${k}` })),
      );
    }
    created.push({ app, member, organisationId });
  }
  return { admin, callId, applications: created, criteria: crit, reviewers };
}
