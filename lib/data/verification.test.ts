import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applicationFiles, auditLog, organisationDocuments, organisationMembers, organisationVerifications, outbox } from '@/db/schema';
import { attachLibraryDocumentAction } from '@/lib/actions/applications';
import { answerVerificationAction } from '@/lib/actions/diligence';
import { actingAs } from '@/lib/auth/session';
import { diligenceHolds } from '@/lib/data/diligence';
import { queueScheduledReminders } from '@/lib/mail/scheduler';
import { createApplicantOrganisation, createDraft, createOpenCall, pdfBytes } from '@/lib/test/application-factories';
import { createUser } from '@/lib/test/factories';
import { organisationDocumentMetaSchema, verificationItems } from '@/lib/validations/diligence';
import {
  expiryState,
  getOrganisationDocumentForDownload,
  getVerification,
  listOrganisationDocuments,
  removeOrganisationDocument,
  storeOrganisationDocument,
} from './verification';

const DAY = 24 * 3600 * 1000;
const day = (d: Date) => d.toISOString().slice(0, 10);

async function withDocument(expiresOn: string, kind: 'registration_certificate' | 'statutes' = 'registration_certificate') {
  const { owner, organisation } = await createApplicantOrganisation('Library Org');
  const doc = await storeOrganisationDocument(owner, { organisationId: organisation.id, kind, expiresOn, fileName: 'certificate.pdf', bytes: pdfBytes() });
  return { owner, organisation, doc };
}

describe('the organisation documents library', () => {
  it('says when a document has expired, expires within 30 days, or neither (days in UTC)', () => {
    const now = new Date('2026-12-07T23:30:00Z');
    expect(expiryState(null, now)).toBe('none');
    expect(expiryState('2026-12-06', now)).toBe('expired');
    expect(expiryState('2026-12-07', now)).toBe('soon'); // valid through its last day
    expect(expiryState('2027-01-06', now)).toBe('soon');
    expect(expiryState('2027-01-07', now)).toBe('valid');
  });

  it('checks what comes with an upload: a known kind, a real date or none', () => {
    expect(organisationDocumentMetaSchema.safeParse({ kind: 'statutes', expiresOn: '' }).success).toBe(true);
    expect(organisationDocumentMetaSchema.safeParse({ kind: 'statutes', expiresOn: '2027-02-30' }).success).toBe(false);
    expect(organisationDocumentMetaSchema.safeParse({ kind: 'passport', expiresOn: '' }).success).toBe(false);
  });

  it('[applicant] a member adds and removes documents, audited; another organisation, a reviewer and a visitor cannot read or touch them; an admin reads', async () => {
    const { owner, organisation, doc } = await withDocument('2030-01-31');
    expect(doc).toMatchObject({ kind: 'registration_certificate', fileName: 'certificate.pdf', expiresOn: '2030-01-31', expiry: 'valid', contentType: 'application/pdf' });
    const other = await createApplicantOrganisation('Other Org');
    const reviewer = await createUser(['reviewer']);
    const admin = await createUser(['admin']);
    const target = { organisationId: organisation.id, documentId: doc.id };

    expect(await listOrganisationDocuments(other.owner, organisation.id)).toBeNull();
    expect(await listOrganisationDocuments(reviewer, organisation.id)).toBeNull();
    expect(await getOrganisationDocumentForDownload(other.owner, target)).toBeNull();
    expect(await getOrganisationDocumentForDownload(null, target)).toBeNull();
    expect(await getOrganisationDocumentForDownload(other.owner, { organisationId: other.organisation.id, documentId: doc.id })).toBeNull();
    expect((await getOrganisationDocumentForDownload(admin, target))?.content.subarray(0, 4).toString()).toBe('%PDF');
    await expect(storeOrganisationDocument(other.owner, { organisationId: organisation.id, kind: 'statutes', expiresOn: '', fileName: 'x.pdf', bytes: pdfBytes() })).rejects.toMatchObject({ key: 'notFound' });
    await expect(removeOrganisationDocument(other.owner, target)).rejects.toMatchObject({ key: 'notFound' });
    await expect(removeOrganisationDocument(admin, target)).rejects.toMatchObject({ key: 'forbidden' });
    await expect(
      storeOrganisationDocument(owner, { organisationId: organisation.id, kind: 'statutes', expiresOn: '', fileName: 'x.pdf', bytes: Buffer.from('MZ not a document') }),
    ).rejects.toMatchObject({ key: 'fileTypeNotAccepted' });
    expect(await listOrganisationDocuments(owner, organisation.id)).toHaveLength(1);

    await removeOrganisationDocument(owner, target);
    expect(await listOrganisationDocuments(owner, organisation.id)).toEqual([]);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, organisation.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['organisation.document_uploaded', 'organisation.document_removed']));
  });
});

