import 'server-only';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { applicationFiles, applications, documentSlots, organisationDocuments, organisationMembers } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { acceptsApplications } from '@/lib/calls/phase';
import { AppError, NotFoundError } from '@/lib/errors';
import { detectFileKind, sanitiseFileName } from '@/lib/files/detect';
import { fileKindInfo } from '@/lib/files/types';
import { findVisibleApplication } from './applications';
import { callRules, fileInfoColumns } from './applications/internal';
import { expiryState } from './verification';
import { uuidPattern } from '@/lib/validations/zod';


export type UploadTarget = { applicationId: string; slotId: string };

/**
 * The slot a member may upload into now: the application is theirs and a draft, the call
 * is open, the slot is the call's. Locks the application row when given a transaction.
 */
async function editableSlot(executor: Executor, user: SessionUser, target: UploadTarget, now: Date, lock: boolean) {
  assertCan(user, 'application:edit');
  if (!uuidPattern.test(target.applicationId) || !uuidPattern.test(target.slotId)) throw new NotFoundError();
  const query = executor
    .select({ application: applications })
    .from(applications)
    .innerJoin(
      organisationMembers,
      and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, user.id)),
    )
    .where(eq(applications.id, target.applicationId));
  const [row] = lock ? await query.for('update', { of: applications }) : await query;
  if (!row) throw new NotFoundError();
  const app = row.application;
  const [slot] = await executor
    .select()
    .from(documentSlots)
    .where(and(eq(documentSlots.id, target.slotId), eq(documentSlots.callId, app.callId)));
  if (!slot) throw new NotFoundError();
  const rules = await callRules(executor, app.callId);
  if (!acceptsApplications(rules.call, now)) throw new AppError('callClosed');
  if (app.status !== 'draft') throw new AppError('notDraft');
  return { app, slot };
}

/**
 * Checks, before a byte of the body is read, that this upload may happen at all; returns
 * the slot's limits so the reader can stop as soon as the body exceeds them.
 */
export async function prepareUpload(user: SessionUser, target: UploadTarget, now = new Date()) {
  const { slot } = await editableSlot(db, user, target, now, false);
  return { maxSizeBytes: slot.maxSizeBytes, acceptedTypes: slot.acceptedTypes };
}

/**
 * Puts a file in a slot (or replaces its file): checked again under the row lock,
 * recognised by its bytes, recorded with its size and SHA-256; the row, the bytes and the
 * audit entry commit together.
 */
async function putSlotFile(tx: Executor, user: SessionUser, target: UploadTarget, file: { fileName: string; bytes: Buffer }, now: Date, from?: { libraryDocumentId: string }) {
  const { app, slot } = await editableSlot(tx, user, target, now, true);
  if (file.bytes.length === 0) throw new AppError('fileEmpty');
  if (file.bytes.length > slot.maxSizeBytes) throw new AppError('fileTooLarge');
  const kind = await detectFileKind(file.bytes);
  if (!kind || !slot.acceptedTypes.includes(kind)) {
    throw new AppError('fileTypeNotAccepted', { types: slot.acceptedTypes.map((t) => t.toUpperCase()).join(', ') });
  }
  const values = {
    fileName: sanitiseFileName(file.fileName, kind),
    contentType: fileKindInfo[kind].mime,
    size: file.bytes.length,
    sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
    content: file.bytes,
    uploadedBy: user.id,
    uploadedAt: now,
  };
  const [before] = await tx
    .select({ fileName: applicationFiles.fileName, size: applicationFiles.size, sha256: applicationFiles.sha256 })
    .from(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, app.id), eq(applicationFiles.slotId, slot.id)));
  const [stored] = await tx
    .insert(applicationFiles)
    .values({ applicationId: app.id, slotId: slot.id, ...values })
    .onConflictDoUpdate({ target: [applicationFiles.applicationId, applicationFiles.slotId], set: values })
    .returning(fileInfoColumns);
  await writeAudit(tx, { id: user.id, email: user.email }, {
    action: before ? 'application.file_replaced' : 'application.file_uploaded',
    entityType: 'application',
    entityId: app.id,
    before: before ?? null,
    after: { slot: slot.name, fileName: stored.fileName, size: stored.size, sha256: stored.sha256, ...from },
  });
  return stored;
}

/** An upload into a slot (the file route), in its own transaction. */
export async function storeApplicationFile(user: SessionUser, target: UploadTarget & { fileName: string; bytes: Buffer }, now = new Date()) {
  return db.transaction((tx) => putSlotFile(tx, user, target, target, now));
}

/**
 * Puts a copy of a document of the organisation's library into a slot, so a certificate
 * kept once serves every application. Only the application's own organisation's documents,
 * and not one that has expired; the slot's rules (type, size) hold as for an upload.
 */
export async function attachLibraryDocument(tx: Executor, user: SessionUser, input: UploadTarget & { documentId: string }, now = new Date()) {
  const { app } = await editableSlot(tx, user, input, now, true);
  const [doc] = await tx
    .select()
    .from(organisationDocuments)
    .where(and(eq(organisationDocuments.id, input.documentId), eq(organisationDocuments.organisationId, app.organisationId)));
  if (!doc) throw new NotFoundError();
  if (expiryState(doc.expiresOn, now) === 'expired') throw new AppError('documentExpired', { file: doc.fileName, date: doc.expiresOn! });
  const stored = await putSlotFile(tx, user, input, { fileName: doc.fileName, bytes: doc.content }, now, { libraryDocumentId: doc.id });
  return { ...stored, uploadedAt: stored.uploadedAt.toISOString() };
}

/** Removes the file of a slot while the application is a draft. */
export async function removeApplicationFile(user: SessionUser, target: UploadTarget, now = new Date()) {
  return db.transaction(async (tx) => {
    const { app, slot } = await editableSlot(tx, user, target, now, true);
    const [removed] = await tx
      .delete(applicationFiles)
      .where(and(eq(applicationFiles.applicationId, app.id), eq(applicationFiles.slotId, slot.id)))
      .returning({ fileName: applicationFiles.fileName, size: applicationFiles.size, sha256: applicationFiles.sha256 });
    if (!removed) throw new NotFoundError();
    await writeAudit(tx, { id: user.id, email: user.email }, {
      action: 'application.file_removed',
      entityType: 'application',
      entityId: app.id,
      before: { slot: slot.name, ...removed },
    });
    return removed;
  });
}

/** A file with its bytes, for those who may see the application (findVisibleApplication); else null. */
export async function getApplicationFileForDownload(user: SessionUser | null, target: UploadTarget) {
  if (!uuidPattern.test(target.slotId)) return null;
  const visible = await findVisibleApplication(db, user, target.applicationId);
  if (!visible) return null;
  const [file] = await db
    .select()
    .from(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, visible.application.id), eq(applicationFiles.slotId, target.slotId)));
  return file ?? null;
}
