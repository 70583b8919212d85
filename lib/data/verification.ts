import 'server-only';
import crypto from 'node:crypto';
import { and, asc, count, eq, inArray, lt, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { organisationDocuments, organisations, organisationVerifications, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan, can } from '@/lib/authz';
import { AppError, NotFoundError } from '@/lib/errors';
import { detectFileKind, sanitiseFileName } from '@/lib/files/detect';
import { fileKindInfo, type FileKind } from '@/lib/files/types';
import { uuidPattern } from '@/lib/validations/zod';
import {
  verificationItems,
  type AnswerVerificationInput,
  type OrganisationDocumentMeta,
  type VerificationItemValue,
} from '@/lib/validations/diligence';
import { getMyOrganisation, requireMembership } from './organisations';

/**
 * Verification before an award (issue 17): the organisation's library of documents, each
 * with its expiry date, and the checklist an admin answers with those documents as evidence.
 * An expired document is flagged (lib/data/diligence.ts diligenceHolds) and cannot be the
 * evidence of a met item, so it holds verification until a valid one replaces it.
 */

/** What the library takes: the kinds of the application documents, 10 MB each, 30 in all. */
export const organisationDocumentRules = { maxSizeBytes: 10 * 1024 * 1024, maxFiles: 30, kinds: ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as FileKind[] };

/** Documents soon to expire are shown so from this many days before (the first reminder's). */
export const EXPIRY_SOON_DAYS = 30;

/** Today as the calendar date in UTC (expiry dates are days; a document is valid through its last day). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type ExpiryState = 'none' | 'valid' | 'soon' | 'expired';

/** Whether a document has expired (its last day is before today), expires within 30 days, or neither. */
export function expiryState(expiresOn: string | null, now = new Date()): ExpiryState {
  if (!expiresOn) return 'none';
  const today = todayUtc(now);
  if (expiresOn < today) return 'expired';
  const soon = todayUtc(new Date(now.getTime() + EXPIRY_SOON_DAYS * 24 * 3600 * 1000));
  return expiresOn <= soon ? 'soon' : 'valid';
}

const documentFields = {
  id: organisationDocuments.id,
  kind: organisationDocuments.kind,
  fileName: organisationDocuments.fileName,
  size: organisationDocuments.size,
  contentType: organisationDocuments.contentType,
  expiresOn: organisationDocuments.expiresOn,
  uploadedAt: organisationDocuments.uploadedAt,
};

/** Members of the organisation, and admins who run due diligence, may read its library. */
async function mayRead(executor: Executor, user: SessionUser | null, organisationId: string) {
  if (!user || !uuidPattern.test(organisationId)) return false;
  if (can(user, 'sanctions:manage')) return true;
  return !!(await getMyOrganisation(user, organisationId, executor));
}

/** The organisation's documents (without their bytes), newest first, each with its expiry state; null when the user may not see them. */
export async function listOrganisationDocuments(user: SessionUser | null, organisationId: string, now = new Date(), executor: Executor = db) {
  if (!(await mayRead(executor, user, organisationId))) return null;
  const rows = await executor
    .select(documentFields)
    .from(organisationDocuments)
    .where(eq(organisationDocuments.organisationId, organisationId))
    .orderBy(asc(organisationDocuments.kind), sql`${organisationDocuments.uploadedAt} desc`);
  return rows.map((d) => ({ ...d, expiry: expiryState(d.expiresOn, now) }));
}
export type OrganisationDocumentView = NonNullable<Awaited<ReturnType<typeof listOrganisationDocuments>>>[number];

async function lockForUpload(tx: Executor, user: SessionUser, organisationId: string) {
  if (!uuidPattern.test(organisationId)) throw new NotFoundError();
  await requireMembership(tx, user, organisationId);
  // One upload at a time per organisation, so the count below holds.
  await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('update');
  const [{ n }] = await tx.select({ n: count() }).from(organisationDocuments).where(eq(organisationDocuments.organisationId, organisationId));
  if (n >= organisationDocumentRules.maxFiles) throw new AppError('libraryFull', { max: organisationDocumentRules.maxFiles });
}

/** Checks, before a byte of the body is read, that this member may add a document now. */
export async function prepareOrganisationDocumentUpload(user: SessionUser, organisationId: string) {
  return db.transaction(async (tx) => {
    await lockForUpload(tx, user, organisationId);
    return { maxSizeBytes: organisationDocumentRules.maxSizeBytes };
  });
}

/**
 * A member adds a document to the library: recognised by its bytes, stored with its kind,
 * expiry date, size and SHA-256; the row and the audit entry commit together.
 */
export async function storeOrganisationDocument(
  user: SessionUser,
  input: OrganisationDocumentMeta & { organisationId: string; fileName: string; bytes: Buffer },
) {
  return db.transaction(async (tx) => {
    await lockForUpload(tx, user, input.organisationId);
    if (input.bytes.length === 0) throw new AppError('fileEmpty');
    if (input.bytes.length > organisationDocumentRules.maxSizeBytes) throw new AppError('fileTooLarge');
    const kind = await detectFileKind(input.bytes);
    if (!kind || !organisationDocumentRules.kinds.includes(kind)) {
      throw new AppError('fileTypeNotAccepted', { types: organisationDocumentRules.kinds.map((k) => fileKindInfo[k].extension.toUpperCase()).join(', ') });
    }
    const [stored] = await tx
      .insert(organisationDocuments)
      .values({
        organisationId: input.organisationId,
        kind: input.kind,
        expiresOn: input.expiresOn || null,
        fileName: sanitiseFileName(input.fileName, kind),
        contentType: fileKindInfo[kind].mime,
        size: input.bytes.length,
        sha256: crypto.createHash('sha256').update(input.bytes).digest('hex'),
        content: input.bytes,
        uploadedBy: user.id,
      })
      .returning(documentFields);
    await writeAudit(tx, auditActor(user), {
      action: 'organisation.document_uploaded',
      entityType: 'organisation',
      entityId: input.organisationId,
      after: { documentId: stored.id, kind: stored.kind, fileName: stored.fileName, expiresOn: stored.expiresOn },
    });
    return { ...stored, expiry: expiryState(stored.expiresOn) };
  });
}

/** A member removes a document; a verification item it was the evidence of is no longer met. */
export async function removeOrganisationDocument(user: SessionUser, input: { organisationId: string; documentId: string }) {
  if (!uuidPattern.test(input.organisationId) || !uuidPattern.test(input.documentId)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    await requireMembership(tx, user, input.organisationId);
    const [removed] = await tx
      .delete(organisationDocuments)
      .where(and(eq(organisationDocuments.id, input.documentId), eq(organisationDocuments.organisationId, input.organisationId)))
      .returning({ kind: organisationDocuments.kind, fileName: organisationDocuments.fileName, sha256: organisationDocuments.sha256 });
    if (!removed) throw new NotFoundError();
    await writeAudit(tx, auditActor(user), { action: 'organisation.document_removed', entityType: 'organisation', entityId: input.organisationId, before: { documentId: input.documentId, ...removed } });
    return removed;
  });
}