describe('verification before an award', () => {
  it('[admin] "met" needs evidence that has not expired; the organisation is verified once every item holds, and stops being so when its evidence expires or goes', async () => {
    const now = new Date();
    const { owner, organisation, doc: valid } = await withDocument(day(new Date(now.getTime() + 60 * DAY)));
    const expired = await storeOrganisationDocument(owner, { organisationId: organisation.id, kind: 'statutes', expiresOn: day(new Date(now.getTime() - DAY)), fileName: 'old.pdf', bytes: pdfBytes() });
    const admin = await createUser(['admin']);
    const answer = (item: (typeof verificationItems)[number], evidenceDocumentId: string, note = '') =>
      actingAs(admin, () => answerVerificationAction({ organisationId: organisation.id, item, answer: 'met', evidenceDocumentId, note }));

    expect(await actingAs(admin, () => answerVerificationAction({ organisationId: organisation.id, item: 'registration', answer: 'met', evidenceDocumentId: '', note: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { evidenceDocumentId: ['Choose the document that shows it.'] },
    });
    expect(await actingAs(admin, () => answerVerificationAction({ organisationId: organisation.id, item: 'registration', answer: 'not_met', evidenceDocumentId: '', note: ' ' }))).toMatchObject({
      ok: false,
      fieldErrors: { note: ['Say what is missing.'] },
    });
    const refused = await answer('registration', expired.id);
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('“old.pdf” expired on') });
    // Another organisation's document is no evidence here.
    const stranger = await withDocument('2031-01-01');
    expect(await answer('registration', stranger.doc.id)).toMatchObject({ ok: false });
    // Only admins answer.
    expect((await actingAs(owner, () => answerVerificationAction({ organisationId: organisation.id, item: 'registration', answer: 'met', evidenceDocumentId: valid.id, note: '' }))).ok).toBe(false);
    expect(await db.select().from(organisationVerifications).where(eq(organisationVerifications.organisationId, organisation.id))).toEqual([]);

    for (const item of verificationItems) expect(await answer(item, valid.id)).toMatchObject({ ok: true });
    expect((await getVerification(admin, organisation.id, now)).verified).toBe(true);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'organisation.verification_answered'), eq(auditLog.entityId, organisation.id))).limit(1);
    expect(audit.after).toMatchObject({ answer: 'met', evidenceDocumentId: valid.id });

    // Ninety days on, the evidence has expired: no longer verified, and the item says why.
    const later = await getVerification(admin, organisation.id, new Date(now.getTime() + 90 * DAY));
    expect(later.verified).toBe(false);
    expect(later.items.find((i) => i.item === 'registration')).toMatchObject({ answer: 'met', holds: false, problem: 'evidenceExpired' });

    // The member removes the document: the items it evidenced no longer hold.
    await removeOrganisationDocument(owner, { organisationId: organisation.id, documentId: valid.id });
    const gone = await getVerification(admin, organisation.id, now);
    expect(gone.verified).toBe(false);
    expect(gone.items.every((i) => i.problem === 'evidenceMissing')).toBe(true);
  });

  it('an expired document is flagged where decisions are made', async () => {
    const { organisation } = await withDocument(day(new Date(Date.now() - 2 * DAY)));
    const fresh = await withDocument(day(new Date(Date.now() + 2 * DAY)));
    const holds = await diligenceHolds(db, [organisation.id, fresh.organisation.id]);
    expect(holds.get(organisation.id)).toMatchObject({ expiredDocuments: 1, openMatches: 0, redFlags: 0 });
    expect(holds.get(fresh.organisation.id)).toBeUndefined();
  });
});

