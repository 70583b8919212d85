import { nextReference } from '@/lib/data/applications/internal';
import crypto from 'node:crypto';
import { eq, inArray, like, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  applications,
  calls,
  organisationMembers,
  organisations,
  outbox,
  reviewAssignments,
  reviews,
  users,
  type CallStatus,
} from '@/db/schema';
import { createUser } from '@/lib/test/factories';
import { createMailWorker } from './worker';
import { draftReminderKey, queueScheduledReminders, reviewReminderKey } from './scheduler';
import { deliverySettings } from './config';

const HOUR = 3600 * 1000;

async function call(values: { status: CallStatus; closesAt: Date; reviewDeadline?: Date }) {
  const suffix = crypto.randomBytes(4).toString('hex');
  const [row] = await db
    .insert(calls)
    .values({ slug: `reminders-${suffix}`, title: `Reminder call ${suffix}`, timeZone: 'Europe/Rome', ...values })
    .returning();
  return row;
}

async function organisation(memberIds: string[]) {
  const [org] = await db.insert(organisations).values({ legalName: `Org ${crypto.randomBytes(3).toString('hex')}`, countryOfRegistration: 'IT' }).returning();
  if (memberIds.length) await db.insert(organisationMembers).values(memberIds.map((userId) => ({ organisationId: org.id, userId })));
  return org;
}

async function application(callId: string, organisationId: string, status: 'draft' | 'submitted' | 'withdrawn') {
  const reference = status === 'draft' ? null : await nextReference(db, 2026);
  const [row] = await db.insert(applications).values({ callId, organisationId, status, reference, title: 'A project' }).returning();
  return row;
}

async function mailsWithKeys(keys: string[]) {
  return db.select().from(outbox).where(inArray(outbox.dedupeKey, keys));
}

