import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { calls, criteria, decisions, outbox, publications, reviewScores, reviews, reviewAssignments, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { publishResultsAction, recordDecisionsAction, suggestSlateAction } from '@/lib/actions/selection';
import { actingAs } from '@/lib/auth/session';
import { getPublishedResults, listPartners, resultsCsv, resultsJson } from '@/lib/data/results';
import { listMyApplications } from '@/lib/data/applications';
import { getPublishedOutcome } from '@/lib/data/selection';
import { createUser } from '@/lib/test/factories';
import { callInSelection } from '@/lib/test/selection-factory';

const decide = (applicationId: string, outcome: 'selected' | 'reserve' | 'not_selected', awardedAmount: number | null = null) => ({
  applicationId,
  outcome,
  awardedAmount,
  rationale: `Because ${outcome}`,
  shareComments: true,
});

describe('decisions', () => {
  it('[admin] records decisions with rationales; an award above the request is refused', async () => {
    const { admin, callId, applications } = await callInSelection([{ country: 'LB', amount: 50_000, scores: [[5, 4], [4, 4]] }]);
    const [a] = applications;
    const tooMuch = await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 60_000)] }));
    expect(tooMuch).toMatchObject({ ok: false, error: expect.stringContaining('is more than the 50,000 it requested') });
    const noAward = await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', null)] }));
    expect(noAward).toMatchObject({ ok: false, fieldErrors: { 'decisions.0.awardedAmount': ['A selected application needs an award.'] } });
    const noRationale = await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [{ ...decide(a.app.id, 'reserve'), rationale: '' }] }));
    expect(noRationale.ok).toBe(false);
    expect(await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 45_000)] }))).toEqual({ ok: true, data: { saved: 1 } });
    const [row] = await db.select().from(decisions).where(eq(decisions.applicationId, a.app.id));
    expect(row).toMatchObject({ outcome: 'selected', awardedAmount: 45_000, rationale: 'Because selected' });
  });

  it('[reviewer, applicant] cannot record decisions or publish; nothing is written', async () => {
    const { callId, applications } = await callInSelection([{ country: 'LB', amount: 50_000, scores: [[5, 4]] }]);
    for (const user of [await createUser(['reviewer']), applications[0].member]) {
      expect((await actingAs(user, () => recordDecisionsAction({ callId, decisions: [decide(applications[0].app.id, 'selected', 1000)] }))).ok).toBe(false);
      expect((await actingAs(user, () => publishResultsAction({ callId }))).ok).toBe(false);
    }
    const [{ n }] = await db.select({ n: count() }).from(decisions).where(eq(decisions.applicationId, applications[0].app.id));
    expect(n).toBe(0);
  });
});

describe('the suggested slate on a call', () => {
  it('maximises the score within the envelope and covers each country', async () => {
    // Scores out of 100: A 90 (LB, 200k), B 70 (LB, 100k), C 60 (TN, 100k), D 50 (TN, 100k). Envelope 300k, 1 per country.
    // By hand: A + C = 150 (300k); B + C + D = 180 (300k) wins.
    const { admin, callId, applications } = await callInSelection(
      [
        { country: 'LB', amount: 200_000, scores: [[5, 4]] },
        { country: 'LB', amount: 100_000, scores: [[4, 3]] },
        { country: 'TN', amount: 100_000, scores: [[3, 3]] },
        { country: 'TN', amount: 100_000, scores: [[3, 2]] },
      ],
      { envelope: 300_000 },
    );
    const result = await actingAs(admin, () => suggestSlateAction({ callId, scoreKind: 'raw', minPerCountry: 1 }));
    if (!result.ok || result.data.status !== 'optimal') throw new Error(JSON.stringify(result));
    const [A, B, C, D] = applications.map((a) => a.app.id);
    expect(result.data.selected.sort()).toEqual([B, C, D].sort());
    expect(result.data.totalAmount).toBe(300_000);
    expect(result.data.reasons[A]).toMatchObject({ kind: 'overBudget' });
  });
});

