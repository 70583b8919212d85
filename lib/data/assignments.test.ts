import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applications, auditLog, outbox, reviewAssignments } from '@/db/schema';
import { assignReviewerAction, autoAssignAction, unassignReviewerAction } from '@/lib/actions/assignments';
import { screenApplicationAction } from '@/lib/actions/screening';
import { actingAs } from '@/lib/auth/session';
import { createUser } from '@/lib/test/factories';
import { createAssignment, createOrganisation, createReviewCall, createSubmittedApplication, createSubmittedReview, onlyTheseReviewers } from '@/lib/test/review-factories';

describe('screening', () => {
  it('[admin] screens after the close instant: ineligible needs a reason; audited', async () => {
    const { call } = await createReviewCall();
    const admin = await createUser(['admin']);
    const { application } = await createSubmittedApplication(call, { eligibility: 'pending' });
    const noReason = await actingAs(admin, () => screenApplicationAction({ applicationId: application.id, eligibility: 'ineligible', reason: '' }));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: ['Give the reason the application is ineligible.'] } });
    const ok = await actingAs(admin, () => screenApplicationAction({ applicationId: application.id, eligibility: 'ineligible', reason: 'No PSEA policy.' }));
    expect(ok).toEqual({ ok: true, data: { eligibility: 'ineligible', reason: 'No PSEA policy.' } });
    const [row] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(row).toMatchObject({ eligibility: 'ineligible', eligibilityReason: 'No PSEA policy.', screenedBy: admin.id });
    const eligible = await actingAs(admin, () => screenApplicationAction({ applicationId: application.id, eligibility: 'eligible', reason: 'ignored' }));
    expect(eligible).toEqual({ ok: true, data: { eligibility: 'eligible', reason: null } });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, 'application.screened'), eq(auditLog.entityId, application.id)));
    expect(entries.map((e) => e.after)).toEqual([
      { eligibility: 'ineligible', reason: 'No PSEA policy.' },
      { eligibility: 'eligible', reason: null },
    ]);
  });

  it('[admin] cannot screen before the call closes', async () => {
    const { call } = await createReviewCall({ status: 'open', closesAt: new Date(Date.now() + 86_400_000) });
    const admin = await createUser(['admin']);
    const { application } = await createSubmittedApplication(call, { eligibility: 'pending' });
    const result = await actingAs(admin, () => screenApplicationAction({ applicationId: application.id, eligibility: 'eligible', reason: '' }));
    expect(result).toEqual({ ok: false, error: 'Screening opens when the call closes, and ends when its results are published.' });
    const [row] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(row.eligibility).toBe('pending');
  });

  it('[reviewer, applicant] screening and assignment actions are refused and write nothing', async () => {
    const { call } = await createReviewCall();
    const { application } = await createSubmittedApplication(call, { eligibility: 'pending' });
    const reviewer = await createUser(['reviewer']);
    for (const persona of [reviewer, await createUser(['applicant']), null]) {
      const screen = await actingAs(persona, () => screenApplicationAction({ applicationId: application.id, eligibility: 'eligible', reason: '' }));
      expect(screen.ok).toBe(false);
      const assign = await actingAs(persona, () => assignReviewerAction({ applicationId: application.id, reviewerId: reviewer.id }));
      expect(assign.ok).toBe(false);
      const auto = await actingAs(persona, () => autoAssignAction({ callId: call.id }));
      expect(auto.ok).toBe(false);
    }
    const [row] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(row.eligibility).toBe('pending');
    expect(await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, application.id))).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, application.id))).toEqual([]);
  });
});