describe('scheduled reminders', () => {
  it('[applicant] a draft gets the 3-day and the 1-day reminder, once each, sent to every member of its organisation', async () => {
    const now = new Date();
    const closesAt = new Date(now.getTime() + 68 * HOUR);
    const open = await call({ status: 'open', closesAt });
    const alice = await createUser(['applicant'], { name: 'Alice' });
    const bob = await createUser(['applicant'], { name: 'Bob' });
    const gone = await createUser(['applicant']);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    const org = await organisation([alice.id, bob.id, gone.id]);
    const draft = await application(open.id, org.id, 'draft');
    // Not reminded: a submitted application, and a draft in a call that closes later.
    const submitted = await application(open.id, (await organisation([alice.id])).id, 'submitted');
    const later = await call({ status: 'open', closesAt: new Date(now.getTime() + 5 * 24 * HOUR) });
    const laterDraft = await application(later.id, (await organisation([alice.id])).id, 'draft');

    const threeDay = [draftReminderKey(draft.id, '3d', alice.id), draftReminderKey(draft.id, '3d', bob.id)];
    await queueScheduledReminders(db, now);
    await queueScheduledReminders(db, new Date(now.getTime() + 10 * 60 * 1000));
    const first = await mailsWithKeys(threeDay);
    expect(first.map((m) => m.toAddress).sort()).toEqual([alice.email, bob.email].sort());
    expect(first[0].subject).toBe(`3 days left: your application to ${open.title} is not submitted`);
    expect(first[0].textBody).toContain(`/applications/${draft.id}`);
    // The close instant in the call's time zone (Rome).
    expect(first[0].textBody).toMatch(/closes on .+ GMT\+[12]/);

    const others = await db
      .select()
      .from(outbox)
      .where(or(like(outbox.dedupeKey, `%${submitted.id}%`), like(outbox.dedupeKey, `%${laterDraft.id}%`), eq(outbox.toAddress, gone.email)));
    expect(others).toEqual([]);

    // 20 hours before the close: the 1-day reminder, once.
    const dayBefore = new Date(closesAt.getTime() - 20 * HOUR);
    await queueScheduledReminders(db, dayBefore);
    await queueScheduledReminders(db, new Date(dayBefore.getTime() + HOUR));
    const oneDay = await mailsWithKeys([draftReminderKey(draft.id, '1d', alice.id), draftReminderKey(draft.id, '1d', bob.id)]);
    expect(oneDay).toHaveLength(2);
    expect(oneDay[0].subject).toBe(`1 day left: your application to ${open.title} is not submitted`);
    const all = await db.select().from(outbox).where(like(outbox.dedupeKey, `draft-reminder:${draft.id}:%`));
    expect(all).toHaveLength(4);

    // Submitted meanwhile: no more reminders; after the close, none either.
    await db.update(applications).set({ status: 'submitted', reference: 'EOI-2026-8' + String(Date.now()).slice(-6) }).where(eq(applications.id, draft.id));
    await queueScheduledReminders(db, new Date(closesAt.getTime() + HOUR));
    expect(await db.select().from(outbox).where(like(outbox.dedupeKey, `draft-reminder:${draft.id}:%`))).toHaveLength(4);
  });

  it('[reviewer] assignments without a submitted review bring one reminder per reviewer and call, 3 days and 1 day before the deadline', async () => {
    const now = new Date();
    const reviewDeadline = new Date(now.getTime() + 50 * HOUR);
    const inReview = await call({ status: 'in_review', closesAt: new Date(now.getTime() - 24 * HOUR), reviewDeadline });
    const [late, done, conflicted] = await Promise.all([createUser(['reviewer']), createUser(['reviewer']), createUser(['reviewer'])]);
    const appA = await application(inReview.id, (await organisation([])).id, 'submitted');
    const appB = await application(inReview.id, (await organisation([])).id, 'submitted');
    const [lateA] = await db.insert(reviewAssignments).values({ applicationId: appA.id, reviewerId: late.id, status: 'accepted' }).returning();
    await db.insert(reviews).values({ assignmentId: lateA.id, status: 'draft' });
    await db.insert(reviewAssignments).values({ applicationId: appB.id, reviewerId: late.id, status: 'pending' });
    const [doneA] = await db.insert(reviewAssignments).values({ applicationId: appA.id, reviewerId: done.id, status: 'accepted' }).returning();
    await db.insert(reviews).values({ assignmentId: doneA.id, status: 'submitted', recommendation: 'recommend', submittedAt: new Date() });
    await db.insert(reviewAssignments).values({ applicationId: appB.id, reviewerId: conflicted.id, status: 'conflict', conflictReason: 'Former employer' });

    await queueScheduledReminders(db, now);
    await queueScheduledReminders(db, now);
    const keys = (w: string) => [late, done, conflicted].map((r) => reviewReminderKey(inReview.id, w, r.id));
    const threeDay = await mailsWithKeys(keys('3d'));
    expect(threeDay.map((m) => m.toAddress)).toEqual([late.email]);
    expect(threeDay[0].subject).toBe(`2 days left to review: ${inReview.title}`);
    expect(threeDay[0].textBody).toContain(`2 reviews of “${inReview.title}” still need your score.`);

    const dayBefore = new Date(reviewDeadline.getTime() - 12 * HOUR);
    await queueScheduledReminders(db, dayBefore);
    await queueScheduledReminders(db, dayBefore);
    const oneDay = await mailsWithKeys(keys('1d'));
    expect(oneDay.map((m) => m.toAddress)).toEqual([late.email]);
    expect(oneDay[0].subject).toBe(`1 day left to review: ${inReview.title}`);
  });

  it('[mail] the worker loop queues reminders even when SMTP is off', async () => {
    const closesAt = new Date(Date.now() + 30 * HOUR);
    const open = await call({ status: 'open', closesAt });
    const member = await createUser(['applicant']);
    const draft = await application(open.id, (await organisation([member.id])).id, 'draft');
    const worker = createMailWorker({
      executor: db,
      transport: null,
      from: '',
      settings: { ...deliverySettings({}), scheduleMs: 0 },
      log: { log: () => {}, error: () => {} },
    });
    await worker.runOnce();
    const [mail] = await mailsWithKeys([draftReminderKey(draft.id, '3d', member.id)]);
    expect(mail).toMatchObject({ toAddress: member.email, status: 'pending', template: 'draftReminder' });
  });
});
