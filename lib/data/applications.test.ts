import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applications, auditLog, calls, outbox } from '@/db/schema';
import {
  reopenApplicationAction,
  saveApplicationDraftAction,
  submitApplicationAction,
  withdrawApplicationAction,
} from '@/lib/actions/applications';
import { signSelfDeclarationAction } from '@/lib/actions/organisations';
import { actingAs } from '@/lib/auth/session';
import {
  findVisibleApplication,
  getApplicationDetail,
  saveApplicationDraft,
  startApplication,
  submitApplication,
} from '@/lib/data/applications';
import { nextReference } from '@/lib/data/applications/internal';
import { getApplicationFileForDownload, storeApplicationFile } from '@/lib/data/files';
import { AppError } from '@/lib/errors';
import {
  addMember,
  completeDraft,
  createApplicantOrganisation,
  createDraft,
  createOpenCall,
  fullSelfDeclaration,
  pdfBytes,
  prepareComplete,
} from '@/lib/test/application-factories';
import { createUser } from '@/lib/test/factories';

async function appRow(id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

function keyOf(error: unknown) {
  return error instanceof AppError ? error.key : String(error);
}

describe('starting an application', () => {
  it('[applicant] starts one application per organisation per call; a second start opens the same one', async () => {
    const { call } = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const colleague = await addMember(organisation.id);
    const first = await db.transaction((tx) => startApplication(tx, owner, { callSlug: call.slug, organisationId: organisation.id }));
    expect(first.created).toBe(true);
    const again = await db.transaction((tx) => startApplication(tx, colleague, { callSlug: call.slug, organisationId: organisation.id }));
    expect(again).toEqual({ id: first.id, status: 'draft', created: false });
    const rows = await db.select().from(applications).where(eq(applications.callId, call.id));
    expect(rows).toHaveLength(1);
  });

  it('[applicant] cannot start on a call that is closed or not yet open, nor for an organisation not theirs', async () => {
    const closed = await createOpenCall({ opensAt: new Date(Date.now() - 5 * 86_400_000), closesAt: new Date(Date.now() - 1000) });
    const upcoming = await createOpenCall({ opensAt: new Date(Date.now() + 86_400_000), closesAt: new Date(Date.now() + 5 * 86_400_000) });
    const { owner, organisation } = await createApplicantOrganisation();
    const other = await createApplicantOrganisation();
    for (const c of [closed, upcoming]) {
      const error = await db.transaction((tx) => startApplication(tx, owner, { callSlug: c.call.slug, organisationId: organisation.id })).catch((e) => e);
      expect(keyOf(error)).toBe('callNotOpen');
    }
    const open = await createOpenCall();
    const foreign = await db
      .transaction((tx) => startApplication(tx, owner, { callSlug: open.call.slug, organisationId: other.organisation.id }))
      .catch((e) => e);
    expect(keyOf(foreign)).toBe('notFound');
  });
});

describe('drafts and optimistic locking', () => {
  it('[applicant] each save names the version it read and gets the next one; the content comes back as saved', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const draft = { title: 'Half a title', summary: 'Started…', localPartners: [{ name: 'Someone', country: '' as const, role: '' }], peopleToReach: 1.5 };
    const result = await actingAs(owner, () => saveApplicationDraftAction({ applicationId: app.id, version: app.version, draft }));
    expect(result).toMatchObject({ ok: true, data: { version: app.version + 1 } });
    const detail = await getApplicationDetail(owner, app.id);
    expect(detail?.values).toMatchObject(draft);
  });

  it('[applicant] a colleague saving the same draft from an older version is refused, never overwrites', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const colleague = await addMember(organisation.id);
    const app = await createDraft(c.call.id, organisation.id);
    const mine = await actingAs(owner, () => saveApplicationDraftAction({ applicationId: app.id, version: 1, draft: { title: 'Owner title' } }));
    expect(mine.ok).toBe(true);
    // The colleague's page read version 1 too.
    const theirs = await actingAs(colleague, () => saveApplicationDraftAction({ applicationId: app.id, version: 1, draft: { title: 'Colleague title' } }));
    expect(theirs.ok).toBe(false);
    if (!theirs.ok) {
      expect(theirs.error).toContain('changed in another tab or by a colleague');
      expect(theirs.fieldErrors?.version).toBeDefined();
    }
    const row = await appRow(app.id);
    expect(row.title).toBe('Owner title');
    expect(row.version).toBe(2);
    // After reloading (version 2) the colleague's save goes through.
    const retry = await actingAs(colleague, () => saveApplicationDraftAction({ applicationId: app.id, version: 2, draft: { title: 'Colleague title' } }));
    expect(retry.ok).toBe(true);
    expect((await appRow(app.id)).title).toBe('Colleague title');
  });

  it('[applicant] unknown fields such as status or score are refused and change nothing', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const forged = await actingAs(owner, () =>
      saveApplicationDraftAction({ applicationId: app.id, version: 1, draft: { title: 'x' }, status: 'submitted' }),
    );
    expect(forged).toMatchObject({ ok: false, error: 'Unexpected fields were sent: status.' });
    const nested = await actingAs(owner, () => saveApplicationDraftAction({ applicationId: app.id, version: 1, draft: { title: 'x', score: 5 } }));
    expect(nested.ok).toBe(false);
    const submit = await actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version: 1, score: 100 }));
    expect(submit).toMatchObject({ ok: false, error: 'Unexpected fields were sent: score.' });
    const row = await appRow(app.id);
    expect(row).toMatchObject({ status: 'draft', version: 1, title: '' });
  });

  it('[applicant] countries outside the call are refused at save, not stored', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const result = await actingAs(owner, () => saveApplicationDraftAction({ applicationId: app.id, version: 1, draft: { countries: ['SN', 'FR'] } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.countries?.[0]).toMatch(/countries of this call/);
    expect((await appRow(app.id)).countries).toEqual([]);
  });
});