describe('assignment', () => {
  it('[admin] assigns by hand: mail, audit, and a likely conflict is flagged', async () => {
    const { call } = await createReviewCall();
    const admin = await createUser(['admin']);
    const organisation = await createOrganisation({ website: 'https://www.hamc.example', contactEmail: 'info@hamc.example' });
    const { application } = await createSubmittedApplication(call, { organisation });
    const insider = await createUser(['reviewer'], { email: `insider-${Date.now()}@hamc.example` });
    const result = await actingAs(admin, () => assignReviewerAction({ applicationId: application.id, reviewerId: insider.id }));
    expect(result).toMatchObject({ ok: true, data: { likelyConflict: 'hamc.example' } });
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, insider.email), eq(outbox.template, 'reviewAssignment')));
    expect(mail.subject).toBe('Applications to review: Test call in review');
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'assignment.created'))).not.toHaveLength(0);
    // twice is refused; an ineligible application cannot be assigned
    expect((await actingAs(admin, () => assignReviewerAction({ applicationId: application.id, reviewerId: insider.id }))).ok).toBe(false);
    const { application: ineligible } = await createSubmittedApplication(call, { eligibility: 'ineligible' });
    expect(await actingAs(admin, () => assignReviewerAction({ applicationId: ineligible.id, reviewerId: insider.id }))).toEqual({
      ok: false,
      error: 'Only applications screened as eligible can be assigned for review.',
    });
  });

  it('[admin] unassigning keeps declared conflicts and submitted reviews', async () => {
    const { call, criteria } = await createReviewCall();
    const admin = await createUser(['admin']);
    const { application } = await createSubmittedApplication(call);
    const [a, b, c] = [await createUser(['reviewer']), await createUser(['reviewer']), await createUser(['reviewer'])];
    const conflict = await createAssignment(application.id, a.id, 'conflict');
    const done = await createAssignment(application.id, b.id, 'accepted');
    await createSubmittedReview(done.id, criteria, [1, 2, 3, 4]);
    const pending = await createAssignment(application.id, c.id, 'pending');
    expect((await actingAs(admin, () => unassignReviewerAction({ assignmentId: conflict.id }))).ok).toBe(false);
    expect((await actingAs(admin, () => unassignReviewerAction({ assignmentId: done.id }))).ok).toBe(false);
    expect(await actingAs(admin, () => unassignReviewerAction({ assignmentId: pending.id }))).toEqual({ ok: true, data: { removed: true } });
    const left = await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, application.id));
    expect(left.map((r) => r.id).sort()).toEqual([conflict.id, done.id].sort());
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'assignment.removed'), eq(auditLog.entityId, pending.id)))).toHaveLength(1);
  });

  it('[admin] assigns automatically: k each, balanced, never a conflict, existing kept, one mail per reviewer, audited', async () => {
    const { call } = await createReviewCall({ reviewersPerApplication: 2 });
    const admin = await createUser(['admin']);
    const reviewers = [await createUser(['reviewer']), await createUser(['reviewer']), await createUser(['reviewer'])];
    const restore = await onlyTheseReviewers(reviewers.map((r) => r.id));
    try {
      const apps: { id: string }[] = [];
      for (let i = 0; i < 5; i++) apps.push((await createSubmittedApplication(call)).application);
      await createSubmittedApplication(call, { eligibility: 'ineligible' });
      await createSubmittedApplication(call, { eligibility: 'pending' });
      const kept = await createAssignment(apps[0].id, reviewers[0].id, 'accepted');
      await createAssignment(apps[1].id, reviewers[1].id, 'conflict');

      const result = await actingAs(admin, () => autoAssignAction({ callId: call.id }));
      expect(result).toEqual({ ok: true, data: { created: 9, reviewersMailed: 3, shortfalls: [], reviewers: 3 } });
      const rows = await db.select().from(reviewAssignments).where(inArray(reviewAssignments.applicationId, apps.map((a) => a.id)));
      for (const app of apps) expect(rows.filter((r) => r.applicationId === app.id && r.status !== 'conflict')).toHaveLength(2);
      expect(rows.find((r) => r.id === kept.id)).toBeDefined();
      expect(rows.filter((r) => r.applicationId === apps[1].id && r.reviewerId === reviewers[1].id).map((r) => r.status)).toEqual(['conflict']);
      const loads = reviewers.map((r) => rows.filter((x) => x.reviewerId === r.id && x.status !== 'conflict').length);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      for (const r of reviewers) {
        const mails = await db.select().from(outbox).where(and(eq(outbox.toAddress, r.email), eq(outbox.template, 'reviewAssignment')));
        expect(mails).toHaveLength(1);
      }
      const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'assignment.created'));
      expect(audits.filter((a) => (a.after as { automatic?: boolean }).automatic && rows.some((r) => r.id === a.entityId))).toHaveLength(9);

      // run again: nothing to add, no mail
      expect(await actingAs(admin, () => autoAssignAction({ callId: call.id }))).toMatchObject({ ok: true, data: { created: 0, reviewersMailed: 0 } });

      // k = 3 with a conflict on apps[1]: it can only have 2; said exactly
      const { call: bigger } = await createReviewCall({ reviewersPerApplication: 3 });
      const { application } = await createSubmittedApplication(bigger);
      await createAssignment(application.id, reviewers[2].id, 'conflict');
      const short = await actingAs(admin, () => autoAssignAction({ callId: bigger.id }));
      expect(short).toEqual({
        ok: true,
        data: { created: 2, reviewersMailed: 2, reviewers: 3, shortfalls: [{ reference: application.reference, needed: 3, planned: 2, conflicts: 1 }] },
      });
    } finally {
      await restore();
    }
  });
});