/** A document with its bytes, for the organisation's members and due-diligence admins; else null. */
export async function getOrganisationDocumentForDownload(user: SessionUser | null, input: { organisationId: string; documentId: string }) {
  if (!uuidPattern.test(input.documentId) || !(await mayRead(db, user, input.organisationId))) return null;
  const [file] = await db
    .select()
    .from(organisationDocuments)
    .where(and(eq(organisationDocuments.id, input.documentId), eq(organisationDocuments.organisationId, input.organisationId)));
  return file ?? null;
}

/** How many of each organisation's documents have expired (for the flags where decisions are made). */
export async function expiredDocumentCounts(executor: Executor, organisationIds: string[], now = new Date()) {
  const counts = new Map<string, number>();
  if (!organisationIds.length) return counts;
  const rows = await executor
    .select({ organisationId: organisationDocuments.organisationId, n: count() })
    .from(organisationDocuments)
    .where(and(inArray(organisationDocuments.organisationId, organisationIds), lt(organisationDocuments.expiresOn, todayUtc(now))))
    .groupBy(organisationDocuments.organisationId);
  for (const r of rows) counts.set(r.organisationId, r.n);
  return counts;
}

// ---------------------------------------------------------------------------------------
// The checklist

export type VerificationRow = {
  item: VerificationItemValue;
  answer: 'met' | 'not_met' | null;
  note: string;
  answeredBy: string | null;
  answeredAt: Date | null;
  evidence: { id: string; fileName: string; kind: string; expiresOn: string | null; expiry: ExpiryState } | null;
  /** Met with valid evidence: what counts towards "verified". */
  holds: boolean;
  /** Why a "met" answer does not count: its evidence was removed or has expired. */
  problem: 'evidenceMissing' | 'evidenceExpired' | null;
};

