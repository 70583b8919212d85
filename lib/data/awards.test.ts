import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, awardNotices, awards, calls, outbox } from '@/db/schema';
import { lapseAwardAction, offerToReserveAction, respondToAwardAction } from '@/lib/actions/awards';
import { publishResultsAction, recordDecisionsAction } from '@/lib/actions/selection';
import { actingAs } from '@/lib/auth/session';
import { getPublishedResults, listPartners, resultsJson } from '@/lib/data/results';
import { createUser } from '@/lib/test/factories';
import { callInSelection } from '@/lib/test/selection-factory';
import { toZonedInput } from '@/lib/time/zoned';
import { defaultRespondBy, listCallAwards, nextReserve } from './awards';

const decide = (applicationId: string, outcome: 'selected' | 'reserve' | 'not_selected', awardedAmount: number | null = null) => ({
  applicationId,
  outcome,
  awardedAmount,
  rationale: `Because ${outcome}`,
  shareComments: false,
});

/**
 * A published call: applications 0 and 1 selected (50,000 and 40,000), 2 and 3 on the
 * reserve list, 3 ranked above 2 (its scores are higher), 4 not selected.
 */
async function publishedCall() {
  const setup = await callInSelection([
    { country: 'LB', amount: 50_000, scores: [[5, 5]] },
    { country: 'TN', amount: 40_000, scores: [[5, 4]] },
    { country: 'LB', amount: 60_000, scores: [[3, 3]] },
    { country: 'TN', amount: 60_000, scores: [[4, 4]] },
    { country: 'TN', amount: 60_000, scores: [[1, 1]] },
  ]);
  const [a, b, low, high, no] = setup.applications;
  const decided = await actingAs(setup.admin, () =>
    recordDecisionsAction({
      callId: setup.callId,
      decisions: [decide(a.app.id, 'selected', 50_000), decide(b.app.id, 'selected', 40_000), decide(low.app.id, 'reserve'), decide(high.app.id, 'reserve'), decide(no.app.id, 'not_selected')],
    }),
  );
  if (!decided.ok) throw new Error(decided.error);
  const published = await actingAs(setup.admin, () => publishResultsAction({ callId: setup.callId }));
  if (!published.ok) throw new Error(published.error);
  const [call] = await db.select().from(calls).where(eq(calls.id, setup.callId));
  const awardOf = async (applicationId: string) => (await db.select().from(awards).where(eq(awards.applicationId, applicationId)))[0];
  return { ...setup, call, a, b, low, high, no, awardOf };
}

const noticesOf = async (callId: string) => db.select().from(awardNotices).where(eq(awardNotices.callId, callId)).orderBy(awardNotices.at);
const auditCount = async (entityIds: string[]) => (await db.select({ n: count() }).from(auditLog).where(inArray(auditLog.entityId, entityIds)))[0].n;

describe('offers at publication', () => {
  it('every selected application gets an offer (its award, 14 days, 17:00 in the call’s zone); the letter carries it; a second publish adds none', async () => {
    const { admin, callId, call, a, b, low, awardOf } = await publishedCall();
    const offerA = await awardOf(a.app.id);
    expect(offerA).toMatchObject({ status: 'offered', amount: 50_000, conditions: '', replacesAwardId: null });
    expect((await awardOf(b.app.id)).amount).toBe(40_000);
    expect(await awardOf(low.app.id)).toBeUndefined();
    expect(toZonedInput(offerA.respondBy, call.timeZone)).toMatch(/T17:00$/);
    expect(offerA.respondBy.getTime()).toBe(defaultRespondBy(offerA.offeredAt, call.timeZone).getTime());
    const [letter] = await db.select().from(outbox).where(and(eq(outbox.template, 'outcome'), eq(outbox.toAddress, a.member.email)));
    expect(letter.textBody).toContain('Please accept or decline the award in the portal by');
    expect(letter.textBody).toContain(`/applications/${a.app.id}/award`);
    // No notice yet: publication is the record; notices are what happens after.
    expect(await noticesOf(callId)).toHaveLength(0);

    expect((await actingAs(admin, () => publishResultsAction({ callId }))).ok).toBe(true);
    const [{ n }] = await db.select({ n: count() }).from(awards).where(eq(awards.callId, callId));
    expect(n).toBe(2);
  });
});