describe('publishing results', () => {
  async function decidedCall() {
    const setup = await callInSelection([
      { country: 'LB', amount: 50_000, scores: [[5, 5], [4, 4]] },
      { country: 'TN', amount: 40_000, scores: [[2, 2], [3, 1]] },
      { country: 'TN', amount: 40_000, scores: [], eligible: false },
    ]);
    const [winner, loser] = setup.applications;
    await actingAs(setup.admin, () =>
      recordDecisionsAction({ callId: setup.callId, decisions: [decide(winner.app.id, 'selected', 50_000), decide(loser.app.id, 'not_selected')] }),
    );
    return setup;
  }

  it('refuses while an eligible application has no decision, and outside selection', async () => {
    const setup = await callInSelection([
      { country: 'LB', amount: 50_000, scores: [[5, 5]] },
      { country: 'TN', amount: 40_000, scores: [[2, 2]] },
    ]);
    await actingAs(setup.admin, () => recordDecisionsAction({ callId: setup.callId, decisions: [decide(setup.applications[0].app.id, 'selected', 50_000)] }));
    const undecided = await actingAs(setup.admin, () => publishResultsAction({ callId: setup.callId }));
    expect(undecided).toEqual({
      ok: false,
      error: 'One eligible application has no decision yet. Every eligible application needs one before publishing.',
    });
    await db.update(calls).set({ status: 'in_review' }).where(eq(calls.id, setup.callId));
    const early = await actingAs(setup.admin, () => publishResultsAction({ callId: setup.callId }));
    expect(early).toEqual({ ok: false, error: 'Move the call to selection before publishing its results.' });
    const [{ n }] = await db.select({ n: count() }).from(publications).where(eq(publications.callId, setup.callId));
    expect(n).toBe(0);
  });

  it('publishes once: freezes the record, makes the partners public, and writes every applicant a letter', async () => {
    const { admin, callId, applications, criteria } = await decidedCall();
    const first = await actingAs(admin, () => publishResultsAction({ callId }));
    expect(first).toEqual({ ok: true, data: { already: false, letters: 3, partners: 1 } });
    const [call] = await db.select().from(calls).where(eq(calls.id, callId));
    expect(call.status).toBe('published');

    const results = await getPublishedResults(call.slug);
    const json = resultsJson(results!);
    expect(json.partners).toHaveLength(1);
    expect(json.partners[0]).toMatchObject({ awardedAmount: 50_000, currency: 'USD', project: { title: 'Project 0', countries: ['LB'] } });
    expect(resultsCsv(results!)).toContain('Project 0');

    const letters = await db.select().from(outbox).where(eq(outbox.template, 'outcome'));
    const winnerLetter = letters.find((l) => l.toAddress === applications[0].member.email)!;
    expect(winnerLetter.subject).toMatch(/^Selected: /);
    expect(winnerLetter.textBody).toContain('$50,000');
    const loserLetter = letters.find((l) => l.toAddress === applications[1].member.email)!;
    expect(loserLetter.subject).toMatch(/^Outcome of your application: /);
    // Per-criterion feedback against the cohort: Relevance 2.5 vs (5+4+2+3)/4 = 3.5, out of 5.
    expect(loserLetter.textBody).toContain(`${criteria[0].name}: 2.5 (average of all: 3.5) out of 5`);
    expect(loserLetter.textBody).toContain('Overall comment 1-0');
    const ineligibleLetter = letters.find((l) => l.toAddress === applications[2].member.email)!;
    expect(ineligibleLetter.textBody).toContain('No registration certificate.');

    // Publishing twice does nothing the second time.
    const second = await actingAs(admin, () => publishResultsAction({ callId }));
    expect(second).toEqual({ ok: true, data: { already: true, letters: 0, partners: 0 } });
    const again = await db.select().from(outbox).where(eq(outbox.template, 'outcome'));
    expect(again.length).toBe(letters.length);
  });

  it('the frozen record does not change when a review is edited afterwards', async () => {
    const { admin, callId, applications } = await decidedCall();
    await actingAs(admin, () => publishResultsAction({ callId }));
    const [before] = await db.select().from(publications).where(eq(publications.callId, callId));
    const outcomeBefore = await getPublishedOutcome(applications[1].member, applications[1].app.id);
    // Someone changes a score in the database after publication.
    const [assignment] = await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, applications[1].app.id));
    const [review] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignment.id));
    await db.update(reviewScores).set({ score: 5 }).where(eq(reviewScores.reviewId, review.id));
    const [after] = await db.select().from(publications).where(eq(publications.callId, callId));
    expect(after.snapshot).toEqual(before.snapshot);
    expect(await getPublishedOutcome(applications[1].member, applications[1].app.id)).toEqual(outcomeBefore);
    expect(outcomeBefore?.feedback[0].yours).toBe(2.5);
  });

  it("an applicant reads only their own organisation's outcome, and only once published", async () => {
    const { admin, callId, applications } = await decidedCall();
    expect(await getPublishedOutcome(applications[0].member, applications[0].app.id)).toBeNull();
    await actingAs(admin, () => publishResultsAction({ callId }));
    expect((await getPublishedOutcome(applications[0].member, applications[0].app.id))?.outcome).toBe('selected');
    expect(await getPublishedOutcome(applications[1].member, applications[0].app.id)).toBeNull();
  });

  it("[applicant] the dashboard's status is the published outcome, the same as the letter's", async () => {
    const { admin, callId, applications } = await decidedCall();
    const statusOf = async (i: number) => (await listMyApplications(applications[i].member)).rows.find((r) => r.id === applications[i].app.id)?.outcome;
    expect(await statusOf(0)).toBeNull();
    await actingAs(admin, () => publishResultsAction({ callId }));
    for (const i of [0, 1]) {
      expect(await statusOf(i)).toBe((await getPublishedOutcome(applications[i].member, applications[i].app.id))?.outcome);
    }
    expect(await statusOf(0)).toBe('selected');
  });
});