/**
 * The organisation's checklist, every item in order, answered or not, and whether the
 * organisation is verified: every item met, each with evidence that has not expired.
 */
export async function getVerification(actor: SessionUser, organisationId: string, now = new Date(), executor: Executor = db) {
  assertCan(actor, 'sanctions:manage');
  const answerer = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${organisationVerifications.answeredBy})`;
  const rows = await executor
    .select({ answer: organisationVerifications, answeredByEmail: answerer, evidence: documentFields })
    .from(organisationVerifications)
    .leftJoin(organisationDocuments, eq(organisationDocuments.id, organisationVerifications.evidenceDocumentId))
    .where(eq(organisationVerifications.organisationId, organisationId));
  const byItem = new Map(rows.map((r) => [r.answer.item, r]));
  const items: VerificationRow[] = verificationItems.map((item) => {
    const row = byItem.get(item);
    if (!row) return { item, answer: null, note: '', answeredBy: null, answeredAt: null, evidence: null, holds: false, problem: null };
    const evidence = row.evidence?.id ? { ...row.evidence, expiry: expiryState(row.evidence.expiresOn, now) } : null;
    const problem = row.answer.answer !== 'met' ? null : !evidence ? 'evidenceMissing' : evidence.expiry === 'expired' ? 'evidenceExpired' : null;
    return {
      item,
      answer: row.answer.answer,
      note: row.answer.note,
      answeredBy: row.answeredByEmail,
      answeredAt: row.answer.answeredAt,
      evidence,
      holds: row.answer.answer === 'met' && !problem,
      problem,
    };
  });
  return { items, verified: items.every((i) => i.holds) };
}

/**
 * An admin answers one item: "met" needs a document of this organisation that has not
 * expired; "not met" needs a note. Replaces the earlier answer; audited with both.
 */
export async function answerVerificationItem(tx: Executor, actor: SessionUser, input: AnswerVerificationInput, now = new Date()) {
  assertCan(actor, 'sanctions:manage');
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).for('update');
  if (!org) throw new NotFoundError();
  let evidenceDocumentId: string | null = null;
  if (input.answer === 'met') {
    const [doc] = await tx
      .select({ id: organisationDocuments.id, fileName: organisationDocuments.fileName, expiresOn: organisationDocuments.expiresOn })
      .from(organisationDocuments)
      .where(and(eq(organisationDocuments.id, input.evidenceDocumentId), eq(organisationDocuments.organisationId, org.id)));
    if (!doc) throw new NotFoundError();
    if (expiryState(doc.expiresOn, now) === 'expired') throw new AppError('evidenceExpired', { file: doc.fileName, date: doc.expiresOn! });
    evidenceDocumentId = doc.id;
  }
  const [before] = await tx
    .select({ answer: organisationVerifications.answer, evidenceDocumentId: organisationVerifications.evidenceDocumentId, note: organisationVerifications.note })
    .from(organisationVerifications)
    .where(and(eq(organisationVerifications.organisationId, org.id), eq(organisationVerifications.item, input.item)));
  const values = { answer: input.answer, evidenceDocumentId, note: input.note, answeredBy: actor.id, answeredAt: now };
  await tx
    .insert(organisationVerifications)
    .values({ organisationId: org.id, item: input.item, ...values })
    .onConflictDoUpdate({ target: [organisationVerifications.organisationId, organisationVerifications.item], set: values });
  await writeAudit(tx, auditActor(actor), {
    action: 'organisation.verification_answered',
    entityType: 'organisation',
    entityId: org.id,
    before: before ? { item: input.item, ...before } : undefined,
    after: { item: input.item, answer: input.answer, evidenceDocumentId, note: input.note },
  });
  return { item: input.item, answer: input.answer };
}