describe('accepting and declining', () => {
  it('[applicant] a member accepts: audited, a dated notice, mail to the admins and to the organisation; a second answer is refused', async () => {
    const { callId, call, a, awardOf } = await publishedCall();
    const award = await awardOf(a.app.id);
    const admin2 = await createUser(['admin']);
    expect(await actingAs(a.member, () => respondToAwardAction({ awardId: award.id, response: 'accept' }))).toEqual({ ok: true, data: { status: 'accepted' } });
    expect(await awardOf(a.app.id)).toMatchObject({ status: 'accepted', respondedBy: a.member.id, declineReason: null });
    const notices = await noticesOf(callId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'accepted', entry: { reference: a.app.reference, amount: 50_000, currency: 'USD' } });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, award.id), eq(auditLog.action, 'award.accepted')));
    expect(audit.actorId).toBe(a.member.id);
    const [toAdmin] = await db.select().from(outbox).where(and(eq(outbox.template, 'awardAnswered'), eq(outbox.toAddress, admin2.email)));
    expect(toAdmin.subject).toContain('Award accepted');
    const [confirmation] = await db.select().from(outbox).where(and(eq(outbox.template, 'awardAnswerConfirmation'), eq(outbox.toAddress, a.member.email)));
    expect(confirmation.subject).toBe(`You accepted the award: ${call.title}`);

    // Twice: refused, nothing written.
    const audits = await auditCount([award.id]);
    const again = await actingAs(a.member, () => respondToAwardAction({ awardId: award.id, response: 'decline', reason: 'Changed our mind.' }));
    expect(again).toEqual({ ok: false, error: 'This award has already been answered; its answer cannot change.' });
    expect((await awardOf(a.app.id)).status).toBe('accepted');
    expect(await noticesOf(callId)).toHaveLength(1);
    expect(await auditCount([award.id])).toBe(audits);
  });

  it('[applicant] declining needs a reason; with one, the award is declined with a notice', async () => {
    const { callId, b, awardOf } = await publishedCall();
    const award = await awardOf(b.app.id);
    const noReason = await actingAs(b.member, () => respondToAwardAction({ awardId: award.id, response: 'decline', reason: '   ' }));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: ['This field is required.'] } });
    expect((await awardOf(b.app.id)).status).toBe('offered');
    const declined = await actingAs(b.member, () => respondToAwardAction({ awardId: award.id, response: 'decline', reason: 'Our project lead has left.' }));
    expect(declined).toEqual({ ok: true, data: { status: 'declined' } });
    expect(await awardOf(b.app.id)).toMatchObject({ status: 'declined', declineReason: 'Our project lead has left.' });
    expect((await noticesOf(callId)).map((n) => n.kind)).toEqual(['declined']);
  });

  it('[applicant B, reviewer, admin] another organisation finds nothing; a reviewer or an admin may not answer; nothing is written', async () => {
    const { callId, a, b, admin, awardOf } = await publishedCall();
    const award = await awardOf(a.app.id);
    const reviewer = await createUser(['reviewer']);
    const answers = [
      [b.member, 'Not found. It may have been removed, or you may not have access to it.'],
      [reviewer, 'You do not have permission to do that.'],
      [admin, 'You do not have permission to do that.'],
    ] as const;
    for (const [user, error] of answers) {
      expect(await actingAs(user, () => respondToAwardAction({ awardId: award.id, response: 'accept' }))).toEqual({ ok: false, error });
    }
    expect((await awardOf(a.app.id)).status).toBe('offered');
    expect(await noticesOf(callId)).toHaveLength(0);
    expect(await auditCount([award.id])).toBe(1); // the offer's own row only
  });

  it('[applicant] after the deadline the answer is refused and nothing is written', async () => {
    const { callId, a, awardOf } = await publishedCall();
    const award = await awardOf(a.app.id);
    await db.update(awards).set({ respondBy: new Date(Date.now() - 60_000) }).where(eq(awards.id, award.id));
    const late = await actingAs(a.member, () => respondToAwardAction({ awardId: award.id, response: 'accept' }));
    expect(late).toEqual({ ok: false, error: 'The deadline to answer this award has passed.' });
    expect((await awardOf(a.app.id)).status).toBe('offered');
    expect(await noticesOf(callId)).toHaveLength(0);
    const mails = await db
      .select({ n: count() })
      .from(outbox)
      .where(and(inArray(outbox.template, ['awardAnswered', 'awardAnswerConfirmation']), eq(outbox.toAddress, a.member.email)));
    expect(mails[0].n).toBe(0);
  });
});

