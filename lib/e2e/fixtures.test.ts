import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applications, awards, calls, organisationMembers, reviewAssignments, reviews, userRoles, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { createE2eAwardsCall, createE2eReporting, createE2eReviewCall, createE2eUser } from './fixtures';
import { reportingPeriods } from '@/db/schema';

describe("the end-to-end tests' fixtures", () => {
  it('a user has the roles asked for and signs in with the fixture password', async () => {
    const user = await createE2eUser({ roles: ['reviewer'] });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
    expect(row.emailVerified).toBeInstanceOf(Date);
    expect((await db.select().from(userRoles).where(eq(userRoles.userId, user.id))).map((r) => r.role)).toEqual(['reviewer']);
  });

  it("a call in review of one's own, shaped like the demo's, shares nothing with another", async () => {
    const [a, b] = await Promise.all([createE2eReviewCall(), createE2eReviewCall()]);
    expect(a.tag).not.toBe(b.tag);
    expect(a.call.slug).not.toBe(b.call.slug);
    expect(a.applicant.organisation).not.toBe(b.applicant.organisation);

    const [call] = await db.select().from(calls).where(eq(calls.id, a.call.id));
    expect(call.status).toBe('in_review');
    const apps = await db.select().from(applications).where(eq(applications.callId, a.call.id));
    expect(apps).toHaveLength(9);
    expect(apps.filter((x) => x.eligibility === 'ineligible')).toHaveLength(1);
    // The applicant owns the organisation of the first application.
    const [membership] = await db.select().from(organisationMembers).where(eq(organisationMembers.userId, a.applicant.id));
    expect(apps.find((x) => x.id === a.applications[0].id)?.organisationId).toBe(membership.organisationId);
    expect(a.applications[0].title).toBe(a.applicantProject);

    // The panel: the first reviewer two reviews submitted and a draft; the others five each.
    const submittedBy = async (reviewerId: string) =>
      (
        await db
          .select({ n: count() })
          .from(reviews)
          .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
          .where(and(eq(reviewAssignments.reviewerId, reviewerId), eq(reviews.status, 'submitted')))
      )[0].n;
    expect(await Promise.all(a.reviewers.map((r) => submittedBy(r.id)))).toEqual([2, 5, 5]);
    const assigned = await db
      .select({ n: count() })
      .from(reviewAssignments)
      .where(inArray(reviewAssignments.reviewerId, b.reviewers.map((r) => r.id)));
    // b's panel has only b's call: 8 eligible applications × 3 reviewers.
    expect(assigned[0].n).toBe(24);
  });

  it('a published call with awards: the two selected have offers, the two reserves none, each with a member of its own', async () => {
    const world = await createE2eAwardsCall();
    const [call] = await db.select().from(calls).where(eq(calls.id, world.call.id));
    expect(call.status).toBe('published');
    const offers = await db.select().from(awards).where(eq(awards.callId, call.id));
    expect(offers.map((o) => o.applicationId).sort()).toEqual(world.selected.map((s) => s.applicationId).sort());
    expect(offers.every((o) => o.status === 'offered')).toBe(true);
    for (const p of [...world.selected, ...world.reserves]) {
      const [app] = await db.select().from(applications).where(eq(applications.id, p.applicationId));
      const [m] = await db
        .select({ n: count() })
        .from(organisationMembers)
        .where(and(eq(organisationMembers.organisationId, app.organisationId), eq(organisationMembers.userId, p.member.id)));
      expect(m.n).toBe(1);
    }
  });

  it("a call with an accepted award of the applicant's organisation and an interim period due ahead", async () => {
    const f = await createE2eReporting();
    const [award] = await db.select().from(awards).where(eq(awards.id, f.award.id));
    expect(award.status).toBe('accepted');
    const [membership] = await db.select().from(organisationMembers).where(eq(organisationMembers.userId, f.applicant.id));
    const [app] = await db.select().from(applications).where(eq(applications.id, award.applicationId));
    expect(app.organisationId).toBe(membership.organisationId);
    const [period] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, f.period.id));
    expect(period.callId).toBe(f.call.id);
    expect(period.dueAt.getTime()).toBeGreaterThan(Date.now());
  });
});