describe('submitting', () => {
  it('[applicant] an incomplete application is refused with what is missing', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const draft = { ...completeDraft(c), budgetLines: [{ label: 'All', amount: 25_000 }] };
    await actingAs(owner, () => saveApplicationDraftAction({ applicationId: app.id, version: 1, draft }));
    const result = await actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version: 2 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/not complete/);
    expect(result.fieldErrors?.budgetLines?.[0]).toMatch(/add up to 25,000 USD, not the 30,000 USD requested/);
    expect(result.fieldErrors?.[`documents.${c.slots[0].id}`]).toEqual(['Upload this document.']);
    expect((await appRow(app.id)).status).toBe('draft');
  });

  it('[applicant] submits 1 s before the close; at the close instant and 1 s after, the server refuses', async () => {
    const closesAt = new Date(Date.now() + 3600_000);
    const c = await createOpenCall({ closesAt });
    for (const [offset, ok] of [
      [-1000, true],
      [0, false],
      [1000, false],
    ] as const) {
      const { owner, organisation } = await createApplicantOrganisation();
      const app = await createDraft(c.call.id, organisation.id);
      const version = await prepareComplete(owner, c, app.id);
      const now = new Date(closesAt.getTime() + offset);
      const outcome = await db.transaction((tx) => submitApplication(tx, owner, { applicationId: app.id, version }, now)).catch((e) => e);
      if (ok) {
        expect(outcome.reference).toMatch(/^EOI-\d{4}-\d{4,}$/);
        expect((await appRow(app.id)).status).toBe('submitted');
      } else {
        expect(keyOf(outcome), `offset ${offset}`).toBe('callClosed');
        expect((await appRow(app.id)).status).toBe('draft');
      }
    }
  });

  it('[applicant] after the close the action refuses with a clear message (the real clock)', async () => {
    const c = await createOpenCall({ closesAt: new Date(Date.now() + 60_000) });
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const version = await prepareComplete(owner, c, app.id);
    await db.update(calls).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(calls.id, c.call.id));
    const result = await actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version }));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/deadline has passed/);
  });

  it('[applicant] a call that requires the self-declaration refuses the submission until the organisation has signed it', async () => {
    const c = await createOpenCall();
    await db.update(calls).set({ requiresSelfDeclaration: true }).where(eq(calls.id, c.call.id));
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const version = await prepareComplete(owner, c, app.id);
    const refused = await actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/signed the self-declaration/), fieldErrors: { selfDeclaration: [expect.any(String)] } });
    expect((await appRow(app.id)).status).toBe('draft');
    const signed = await actingAs(owner, () => signSelfDeclarationAction(fullSelfDeclaration(organisation.id)));
    expect(signed.ok).toBe(true);
    const submitted = await actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version }));
    expect(submitted).toMatchObject({ ok: true });
    expect((await appRow(app.id)).status).toBe('submitted');
  });

  it('[applicant] 20 parallel submits of one application make exactly one submission, one receipt, one audit entry', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const version = await prepareComplete(owner, c, app.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version }))),
    );
    const refs = new Set(results.map((r) => (r.ok ? r.data.reference : `error: ${r.error}`)));
    expect(refs.size).toBe(1);
    expect([...refs][0]).toMatch(/^EOI-\d{4}-\d{4,}$/);
    expect(results.filter((r) => r.ok && !r.data.alreadySubmitted)).toHaveLength(1);
    const row = await appRow(app.id);
    expect(row).toMatchObject({ status: 'submitted', version: version + 1 });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'application.submitted'), eq(auditLog.entityId, app.id)));
    expect(audits).toHaveLength(1);
    const receipts = await db.select().from(outbox).where(and(eq(outbox.template, 'submissionReceipt'), eq(outbox.toAddress, owner.email)));
    expect(receipts).toHaveLength(1);
    expect(receipts[0].subject).toBe(`Receipt: application ${row.reference} submitted`);
  });

  it('[applicant] withdraw and reopen keep the reference; resubmitting does not take a new one', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const colleague = await addMember(organisation.id);
    const app = await createDraft(c.call.id, organisation.id);
    const version = await prepareComplete(owner, c, app.id);
    const submitted = await actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version }));
    if (!submitted.ok) throw new Error(submitted.error);
    const reference = submitted.data.reference;

    // A draft save on a submitted application is refused: it must be reopened first.
    const blocked = await actingAs(colleague, () => saveApplicationDraftAction({ applicationId: app.id, version: version + 1, draft: { title: 'x' } }));
    expect(blocked.ok).toBe(false);

    const withdrawn = await actingAs(colleague, () => withdrawApplicationAction({ applicationId: app.id, version: version + 1 }));
    expect(withdrawn).toMatchObject({ ok: true, data: { reference } });
    expect(await appRow(app.id)).toMatchObject({ status: 'withdrawn', reference });
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.template, 'withdrawal'), eq(outbox.toAddress, colleague.email)));
    expect(mail.subject).toBe(`Application ${reference} withdrawn`);

    const reopened = await actingAs(owner, () => reopenApplicationAction({ applicationId: app.id, version: version + 2 }));
    expect(reopened.ok).toBe(true);
    expect(await appRow(app.id)).toMatchObject({ status: 'draft', reference });
    const again = await actingAs(owner, () => submitApplicationAction({ applicationId: app.id, version: version + 3 }));
    expect(again).toMatchObject({ ok: true, data: { reference, alreadySubmitted: false } });
    expect(await appRow(app.id)).toMatchObject({ status: 'submitted', reference });
  });

  it('[applicant] withdrawing or reopening after the deadline is refused', async () => {
    const closesAt = new Date(Date.now() + 3600_000);
    const c = await createOpenCall({ closesAt });
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const version = await prepareComplete(owner, c, app.id);
    await db.transaction((tx) => submitApplication(tx, owner, { applicationId: app.id, version }));
    const { withdrawApplication, reopenApplication } = await import('@/lib/data/applications');
    const late = new Date(closesAt.getTime() + 1);
    expect(keyOf(await db.transaction((tx) => withdrawApplication(tx, owner, { applicationId: app.id, version: version + 1 }, late)).catch((e) => e))).toBe('callClosed');
    expect(keyOf(await db.transaction((tx) => reopenApplication(tx, owner, { applicationId: app.id, version: version + 1 }, late)).catch((e) => e))).toBe('callClosed');
    expect((await appRow(app.id)).status).toBe('submitted');
  });

  it('references come from the sequence, EOI-<year>-<4+ digits>, never twice', async () => {
    const a = await db.transaction((tx) => nextReference(tx, 2031));
    const b = await db.transaction((tx) => nextReference(tx, 2031));
    expect(a).toMatch(/^EOI-2031-\d{4,}$/);
    expect(b).not.toBe(a);
  });
});