describe('reminders of documents about to expire', () => {
  it('go to every member 30 days before and 7 days before, each once; not for a document already replaced', async () => {
    const now = new Date();
    const { owner, organisation, doc } = await withDocument(day(new Date(now.getTime() + 20 * DAY)));
    const colleague = await createUser(['applicant']);
    await db.insert(organisationMembers).values({ organisationId: organisation.id, userId: colleague.id, role: 'member' });
    const sent = () => db.select().from(outbox).where(like(outbox.dedupeKey, `document-expiry:${doc.id}:%`));

    await queueScheduledReminders(db, now);
    await queueScheduledReminders(db, new Date(now.getTime() + 3600 * 1000));
    const first = await sent();
    expect(first.map((m) => m.toAddress).sort()).toEqual([owner.email, colleague.email].sort());
    expect(first.every((m) => m.template === 'documentExpiry' && m.dedupeKey!.includes(':30d:'))).toBe(true);
    expect(first[0].subject).toBe('20 days left: “certificate.pdf” expires');
    expect(first[0].textBody).toContain(organisation.legalName);

    await queueScheduledReminders(db, new Date(now.getTime() + 14 * DAY));
    const second = await sent();
    expect(second.filter((m) => m.dedupeKey!.includes(':7d:'))).toHaveLength(2);
    expect(second).toHaveLength(4);

    // A renewed certificate: the old one is left alone.
    const renewed = await withDocument(day(new Date(now.getTime() + 25 * DAY)));
    await storeOrganisationDocument(renewed.owner, {
      organisationId: renewed.organisation.id,
      kind: 'registration_certificate',
      expiresOn: day(new Date(now.getTime() + 400 * DAY)),
      fileName: 'renewed.pdf',
      bytes: pdfBytes(),
    });
    await queueScheduledReminders(db, now);
    expect(await db.select().from(outbox).where(like(outbox.dedupeKey, `document-expiry:${renewed.doc.id}:%`))).toEqual([]);
  });
});

describe('a library document in an application', () => {
  it('[applicant] goes into a slot of a draft without uploading it again; not another organisation’s, not an expired one, not by a reviewer', async () => {
    const { owner, organisation, doc } = await withDocument('2031-06-30');
    const expired = await storeOrganisationDocument(owner, { organisationId: organisation.id, kind: 'statutes', expiresOn: '2020-01-01', fileName: 'old-statutes.pdf', bytes: pdfBytes() });
    const stranger = await withDocument('2031-06-30');
    const open = await createOpenCall();
    const draft = await createDraft(open.call.id, organisation.id, owner.id);
    const certificateSlot = open.slots[1];
    const attach = (documentId: string, as = owner) => actingAs(as, () => attachLibraryDocumentAction({ applicationId: draft.id, slotId: certificateSlot.id, documentId }));

    const done = await attach(doc.id);
    expect(done).toMatchObject({ ok: true, data: { slotId: certificateSlot.id, fileName: 'certificate.pdf' } });
    const [file] = await db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, draft.id));
    const [original] = await db.select().from(organisationDocuments).where(eq(organisationDocuments.id, doc.id));
    expect(file.sha256).toBe(original.sha256);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'application.file_uploaded'), eq(auditLog.entityId, draft.id)));
    expect(audit.after).toMatchObject({ libraryDocumentId: doc.id, fileName: 'certificate.pdf' });

    expect(await attach(expired.id)).toMatchObject({ ok: false, error: expect.stringContaining('“old-statutes.pdf” expired on 2020-01-01') });
    expect(await attach(stranger.doc.id)).toMatchObject({ ok: false });
    expect(await attach(doc.id, stranger.owner)).toMatchObject({ ok: false });
    expect(await attach(doc.id, await createUser(['reviewer']))).toMatchObject({ ok: false });
    // Still the one file, from the first attach.
    const files = await db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, draft.id));
    expect(files.map((f) => f.sha256)).toEqual([original.sha256]);
  });
});