describe('the reserve list', () => {
  it('[admin] a declined award goes to the reserve ranked highest, once; then to the next; then there is none left', async () => {
    const { admin, callId, call, a, b, low, high, awardOf } = await publishedCall();
    const awardA = await awardOf(a.app.id);
    const awardB = await awardOf(b.app.id);
    const offer = { amount: 40_000, conditions: 'Report monthly.', respondBy: '2099-06-01T17:00' };

    // Not declined yet: refused.
    expect(await actingAs(admin, () => offerToReserveAction({ awardId: awardA.id, ...offer }))).toEqual({
      ok: false,
      error: 'Only a declined or lapsed award can be offered to the reserve list.',
    });
    await actingAs(a.member, () => respondToAwardAction({ awardId: awardA.id, response: 'decline', reason: 'We merged with another organisation.' }));
    expect((await nextReserve(db, callId))?.applicationId).toBe(high.app.id);

    // An applicant may not offer.
    expect((await actingAs(a.member, () => offerToReserveAction({ awardId: awardA.id, ...offer }))).ok).toBe(false);

    // Above what the reserve application requested: refused.
    expect(await actingAs(admin, () => offerToReserveAction({ awardId: awardA.id, ...offer, amount: 70_000 }))).toMatchObject({ ok: false, fieldErrors: { amount: ['More than it requested.'] } });
    // A deadline in the past: refused.
    expect(await actingAs(admin, () => offerToReserveAction({ awardId: awardA.id, ...offer, respondBy: '2020-01-01T17:00' }))).toMatchObject({
      ok: false,
      fieldErrors: { respondBy: ['The deadline must be in the future.'] },
    });

    const made = await actingAs(admin, () => offerToReserveAction({ awardId: awardA.id, ...offer }));
    expect(made.ok).toBe(true);
    const toHigh = await awardOf(high.app.id);
    expect(toHigh).toMatchObject({ status: 'offered', amount: 40_000, conditions: 'Report monthly.', replacesAwardId: awardA.id, offeredBy: admin.id });
    expect(toZonedInput(toHigh.respondBy, call.timeZone)).toBe('2099-06-01T17:00');
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.template, 'awardOffer'), eq(outbox.toAddress, high.member.email)));
    expect(mail.textBody).toContain('Report monthly.');
    expect((await noticesOf(callId)).map((n) => n.kind)).toEqual(['declined', 'offered_to_reserve']);

    // Twice for the same award: refused, nothing written.
    const twice = await actingAs(admin, () => offerToReserveAction({ awardId: awardA.id, ...offer }));
    expect(twice).toEqual({ ok: false, error: 'This award has already been offered to a reserve application.' });
    expect(await awardOf(low.app.id)).toBeUndefined();

    // The reserve accepts: it joins the partners register (the published list stays as published).
    expect((await actingAs(high.member, () => respondToAwardAction({ awardId: toHigh.id, response: 'accept' }))).ok).toBe(true);
    const results = (await getPublishedResults(call.slug))!;
    expect(results.partners.map((p) => p.reference)).toEqual([a.app.reference, b.app.reference]);
    expect(resultsJson(results).sincePublication.map((n) => [n.kind, n.reference])).toEqual([
      ['declined', a.app.reference],
      ['offered_to_reserve', high.app.reference],
      ['accepted', high.app.reference],
    ]);
    const register = (await listPartners()).partners.filter((p) => p.call.slug === call.slug);
    expect(register.map((p) => [p.reference, p.awardedAmount])).toEqual([[high.app.reference, 40_000]]);

    // B declines: the next reserve is the lower-ranked one.
    await actingAs(b.member, () => respondToAwardAction({ awardId: awardB.id, response: 'decline', reason: 'No longer feasible.' }));
    expect((await actingAs(admin, () => offerToReserveAction({ awardId: awardB.id, ...offer }))).ok).toBe(true);
    const toLow = await awardOf(low.app.id);
    expect(toLow.replacesAwardId).toBe(awardB.id);

    // The lower one declines too: no reserve is left; refused, nothing written.
    await actingAs(low.member, () => respondToAwardAction({ awardId: toLow.id, response: 'decline', reason: 'Too late for us.' }));
    const before = (await noticesOf(callId)).length;
    const none = await actingAs(admin, () => offerToReserveAction({ awardId: toLow.id, ...offer }));
    expect(none).toEqual({ ok: false, error: 'No application is left on the reserve list: every reserve has already had an offer.' });
    expect((await noticesOf(callId)).length).toBe(before);
    const [{ n }] = await db.select({ n: count() }).from(awards).where(eq(awards.callId, callId));
    expect(n).toBe(4);
    const page = await listCallAwards(admin, callId);
    expect(page?.nextReserve).toBeNull();
    expect(page?.awards.map((x) => x.award.status)).toEqual(['declined', 'declined', 'accepted', 'declined']);
  });

  it('[admin] an offer past its deadline may be marked lapsed (not before), then offered to the reserve', async () => {
    const { admin, callId, a, high, awardOf } = await publishedCall();
    const award = await awardOf(a.app.id);
    expect(await actingAs(admin, () => lapseAwardAction({ awardId: award.id }))).toEqual({
      ok: false,
      error: 'This offer is still open: it can be marked lapsed only after its deadline.',
    });
    expect((await actingAs(a.member, () => lapseAwardAction({ awardId: award.id }))).ok).toBe(false);
    await db.update(awards).set({ respondBy: new Date(Date.now() - 60_000) }).where(eq(awards.id, award.id));
    expect((await listCallAwards(admin, callId))?.awards[0]).toMatchObject({ overdue: true, replaceable: false });
    expect(await actingAs(admin, () => lapseAwardAction({ awardId: award.id }))).toEqual({ ok: true, data: { status: 'lapsed' } });
    expect((await awardOf(a.app.id)).status).toBe('lapsed');
    expect((await noticesOf(callId)).map((n) => n.kind)).toEqual(['lapsed']);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, award.id), eq(auditLog.action, 'award.lapsed')));
    expect(audit.actorId).toBe(admin.id);
    expect((await actingAs(admin, () => offerToReserveAction({ awardId: award.id, amount: 50_000, conditions: '', respondBy: '2099-01-01T17:00' }))).ok).toBe(true);
    expect((await awardOf(high.app.id)).replacesAwardId).toBe(award.id);
  });
});