describe('who may see and change an application', () => {
  it('[applicant of another organisation] cannot read, download or change it: not found', async () => {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const outsider = (await createApplicantOrganisation('Other Org')).owner;
    const app = await createDraft(c.call.id, organisation.id);
    await storeApplicationFile(owner, { applicationId: app.id, slotId: c.slots[0].id, fileName: 'p.pdf', bytes: pdfBytes() });

    expect(await findVisibleApplication(db, outsider, app.id)).toBeNull();
    expect(await getApplicationDetail(outsider, app.id)).toBeNull();
    expect(await getApplicationFileForDownload(outsider, { applicationId: app.id, slotId: c.slots[0].id })).toBeNull();

    const notFound = 'Not found. It may have been removed, or you may not have access to it.';
    expect(await actingAs(outsider, () => saveApplicationDraftAction({ applicationId: app.id, version: 1, draft: { title: 'Hijack' } }))).toEqual({
      ok: false,
      error: notFound,
    });
    expect(await actingAs(outsider, () => submitApplicationAction({ applicationId: app.id, version: 1 }))).toEqual({ ok: false, error: notFound });
    expect(await actingAs(outsider, () => withdrawApplicationAction({ applicationId: app.id, version: 1 }))).toEqual({ ok: false, error: notFound });
    const upload = await storeApplicationFile(outsider, { applicationId: app.id, slotId: c.slots[0].id, fileName: 'x.pdf', bytes: pdfBytes() }).catch((e) => e);
    expect(keyOf(upload)).toBe('notFound');
    expect((await appRow(app.id)).title).toBe('');
  });

  it('[member] a colleague sees the application; [admin] reads it; [reviewer] does not (yet)', async () => {
    const c = await createOpenCall();
    const { organisation } = await createApplicantOrganisation();
    const colleague = await addMember(organisation.id);
    const app = await createDraft(c.call.id, organisation.id);
    expect((await findVisibleApplication(db, colleague, app.id))?.access).toBe('member');
    expect((await findVisibleApplication(db, await createUser(['admin']), app.id))?.access).toBe('admin');
    expect(await findVisibleApplication(db, await createUser(['reviewer']), app.id)).toBeNull();
    expect(await findVisibleApplication(db, null, app.id)).toBeNull();
    expect(await findVisibleApplication(db, colleague, 'not-a-uuid')).toBeNull();
  });

  it('[admin] cannot edit an applicant\'s draft', async () => {
    const c = await createOpenCall();
    const { organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const admin = await createUser(['admin']);
    const result = await actingAs(admin, () => saveApplicationDraftAction({ applicationId: app.id, version: 1, draft: { title: 'x' } }));
    expect(result).toEqual({ ok: false, error: 'You do not have permission to do that.' });
    const audits = await db.select().from(auditLog).where(and(like(auditLog.action, 'application.%'), eq(auditLog.entityId, app.id)));
    expect(audits).toHaveLength(0);
  });
});

describe('draft saves go through the lock', () => {
  it('a save of a draft under the wrong call status is refused (closed call)', async () => {
    const closesAt = new Date(Date.now() + 3600_000);
    const c = await createOpenCall({ closesAt });
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const late = await db
      .transaction((tx) => saveApplicationDraft(tx, owner, { applicationId: app.id, version: 1, draft: { title: 'late' } }, new Date(closesAt.getTime() + 1)))
      .catch((e) => e);
    expect(keyOf(late)).toBe('callClosed');
  });
});
