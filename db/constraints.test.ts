import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  applications,
  auditLog,
  calls,
  criteria,
  organisations,
  reviewAssignments,
  reviews,
  reviewScores,
} from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { createUser } from '@/lib/test/factories';

async function fixture() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const [call] = await db.insert(calls).values({ slug: `constraint-${suffix}`, title: 'Constraint test' }).returning();
  const [criterion] = await db.insert(criteria).values({ callId: call.id, position: 0, name: 'C', weight: 100, scaleMin: 0, scaleMax: 5 }).returning();
  const [org] = await db.insert(organisations).values({ legalName: `Org ${suffix}`, countryOfRegistration: 'FR' }).returning();
  const [app] = await db.insert(applications).values({ callId: call.id, organisationId: org.id }).returning();
  const reviewer = await createUser(['reviewer']);
  const [assignment] = await db.insert(reviewAssignments).values({ applicationId: app.id, reviewerId: reviewer.id }).returning();
  const [review] = await db.insert(reviews).values({ assignmentId: assignment.id }).returning();
  return { call, criterion, org, app, reviewer, review };
}

/** The database error's own message (drizzle wraps it). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { cause?: { message?: string }; message: string };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('expected the database to refuse');
}

describe('database invariants', () => {
  it('one application per organisation per call', async () => {
    const { call, org } = await fixture();
    expect(await failure(db.insert(applications).values({ callId: call.id, organisationId: org.id }))).toContain(
      'applications_call_organisation_unique',
    );
  });

  it('one assignment per reviewer per application', async () => {
    const { app, reviewer } = await fixture();
    expect(await failure(db.insert(reviewAssignments).values({ applicationId: app.id, reviewerId: reviewer.id }))).toContain(
      'review_assignments_application_reviewer_unique',
    );
  });

  it("a score must lie within its criterion's scale, also when the scale changes later", async () => {
    const { call, criterion, review } = await fixture();
    const base = { reviewId: review.id, criterionId: criterion.id, callId: call.id };
    expect(await failure(db.insert(reviewScores).values({ ...base, scaleMin: 0, scaleMax: 5, score: 6 }))).toContain(
      'review_scores_within_scale',
    );
    // Lying about the scale does not help: it must match the criterion's.
    expect(await failure(db.insert(reviewScores).values({ ...base, scaleMin: 0, scaleMax: 10, score: 6 }))).toContain(
      'review_scores_criterion_scale_fk',
    );
    await db.insert(reviewScores).values({ ...base, scaleMin: 0, scaleMax: 5, score: 5 });
    // Shrinking the scale below an existing score is refused too (the cascade re-checks it).
    expect(await failure(db.update(criteria).set({ scaleMax: 3 }).where(eq(criteria.id, criterion.id)))).toContain(
      'review_scores_within_scale',
    );
  });

  it('criterion weights are positive', async () => {
    const { call } = await fixture();
    expect(await failure(db.insert(criteria).values({ callId: call.id, position: 1, name: 'Zero', weight: 0 }))).toContain(
      'criteria_weight_positive',
    );
  });

  it('the audit log is append-only', async () => {
    await writeAudit(db, { id: null, email: 'x@example.test' }, { action: 'test.append', entityType: 'test' });
    expect(await failure(db.update(auditLog).set({ action: 'tampered' }).where(eq(auditLog.action, 'test.append')))).toContain('append-only');
    expect(await failure(db.delete(auditLog).where(eq(auditLog.action, 'test.append')))).toContain('append-only');
    expect(await failure(db.execute(sql`truncate audit_log`))).toContain('append-only');
  });
});
