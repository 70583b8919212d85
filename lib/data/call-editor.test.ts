import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  applications,
  auditLog,
  calls,
  clarificationQuestions,
  criteria,
  documentSlots,
  organisationMembers,
  organisations,
  outbox,
  users,
} from '@/db/schema';
import { answerQuestionAction, askQuestionAction, saveCallAction, transitionCallAction } from '@/lib/actions/calls';
import { actingAs } from '@/lib/auth/session';
import { nextReference } from '@/lib/data/applications/internal';
import { getCallForEditor } from '@/lib/data/call-editor';
import { callLanguages } from '@/lib/calls/languages';
import { callInput } from '@/lib/test/call-factory';
import { createUser } from '@/lib/test/factories';
import type { CallFormInput } from '@/lib/validations/call';

async function createCall(overrides: Partial<CallFormInput> = {}, closesInDays = 30) {
  const admin = await createUser(['admin']);
  const result = await actingAs(admin, () => saveCallAction(callInput(overrides, closesInDays)));
  if (!result.ok) throw new Error(`${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return { admin, id: result.data.id, slug: result.data.slug };
}

/** The editor's form values as the page passes them (without the read-only status). */
async function loadForm(admin: Awaited<ReturnType<typeof createUser>>, id: string): Promise<CallFormInput> {
  const { status: _status, ...form } = (await getCallForEditor(admin, id))!;
  return form;
}

async function addApplication(callId: string, status: 'draft' | 'submitted' = 'draft') {
  const applicant = await createUser(['applicant']);
  const [org] = await db.insert(organisations).values({ legalName: `Org ${Math.random()}`, countryOfRegistration: 'FR' }).returning();
  await db.insert(organisationMembers).values({ organisationId: org.id, userId: applicant.id, role: 'owner' });
  const [app] = await db
    .insert(applications)
    .values({ callId, organisationId: org.id, status, countries: ['LB'], reference: status === 'submitted' ? await nextReference(db, 2026) : null })
    .returning();
  return { applicant, org, app };
}

describe('the call editor', () => {
  it('[admin] creates a call with its criteria, declarations and document slots, and audits it', async () => {
    const { id, admin } = await createCall();
    const call = await getCallForEditor(admin, id);
    expect(call?.status).toBe('draft');
    expect(call?.criteria.map((c) => [c.name, c.weight])).toEqual([
      ['Relevance', 60],
      ['Feasibility', 40],
    ]);
    expect(call?.slots).toHaveLength(2);
    expect(call?.requirements[0].statement).toBe('We are a registered non-profit.');
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'call.created'), eq(auditLog.entityId, id)));
    expect(entry.actorId).toBe(admin.id);
  });

  it('[admin] keeps the wall time of the call in its time zone', async () => {
    const { id, admin } = await createCall({ timeZone: 'Africa/Nairobi', closesAt: '2031-03-04T17:00', reviewDeadline: '2031-04-01T17:00', resultsExpectedAt: '2031-05-01T12:00', clarificationDeadline: '2031-02-01T12:00' });
    const [row] = await db.select().from(calls).where(eq(calls.id, id));
    expect(row.closesAt?.toISOString()).toBe('2031-03-04T14:00:00.000Z');
    expect((await getCallForEditor(admin, id))?.closesAt).toBe('2031-03-04T17:00');
  });

  it('refuses dates out of order, naming the field', async () => {
    const admin = await createUser(['admin']);
    const input = callInput();
    const result = await actingAs(admin, () => saveCallAction({ ...input, closesAt: input.opensAt }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.closesAt).toEqual(['Must be later than the clarification deadline.']);
  });

  it('refuses a slug another call uses', async () => {
    const { slug } = await createCall();
    const admin = await createUser(['admin']);
    const result = await actingAs(admin, () => saveCallAction(callInput({ slug })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: ['Another call already uses this address.'] } });
  });

  it('refuses to open a call whose weights do not add up to 100, saying by how much', async () => {
    const { id, admin } = await createCall({
      criteria: [
        { name: 'A', guidance: '', weight: 50, scaleMin: 0, scaleMax: 5 },
        { name: 'B', guidance: '', weight: 40, scaleMin: 0, scaleMax: 5 },
      ],
    });
    const result = await actingAs(admin, () => transitionCallAction({ callId: id, to: 'open' }));
    expect(result).toEqual({
      ok: false,
      error: 'This call cannot open yet. See what is missing below.',
      fieldErrors: { criteria: ['The weights add up to 90, not 100.'] },
    });
    const [row] = await db.select().from(calls).where(eq(calls.id, id));
    expect(row.status).toBe('draft');
  });

  it('refuses to open a call without criteria or countries', async () => {
    const { id, admin } = await createCall({ criteria: [], countries: [] });
    const result = await actingAs(admin, () => transitionCallAction({ callId: id, to: 'open' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors?.criteria).toEqual(['Add at least one scoring criterion.']);
      expect(result.fieldErrors?.countries).toEqual(['Choose at least one implementation country.']);
    }
  });

  it('[admin] opens a ready call; it cannot go to review before it closes', async () => {
    const { id, admin } = await createCall();
    expect(await actingAs(admin, () => transitionCallAction({ callId: id, to: 'open' }))).toEqual({ ok: true, data: { status: 'open' } });
    const early = await actingAs(admin, () => transitionCallAction({ callId: id, to: 'in_review' }));
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error).toMatch(/^The call is still open: it can go to review once it closes/);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'call.status_changed'), eq(auditLog.entityId, id)));
    expect(entry.before).toEqual({ status: 'draft' });
  });

  it('cancelling needs a reason; a cancelled call is frozen', async () => {
    const { id, admin } = await createCall();
    const noReason = await actingAs(admin, () => transitionCallAction({ callId: id, to: 'cancelled' }));
    expect(noReason).toMatchObject({ ok: false, error: 'Say why, for the record.' });
    expect((await actingAs(admin, () => transitionCallAction({ callId: id, to: 'cancelled', reason: 'Funding withdrawn' }))).ok).toBe(true);
    const edit = await actingAs(admin, async () => saveCallAction(await loadForm(admin, id)));
    expect(edit).toMatchObject({ ok: false, error: expect.stringContaining('can no longer be edited') });
  });

  it('refuses to add, remove or rescale criteria once applications exist, and says why', async () => {
    const { id, admin } = await createCall();
    await addApplication(id);
    const current = await loadForm(admin, id);
    const removeOne = await actingAs(admin, () => saveCallAction({ ...current, criteria: [{ ...current.criteria[0], weight: 100 }] }));
    expect(removeOne).toMatchObject({
      ok: false,
      error: 'One application was written against these criteria, so criteria cannot be added or removed and their scales cannot change. You can still fix their names and guidance.',
    });
    const rescale = await actingAs(admin, () =>
      saveCallAction({ ...current, criteria: current.criteria.map((c, i) => (i === 0 ? { ...c, scaleMax: 10 } : c)) }),
    );
    expect(rescale.ok).toBe(false);
    // Rewording is still allowed.
    const reword = await actingAs(admin, () =>
      saveCallAction({ ...current, criteria: current.criteria.map((c, i) => (i === 0 ? { ...c, name: 'Relevance and need' } : c)) }),
    );
    expect(reword.ok).toBe(true);
    const names = await db.select({ name: criteria.name }).from(criteria).where(eq(criteria.callId, id));
    expect(names.map((n) => n.name).sort()).toEqual(['Feasibility', 'Relevance and need']);
  });

  it('refuses to drop a country that an application targets', async () => {
    const { id, admin } = await createCall();
    await addApplication(id);
    const current = await loadForm(admin, id);
    const result = await actingAs(admin, () => saveCallAction({ ...current, countries: ['TN'] }));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('One application targets a country you removed') });
    expect((await actingAs(admin, () => saveCallAction({ ...current, countries: ['LB', 'TN', 'JO'] }))).ok).toBe(true);
  });

  it('refuses to make a document required after submissions without it', async () => {
    const { id, admin } = await createCall();
    await addApplication(id, 'submitted');
    const current = await loadForm(admin, id);
    const result = await actingAs(admin, () => saveCallAction({ ...current, slots: current.slots.map((s) => ({ ...s, required: true })) }));
    expect(result).toMatchObject({ ok: false, error: '“Budget” cannot become required: one application was already submitted without it.' });
    const slots = await db.select().from(documentSlots).where(eq(documentSlots.callId, id));
    expect(slots.find((s) => s.name === 'Budget')?.required).toBe(false);
  });

  it('refuses a save over someone else\'s change', async () => {
    const { id, admin } = await createCall();
    const loaded = await loadForm(admin, id);
    expect((await actingAs(admin, () => saveCallAction({ ...loaded, title: 'First edit' }))).ok).toBe(true);
    const stale = await actingAs(admin, () => saveCallAction({ ...loaded, title: 'Second edit' }));
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining('Someone else changed this call') });
  });

  it('[admin] publishes a call in English, French and Arabic: every text keeps its wording per language', async () => {
    const fr = { title: 'Appel de test pour des projets de la diaspora', summary: 'Un appel créé par un test.', description: '' };
    const ar = { title: 'دعوة تجريبية لمشاريع المغتربين', summary: 'دعوة أنشأها اختبار.', description: 'نص **Markdown**.' };
    const base = callInput();
    const { id, admin } = await createCall({
      translations: { fr, ar },
      applicationLocales: ['en', 'fr', 'ar'],
      criteria: base.criteria.map((c, i) => ({ ...c, translations: { fr: { name: ['Pertinence', 'Faisabilité'][i], guidance: '' }, ar: { name: ['الأهمية', 'الجدوى'][i], guidance: 'هل يمكن تنفيذه؟' } } })),
      requirements: [{ ...base.requirements[0], translations: { fr: { statement: 'Nous sommes un organisme à but non lucratif enregistré.' }, ar: { statement: 'نحن منظمة غير ربحية مسجَّلة.' } } }],
      slots: base.slots.map((s, i) => ({ ...s, translations: { fr: { name: ['Proposition', 'Budget'][i], description: '' }, ar: { name: ['المقترح', 'الميزانية'][i], description: '' } } })),
    });
    const [row] = await db.select().from(calls).where(eq(calls.id, id));
    expect(callLanguages(row)).toEqual(['en', 'fr', 'ar']);
    expect(row.applicationLocales).toEqual(['en', 'fr', 'ar']);
    // Blank fields are not stored: the main language stands in for them.
    expect(row.translations).toEqual({ fr: { title: fr.title, summary: fr.summary }, ar });
    const crit = await db.select().from(criteria).where(eq(criteria.callId, id));
    expect(crit.map((c) => c.translations.ar?.name).sort()).toEqual(['الأهمية', 'الجدوى']);
    const form = await loadForm(admin, id);
    expect(form.translations?.fr).toEqual(fr);
    expect(form.slots[0].translations?.ar).toEqual({ name: 'المقترح', description: '' });
    // Dropping Arabic drops it everywhere.
    const { ar: _dropped, ...onlyFr } = form.translations!;
    expect((await actingAs(admin, () => saveCallAction({ ...form, translations: onlyFr }))).ok).toBe(true);
    expect(callLanguages((await db.select().from(calls).where(eq(calls.id, id)))[0])).toEqual(['en', 'fr']);
    expect((await db.select().from(criteria).where(eq(criteria.callId, id))).every((c) => !c.translations.ar)).toBe(true);
  });

  it('[admin] a language the call is published in needs its title and every name applicants act on', async () => {
    const admin = await createUser(['admin']);
    const base = callInput();
    const result = await actingAs(admin, () =>
      saveCallAction({
        ...base,
        translations: { ar: { title: '', summary: 'ملخص', description: '' } },
        criteria: base.criteria.map((c, i) => ({ ...c, translations: i === 0 ? { ar: { name: 'الأهمية', guidance: '' } } : {} })),
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.fieldErrors).toMatchObject({
      'translations.ar.title': ['This field is required.'],
      'criteria.1.translations.ar.name': ['This field is required.'],
      'requirements.0.translations.ar.statement': ['This field is required.'],
      'slots.0.translations.ar.name': ['This field is required.'],
    });
  });

  it('[admin] a declaration already answered keeps its wording in every language; a new language may still be added', async () => {
    const base = callInput();
    const { id, admin } = await createCall({
      translations: { fr: { title: 'Appel de test', summary: '', description: '' } },
      criteria: base.criteria.map((c) => ({ ...c, translations: { fr: { name: c.name, guidance: '' } } })),
      requirements: [{ ...base.requirements[0], translations: { fr: { statement: 'Nous sommes enregistrés.' } } }],
      slots: base.slots.map((s) => ({ ...s, translations: { fr: { name: s.name, description: '' } } })),
    });
    await addApplication(id, 'submitted');
    const form = await loadForm(admin, id);
    const reworded = await actingAs(admin, () =>
      saveCallAction({ ...form, requirements: form.requirements.map((r) => ({ ...r, translations: { fr: { statement: 'Nous sommes une association.' } } })) }),
    );
    expect(reworded).toMatchObject({ ok: false, error: expect.stringContaining('cannot be reworded') });
    const arabic = await actingAs(admin, () =>
      saveCallAction({
        ...form,
        translations: { ...form.translations, ar: { title: 'دعوة تجريبية', summary: '', description: '' } },
        criteria: form.criteria.map((c) => ({ ...c, translations: { ...c.translations, ar: { name: 'معيار', guidance: '' } } })),
        requirements: form.requirements.map((r) => ({ ...r, translations: { ...r.translations, ar: { statement: 'نحن مسجَّلون.' } } })),
        slots: form.slots.map((s) => ({ ...s, translations: { ...s.translations, ar: { name: 'مستند', description: '' } } })),
      }),
    );
    expect(arabic.ok).toBe(true);
  });

  it('[applicant, reviewer, visitor] cannot save or move a call; nothing is written', async () => {
    const { id } = await createCall();
    const [before] = await db.select({ n: count() }).from(calls);
    for (const user of [await createUser(['applicant']), await createUser(['reviewer']), null]) {
      expect((await actingAs(user, () => saveCallAction(callInput()))).ok).toBe(false);
      expect((await actingAs(user, () => transitionCallAction({ callId: id, to: 'open' }))).ok).toBe(false);
      expect((await actingAs(user, () => answerQuestionAction({ questionId: id, publicQuestion: 'Hello there', answer: 'No' }))).ok).toBe(false);
    }
    const [after] = await db.select({ n: count() }).from(calls);
    expect(after.n).toBe(before.n);
    const [row] = await db.select().from(calls).where(eq(calls.id, id));
    expect(row.status).toBe('draft');
  });
});

describe('clarification questions', () => {
  it('[applicant] asks; [admin] publishes an anonymised answer; applicants in progress are told', async () => {
    const { id, admin } = await createCall();
    await actingAs(admin, () => transitionCallAction({ callId: id, to: 'open' }));
    const { applicant } = await addApplication(id, 'draft');
    const other = await createUser(['applicant']);
    const asked = await actingAs(other, () => askQuestionAction({ callId: id, question: 'I am Jane from Org X: can we apply with a partner?' }));
    expect(asked.ok).toBe(true);
    if (!asked.ok) return;
    const answered = await actingAs(admin, () =>
      answerQuestionAction({ questionId: asked.data.id, publicQuestion: 'Can we apply with a partner?', answer: 'Yes.' }),
    );
    expect(answered).toEqual({ ok: true, data: { notified: 2 } });
    const [q] = await db.select().from(clarificationQuestions).where(eq(clarificationQuestions.id, asked.data.id));
    expect(q.status).toBe('published');
    expect(q.publicQuestion).toBe('Can we apply with a partner?');
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'clarificationAnswer'));
    const to = mails.map((m) => m.toAddress);
    expect(to).toEqual(expect.arrayContaining([applicant.email, other.email]));
    expect(mails.find((m) => m.toAddress === applicant.email)?.textBody).toContain('Can we apply with a partner?');
    expect(mails.find((m) => m.toAddress === applicant.email)?.textBody).not.toContain('Jane');
  });

  it('[admin] answers in each of the call’s languages; every reader is told in theirs, other languages are not kept', async () => {
    const base = callInput();
    const { id, admin } = await createCall({
      translations: { fr: { title: 'Appel de test', summary: '', description: '' } },
      criteria: base.criteria.map((c) => ({ ...c, translations: { fr: { name: c.name, guidance: '' } } })),
      requirements: base.requirements.map((r) => ({ ...r, translations: { fr: { statement: r.statement } } })),
      slots: base.slots.map((sl) => ({ ...sl, translations: { fr: { name: sl.name, description: '' } } })),
    });
    await actingAs(admin, () => transitionCallAction({ callId: id, to: 'open' }));
    const { applicant } = await addApplication(id, 'draft');
    await db.update(users).set({ locale: 'fr' }).where(eq(users.id, applicant.id));
    const asker = await createUser(['applicant']);
    const asked = await actingAs(asker, () => askQuestionAction({ callId: id, question: 'Can a consortium apply as one?' }));
    if (!asked.ok) throw new Error(asked.error);
    const answered = await actingAs(admin, () =>
      answerQuestionAction({
        questionId: asked.data.id,
        publicQuestion: 'Can a consortium apply?',
        answer: 'Yes, with one lead.',
        translations: { fr: { question: 'Un consortium peut-il candidater ?', answer: 'Oui, avec un chef de file.' }, ar: { question: 'سؤال', answer: 'جواب' } },
      }),
    );
    expect(answered.ok).toBe(true);
    const [q] = await db.select().from(clarificationQuestions).where(eq(clarificationQuestions.id, asked.data.id));
    expect(q.translations).toEqual({ fr: { question: 'Un consortium peut-il candidater ?', answer: 'Oui, avec un chef de file.' } });
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'clarificationAnswer'));
    const french = mails.find((m) => m.toAddress === applicant.email)!;
    expect(french.subject).toBe('Nouvelle réponse sur «\u00a0Appel de test\u00a0»');
    expect(french.textBody).toContain('Réponse\u00a0: Oui, avec un chef de file.');
    expect(mails.find((m) => m.toAddress === asker.email)!.textBody).toContain('Answer: Yes, with one lead.');
  });

  it('[applicant] cannot ask after the clarification deadline', async () => {
    const { id, admin } = await createCall();
    await actingAs(admin, () => transitionCallAction({ callId: id, to: 'open' }));
    await db.update(calls).set({ clarificationDeadline: new Date(Date.now() - 1000) }).where(eq(calls.id, id));
    const applicant = await createUser(['applicant']);
    const result = await actingAs(applicant, () => askQuestionAction({ callId: id, question: 'Is it too late to ask?' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Questions for this call closed on /);
    const [{ n }] = await db.select({ n: count() }).from(clarificationQuestions).where(eq(clarificationQuestions.callId, id));
    expect(n).toBe(0);
  });

  it('[applicant] cannot ask about a draft call (it does not exist for them)', async () => {
    const { id } = await createCall();
    const applicant = await createUser(['applicant']);
    const result = await actingAs(applicant, () => askQuestionAction({ callId: id, question: 'Is this call real?' }));
    expect(result).toMatchObject({ ok: false, error: 'Not found. It may have been removed, or you may not have access to it.' });
  });
});