describe('a call published in several languages', () => {
  it('each applicant’s letter is in their language, call title and criteria included; results.json lists the languages', async () => {
    const setup = await callInSelection([
      { country: 'LB', amount: 50_000, scores: [[5, 5], [4, 4]] },
      { country: 'TN', amount: 40_000, scores: [[2, 2], [3, 1]] },
    ]);
    const [winner, loser] = setup.applications;
    await db.update(calls).set({ translations: { fr: { title: 'Appel multilingue' }, ar: { title: 'دعوة متعددة اللغات' } } }).where(eq(calls.id, setup.callId));
    for (const [i, c] of setup.criteria.entries()) {
      await db.update(criteria).set({ translations: { fr: { name: `Critère ${i + 1}` }, ar: { name: `المعيار ${i + 1}` } } }).where(eq(criteria.id, c.id));
    }
    await db.update(users).set({ locale: 'ar' }).where(eq(users.id, loser.member.id));
    await db.update(users).set({ locale: 'fr' }).where(eq(users.id, winner.member.id));
    await actingAs(setup.admin, () =>
      recordDecisionsAction({ callId: setup.callId, decisions: [decide(winner.app.id, 'selected', 50_000), decide(loser.app.id, 'not_selected')] }),
    );
    expect((await actingAs(setup.admin, () => publishResultsAction({ callId: setup.callId }))).ok).toBe(true);
    const letters = await db.select().from(outbox).where(eq(outbox.template, 'outcome'));
    const arabic = letters.find((l) => l.toAddress === loser.member.email)!;
    expect(arabic.subject).toBe('نتيجة طلبكم: دعوة متعددة اللغات');
    expect(arabic.textBody).toContain('المعيار 1: 2.5 (متوسط الجميع: 3.5) من 5');
    const french = letters.find((l) => l.toAddress === winner.member.email)!;
    expect(french.subject).toBe('Candidature retenue\u00a0: Appel multilingue');
    const [call] = await db.select().from(calls).where(eq(calls.id, setup.callId));
    const json = resultsJson((await getPublishedResults(call.slug))!);
    expect(json.call.languages).toEqual(['en', 'fr', 'ar']);
    expect(json.call.titles).toEqual({ en: call.title, fr: 'Appel multilingue', ar: 'دعوة متعددة اللغات' });
    expect((await getPublishedOutcome(loser.member, loser.app.id, 'ar'))?.feedback[0].criterion).toBe('المعيار 1');
  });
});

describe('the demo 2022 call', () => {
  it('results.json lists its six partners', async () => {
    await seedDemo();
    const results = await getPublishedResults('diaspora-covid-recovery-2022');
    const json = resultsJson(results!);
    expect(json.call.slug).toBe('diaspora-covid-recovery-2022');
    expect(json.call.languages).toEqual(['en']);
    expect(json.partners.map((p) => p.organisation.name).sort()).toEqual([
      'Citizens Initiative',
      'Fédération des Tunisiens pour une Citoyenneté des deux Rives',
      'Genesis Entrepreneurship Trust',
      'Pontes Ricerche e Interventi',
      'Society for the Advancement of Science and Technology in the Arab World',
      'Syrian American Medical Society',
    ]);
    expect(new Set(json.partners.flatMap((p) => p.project.countries))).toEqual(new Set(['LB', 'TN', 'ZW']));
    // The six accepted their awards after publication: dated notices, and the register lists them.
    expect(json.sincePublication.map((n) => n.kind)).toEqual(Array(6).fill('accepted'));
    expect(json.sincePublication[0].at).toBe('2022-04-19T09:00:00.000Z');
    const register = (await listPartners()).partners.filter((p) => p.call.slug === 'diaspora-covid-recovery-2022');
    expect(register.map((p) => p.organisation.name).sort()).toEqual(json.partners.map((p) => p.organisation.name).sort());
    const [{ n }] = await db.select({ n: count() }).from(decisions).where(and(eq(decisions.outcome, 'selected')));
    expect(n).toBeGreaterThanOrEqual(6);
  });
});
