import 'server-only';
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import {
  applications,
  awards,
  calls,
  organisationMembers,
  organisations,
  reportFiles,
  reportingPeriods,
  reportReach,
  reports,
  users,
  type ReportActivity,
} from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { auditActor, writeAudit } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan, can } from '@/lib/authz';
import { callTitleIn } from '@/lib/calls/languages';
import { AppError, NotFoundError } from '@/lib/errors';
import { detectFileKind, sanitiseFileName } from '@/lib/files/detect';
import { fileKindInfo, type FileKind } from '@/lib/files/types';
import { queueMail } from '@/lib/mail/outbox';
import { fromZonedInput } from '@/lib/time/zoned';
import {
  duplicateReachRows,
  proposedActivities,
  reportIssues,
  reportState,
  type DeleteReportingPeriodInput,
  type ReportDraft,
  type ReportingPeriodInput,
  type ReviewReportInput,
  type SaveReportDraftInput,
  type SubmitReportInput,
} from '@/lib/validations/reports';
import { uuidPattern } from '@/lib/validations/zod';

// Reporting (issue 16): a call's reporting periods, the partners' reports on their accepted
// awards, and the admins' review. Every function checks who acts; another organisation's
// award or report is "not found".

/** Where a partner writes a report (the award is one per application). */
export const reportPath = (applicationId: string, periodId: string) => `/applications/${applicationId}/reports/${periodId}`;
/** Where an admin reviews it. */
export const adminReportPath = (callId: string, reportId: string) => `/admin/calls/${callId}/reporting/${reportId}`;

// ---------------------------------------------------------------------------------------
// Periods (admin)
// ---------------------------------------------------------------------------------------

/** A call's reporting periods, in order of due date. */
export async function listReportingPeriods(executor: Executor, callId: string) {
  return executor
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.callId, callId))
    .orderBy(asc(reportingPeriods.dueAt), asc(reportingPeriods.position), asc(reportingPeriods.createdAt));
}

/** Adds a period to a call, or changes one of its periods; the due date is read in the call's time zone. */
export async function saveReportingPeriod(tx: Executor, user: SessionUser, input: ReportingPeriodInput) {
  assertCan(user, 'reporting:manage');
  const [call] = await tx.select({ id: calls.id, timeZone: calls.timeZone }).from(calls).where(eq(calls.id, input.callId)).for('update');
  if (!call) throw new NotFoundError();
  const values = {
    label: input.label,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    dueAt: fromZonedInput(input.dueAt, call.timeZone),
    final: input.final,
  };
  if (input.periodId) {
    const [before] = await tx
      .select()
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.id, input.periodId), eq(reportingPeriods.callId, call.id)))
      .for('update');
    if (!before) throw new NotFoundError();
    const [saved] = await tx.update(reportingPeriods).set(values).where(eq(reportingPeriods.id, before.id)).returning();
    await writeAudit(tx, auditActor(user), {
      action: 'reporting_period.updated',
      entityType: 'call',
      entityId: call.id,
      before: periodAudit(before),
      after: periodAudit(saved),
    });
    return saved;
  }
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${reportingPeriods.position}) + 1, 0)::int` })
    .from(reportingPeriods)
    .where(eq(reportingPeriods.callId, call.id));
  const [saved] = await tx
    .insert(reportingPeriods)
    .values({ callId: call.id, position: next, ...values })
    .returning();
  await writeAudit(tx, auditActor(user), { action: 'reporting_period.created', entityType: 'call', entityId: call.id, after: periodAudit(saved) });
  return saved;
}

function periodAudit(p: typeof reportingPeriods.$inferSelect) {
  return { id: p.id, label: p.label, periodStart: p.periodStart, periodEnd: p.periodEnd, dueAt: p.dueAt.toISOString(), final: p.final };
}

/** Removes a period nobody has reported on yet (a report, even a draft, keeps it). */
export async function deleteReportingPeriod(tx: Executor, user: SessionUser, input: DeleteReportingPeriodInput) {
  assertCan(user, 'reporting:manage');
  const [period] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, input.periodId)).for('update');
  if (!period) throw new NotFoundError();
  const [used] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.periodId, period.id)).limit(1);
  if (used) throw new AppError('periodHasReports');
  await tx.delete(reportingPeriods).where(eq(reportingPeriods.id, period.id));
  await writeAudit(tx, auditActor(user), { action: 'reporting_period.deleted', entityType: 'call', entityId: period.callId, before: periodAudit(period) });
  return { callId: period.callId };
}

/**
 * The reporting page of a call: its periods, and every accepted award × period with the
 * state of its report (not started, draft, submitted, changes requested, accepted, overdue).
 */
export async function getReportingOverview(user: SessionUser, callId: string, now = new Date()) {
  assertCan(user, 'reporting:manage');
  if (!uuidPattern.test(callId)) return null;
  const [call] = await db.select().from(calls).where(eq(calls.id, callId));
  if (!call) return null;
  const [periods, accepted] = await Promise.all([
    listReportingPeriods(db, call.id),
    db
      .select({
        awardId: awards.id,
        applicationId: applications.id,
        reference: applications.reference,
        title: applications.title,
        organisation: organisations.legalName,
      })
      .from(awards)
      .innerJoin(applications, eq(applications.id, awards.applicationId))
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(and(eq(awards.callId, call.id), eq(awards.status, 'accepted')))
      .orderBy(asc(organisations.legalName)),
  ]);
  const existing = accepted.length
    ? await db
        .select({ id: reports.id, awardId: reports.awardId, periodId: reports.periodId, status: reports.status, submittedAt: reports.submittedAt })
        .from(reports)
        .where(inArray(reports.awardId, accepted.map((a) => a.awardId)))
    : [];
  const byKey = new Map(existing.map((r) => [`${r.awardId}|${r.periodId}`, r]));
  const rows = accepted.map((award) => ({
    ...award,
    reports: periods.map((period) => {
      const report = byKey.get(`${award.awardId}|${period.id}`) ?? null;
      return { periodId: period.id, reportId: report?.id ?? null, state: reportState(report?.status ?? null, period.dueAt, now), submittedAt: report?.submittedAt ?? null };
    }),
  }));
  return { call, periods, rows };
}

// ---------------------------------------------------------------------------------------
// The partner's report
// ---------------------------------------------------------------------------------------

/**
 * An accepted award the user reports on: a member of its organisation, the award row
 * locked until the transaction ends (a save, a submit and an upload never interleave).
 */
async function lockAwardForMember(tx: Executor, user: SessionUser, awardId: string) {
  assertCan(user, 'report:write');
  if (!uuidPattern.test(awardId)) throw new NotFoundError();
  const [row] = await tx
    .select({ award: awards, application: applications, call: calls, organisation: organisations })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(organisationMembers, and(eq(organisationMembers.organisationId, organisations.id), eq(organisationMembers.userId, user.id)))
    .where(and(eq(awards.id, awardId), eq(awards.status, 'accepted')))
    .for('update', { of: awards });
  if (!row) throw new NotFoundError();
  return row;
}

async function periodOf(executor: Executor, callId: string, periodId: string) {
  if (!uuidPattern.test(periodId)) throw new NotFoundError();
  const [period] = await executor
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.id, periodId), eq(reportingPeriods.callId, callId)));
  if (!period) throw new NotFoundError();
  return period;
}

async function reachOf(executor: Executor, reportId: string) {
  return executor
    .select({ country: reportReach.country, sex: reportReach.sex, ageGroup: reportReach.ageGroup, populationGroup: reportReach.populationGroup, people: reportReach.people })
    .from(reportReach)
    .where(eq(reportReach.reportId, reportId))
    .orderBy(asc(reportReach.country), asc(reportReach.populationGroup), asc(reportReach.sex), asc(reportReach.ageGroup));
}

async function filesOf(executor: Executor, reportId: string) {
  return executor
    .select({ id: reportFiles.id, fileName: reportFiles.fileName, size: reportFiles.size, contentType: reportFiles.contentType, uploadedAt: reportFiles.uploadedAt, sha256: reportFiles.sha256 })
    .from(reportFiles)
    .where(eq(reportFiles.reportId, reportId))
    .orderBy(asc(reportFiles.uploadedAt));
}

/** Those who may read a report: its organisation's members, and admins. */
type ReportAccess = 'member' | 'admin';

/**
 * One award's report for one period, as its page shows it (the form's values when no
 * report was saved yet: the proposed activities taken from the application), or null when
 * the viewer may not see it.
 */
export async function getReportForPage(user: SessionUser | null, applicationId: string, periodId: string, now = new Date()) {
  if (!user || !uuidPattern.test(applicationId) || !uuidPattern.test(periodId)) return null;
  const [row] = await db
    .select({ award: awards, application: applications, call: calls, organisation: organisations, memberId: organisationMembers.userId })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(organisationMembers, and(eq(organisationMembers.organisationId, organisations.id), eq(organisationMembers.userId, user.id)))
    .where(and(eq(awards.applicationId, applicationId), eq(awards.status, 'accepted')));
  if (!row) return null;
  let access: ReportAccess;
  if (row.memberId && can(user, 'report:write')) access = 'member';
  else if (can(user, 'reporting:manage')) access = 'admin';
  else return null;
  const [period] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.id, periodId), eq(reportingPeriods.callId, row.call.id)));
  if (!period) return null;
  const [report] = await db.select().from(reports).where(and(eq(reports.awardId, row.award.id), eq(reports.periodId, period.id)));
  const [reach, files] = report ? await Promise.all([reachOf(db, report.id), filesOf(db, report.id)]) : [[], []];
  const content = row.application.content as { activities?: string } | null;
  const draft: ReportDraft = report
    ? { reach, activities: report.activities.map((a) => ({ ...a })), narrative: report.narrative }
    : { reach: [], activities: proposedActivities(content?.activities).map((proposed) => ({ proposed, done: '', status: 'done' as const })), narrative: '' };
  const status = report?.status ?? null;
  return {
    access,
    award: row.award,
    application: { id: row.application.id, title: row.application.title, reference: row.application.reference, countries: row.application.countries },
    call: row.call,
    organisation: { id: row.organisation.id, legalName: row.organisation.legalName },
    period,
    report: report ?? null,
    draft,
    files,
    state: reportState(status, period.dueAt, now),
    /** The partner may still change it: a draft, or sent back for changes. */
    editable: access === 'member' && (status === null || status === 'draft' || status === 'changes_requested'),
  };
}
export type ReportForPage = NonNullable<Awaited<ReturnType<typeof getReportForPage>>>;

/** Someone saved since the page read the report: `version` in the field errors tells the page to offer a reload. */
function stale() {
  return new AppError('staleVersion', {}, { version: ['staleVersion'] });
}

/** Choices outside the award's countries or a repeated breakdown row: refused, never stored. */
function checkDraft(draft: ReportDraft, countries: readonly string[]) {
  const fieldErrors: Record<string, string[]> = {};
  draft.reach.forEach((r, i) => {
    if (!countries.includes(r.country)) (fieldErrors[`reach.${i}.country`] ??= []).push('invalidChoice');
  });
  for (const i of duplicateReachRows(draft.reach)) (fieldErrors[`reach.${i}.country`] ??= []).push('reachRowRepeated');
  if (Object.keys(fieldErrors).length) throw new AppError('invalidInput', {}, fieldErrors);
}

/**
 * Saves a report's draft if nobody changed it since the page read it (optimistic lock on
 * `version`; 0 means "no report yet" and creates it). Only a draft, or a report sent back
 * for changes, can be changed.
 */
export async function saveReportDraft(tx: Executor, user: SessionUser, input: SaveReportDraftInput, now = new Date()) {
  const { award, application } = await lockAwardForMember(tx, user, input.awardId);
  const period = await periodOf(tx, award.callId, input.periodId);
  checkDraft(input.draft, application.countries);
  const [existing] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.awardId, award.id), eq(reports.periodId, period.id)))
    .for('update');
  const values = { narrative: input.draft.narrative, activities: input.draft.activities as ReportActivity[], updatedAt: now };
  let saved: { id: string; version: number; updatedAt: Date };
  if (!existing) {
    if (input.version !== 0) throw stale();
    const inserted = await tx
      .insert(reports)
      .values({ awardId: award.id, periodId: period.id, ...values })
      .onConflictDoNothing({ target: [reports.awardId, reports.periodId] })
      .returning({ id: reports.id, version: reports.version, updatedAt: reports.updatedAt });
    if (!inserted.length) throw stale();
    saved = inserted[0];
    await writeAudit(tx, auditActor(user), { action: 'report.started', entityType: 'report', entityId: saved.id, after: { awardId: award.id, period: period.label } });
  } else {
    if (existing.version !== input.version) throw stale();
    if (existing.status !== 'draft' && existing.status !== 'changes_requested') throw new AppError('reportNotEditable');
    const [updated] = await tx
      .update(reports)
      .set({ ...values, version: sql`${reports.version} + 1` })
      .where(and(eq(reports.id, existing.id), eq(reports.version, input.version)))
      .returning({ id: reports.id, version: reports.version, updatedAt: reports.updatedAt });
    if (!updated) throw stale();
    saved = updated;
    await tx.delete(reportReach).where(eq(reportReach.reportId, saved.id));
  }
  if (input.draft.reach.length) {
    await tx.insert(reportReach).values(input.draft.reach.map((r) => ({ reportId: saved.id, country: r.country, sex: r.sex, ageGroup: r.ageGroup, populationGroup: r.populationGroup, people: r.people ?? 0 })));
  }
  return { reportId: saved.id, version: saved.version, savedAt: saved.updatedAt };
}

/**
 * Submits the report once: of two simultaneous submits one submits and the other finds it
 * submitted; nothing incomplete gets through (at least one person reached). The submitter gets a receipt.
 */
export async function submitReport(tx: Executor, user: SessionUser, input: SubmitReportInput, now = new Date()) {
  const { award, application, call, organisation } = await lockAwardForMember(tx, user, input.awardId);
  const period = await periodOf(tx, award.callId, input.periodId);
  const [report] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.awardId, award.id), eq(reports.periodId, period.id)))
    .for('update');
  if (!report) throw stale();
  if ((report.status === 'submitted' || report.status === 'accepted') && report.submittedAt) {
    return { reportId: report.id, status: report.status, version: report.version, submittedAt: report.submittedAt, alreadySubmitted: true };
  }
  if (report.version !== input.version) throw stale();
  const reach = await reachOf(tx, report.id);
  const issues = reportIssues({ reach, activities: report.activities, narrative: report.narrative }, application.countries);
  if (Object.keys(issues).length) throw new AppError('reportIncomplete', { count: Object.values(issues).flat().length }, issues);
  const [done] = await tx
    .update(reports)
    .set({ status: 'submitted', submittedBy: user.id, submittedAt: now, version: sql`${reports.version} + 1`, updatedAt: now })
    .where(and(eq(reports.id, report.id), eq(reports.version, input.version)))
    .returning({ version: reports.version });
  if (!done) throw stale();
  const total = reach.reduce((sum, r) => sum + r.people, 0);
  await writeAudit(tx, auditActor(user), {
    action: report.status === 'changes_requested' ? 'report.resubmitted' : 'report.submitted',
    entityType: 'report',
    entityId: report.id,
    before: { status: report.status, version: report.version },
    after: { status: 'submitted', version: done.version, peopleReached: total },
  });
  await queueMail(tx, {
    to: user.email,
    toUserId: user.id,
    locale: user.locale,
    template: 'reportSubmitted',
    data: { callTitle: callTitleIn(call, user.locale), organisation: organisation.legalName, period: period.label, peopleReached: total, link: appUrl(reportPath(application.id, period.id)) },
  });
  return { reportId: report.id, status: 'submitted' as const, version: done.version, submittedAt: now, alreadySubmitted: false };
}

// ---------------------------------------------------------------------------------------
// The report's files (evidence: attendance sheets, photos, a financial statement)
// ---------------------------------------------------------------------------------------

/** What a report may carry: up to ten files of the kinds the application documents take. */
export const reportFileRules = { maxSizeBytes: 10 * 1024 * 1024, maxFiles: 10, kinds: ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as FileKind[] };

export type ReportFileTarget = { awardId: string; periodId: string };

/**
 * The report a member may attach a file to or remove one from now: saved once (the form
 * saves its draft first, so an upload never creates the report behind its back), and a
 * draft or sent back for changes. Locks the award row like a save.
 */
async function editableReport(tx: Executor, user: SessionUser, target: ReportFileTarget) {
  const { award, application } = await lockAwardForMember(tx, user, target.awardId);
  const period = await periodOf(tx, award.callId, target.periodId);
  const [report] = await tx.select().from(reports).where(and(eq(reports.awardId, award.id), eq(reports.periodId, period.id)));
  if (!report) throw new AppError('reportSaveFirst');
  if (report.status !== 'draft' && report.status !== 'changes_requested') throw new AppError('reportNotEditable');
  return { report, application, period };
}

/** Checks, before a byte of the body is read, that this upload may happen at all. */
export async function prepareReportUpload(user: SessionUser, target: ReportFileTarget) {
  return db.transaction(async (tx) => {
    const { report } = await editableReport(tx, user, target);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(reportFiles).where(eq(reportFiles.reportId, report.id));
    if (n >= reportFileRules.maxFiles) throw new AppError('reportTooManyFiles', { max: reportFileRules.maxFiles });
    return { maxSizeBytes: reportFileRules.maxSizeBytes };
  });
}

/**
 * Adds a file to the report: checked again under the award's lock, recognised by its bytes,
 * recorded with its size and SHA-256; the row, the bytes and the audit entry commit together.
 */
export async function storeReportFile(user: SessionUser, target: ReportFileTarget & { fileName: string; bytes: Buffer }) {
  return db.transaction(async (tx) => {
    const { report } = await editableReport(tx, user, target);
    if (target.bytes.length === 0) throw new AppError('fileEmpty');
    if (target.bytes.length > reportFileRules.maxSizeBytes) throw new AppError('fileTooLarge');
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(reportFiles).where(eq(reportFiles.reportId, report.id));
    if (n >= reportFileRules.maxFiles) throw new AppError('reportTooManyFiles', { max: reportFileRules.maxFiles });
    const kind = await detectFileKind(target.bytes);
    if (!kind || !reportFileRules.kinds.includes(kind)) {
      throw new AppError('fileTypeNotAccepted', { types: reportFileRules.kinds.map((k) => fileKindInfo[k].extension.toUpperCase()).join(', ') });
    }
    const [stored] = await tx
      .insert(reportFiles)
      .values({
        reportId: report.id,
        fileName: sanitiseFileName(target.fileName, kind),
        contentType: fileKindInfo[kind].mime,
        size: target.bytes.length,
        sha256: crypto.createHash('sha256').update(target.bytes).digest('hex'),
        content: target.bytes,
        uploadedBy: user.id,
      })
      .returning({ id: reportFiles.id, fileName: reportFiles.fileName, size: reportFiles.size, contentType: reportFiles.contentType, uploadedAt: reportFiles.uploadedAt, sha256: reportFiles.sha256 });
    await writeAudit(tx, auditActor(user), {
      action: 'report.file_uploaded',
      entityType: 'report',
      entityId: report.id,
      after: { fileName: stored.fileName, size: stored.size, sha256: stored.sha256 },
    });
    return stored;
  });
}

/** Removes one of the report's files while the partner may still change the report. */
export async function removeReportFile(user: SessionUser, target: ReportFileTarget & { fileId: string }) {
  if (!uuidPattern.test(target.fileId)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const { report } = await editableReport(tx, user, target);
    const [removed] = await tx
      .delete(reportFiles)
      .where(and(eq(reportFiles.id, target.fileId), eq(reportFiles.reportId, report.id)))
      .returning({ fileName: reportFiles.fileName, size: reportFiles.size, sha256: reportFiles.sha256 });
    if (!removed) throw new NotFoundError();
    await writeAudit(tx, auditActor(user), { action: 'report.file_removed', entityType: 'report', entityId: report.id, before: removed });
    return removed;
  });
}

/** A report's file with its bytes, for the organisation's members and admins (getReportForPage); else null. */
export async function getReportFileForDownload(user: SessionUser | null, target: ReportFileTarget & { fileId: string }) {
  if (!uuidPattern.test(target.awardId) || !uuidPattern.test(target.fileId)) return null;
  const [award] = await db.select({ applicationId: awards.applicationId }).from(awards).where(eq(awards.id, target.awardId));
  if (!award) return null;
  const page = await getReportForPage(user, award.applicationId, target.periodId);
  if (!page?.report) return null;
  const [file] = await db
    .select()
    .from(reportFiles)
    .where(and(eq(reportFiles.id, target.fileId), eq(reportFiles.reportId, page.report.id)));
  return file ?? null;
}

// ---------------------------------------------------------------------------------------
// Review (admin)
// ---------------------------------------------------------------------------------------

/** A report for the admin's review page, by id; null when there is none. */
export async function getReportForReview(user: SessionUser, callId: string, reportId: string, now = new Date()) {
  assertCan(user, 'reporting:manage');
  if (!uuidPattern.test(reportId) || !uuidPattern.test(callId)) return null;
  const [row] = await db
    .select({ report: reports, award: awards, application: applications, period: reportingPeriods, reviewer: users.email })
    .from(reports)
    .innerJoin(awards, eq(awards.id, reports.awardId))
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .leftJoin(users, eq(users.id, reports.reviewedBy))
    .where(and(eq(reports.id, reportId), eq(awards.callId, callId)));
  if (!row) return null;
  const page = await getReportForPage(user, row.application.id, row.period.id, now);
  if (!page) return null;
  return { ...page, reviewer: row.reviewer };
}

/**
 * Accepts a submitted report, or sends it back with the comment the partner reads; the
 * organisation's members are told by mail. Accepting changes the call's public impact.
 */
export async function reviewReport(tx: Executor, user: SessionUser, input: ReviewReportInput, now = new Date()) {
  assertCan(user, 'reporting:manage');
  const [row] = await tx
    .select({ report: reports, award: awards, application: applications, call: calls, period: reportingPeriods, organisation: organisations })
    .from(reports)
    .innerJoin(awards, eq(awards.id, reports.awardId))
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(reports.id, input.reportId))
    .for('update', { of: reports });
  if (!row) throw new NotFoundError();
  const { report, call, period, organisation, application } = row;
  if (report.status !== 'submitted') throw new AppError('reportNotSubmitted');
  const accept = input.decision === 'accept';
  const status = accept ? ('accepted' as const) : ('changes_requested' as const);
  const comment = accept ? input.comment || null : input.comment;
  const [done] = await tx
    .update(reports)
    .set({ status, reviewedBy: user.id, reviewedAt: now, reviewComment: comment, version: sql`${reports.version} + 1`, updatedAt: now })
    .where(and(eq(reports.id, report.id), eq(reports.status, 'submitted')))
    .returning({ version: reports.version });
  if (!done) throw new AppError('reportNotSubmitted');
  await writeAudit(tx, auditActor(user), {
    action: accept ? 'report.accepted' : 'report.changes_requested',
    entityType: 'report',
    entityId: report.id,
    before: { status: report.status },
    after: { status, comment },
  });
  const members = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.organisationId, organisation.id), isNull(users.disabledAt)));
  const recipients: { to: string; toUserId: string | null; locale: string | null }[] = members.map((m) => ({ to: m.email, toUserId: m.id, locale: m.locale }));
  if (organisation.contactEmail && !members.some((m) => m.email.toLowerCase() === organisation.contactEmail!.toLowerCase())) {
    recipients.push({ to: organisation.contactEmail, toUserId: null, locale: call.locale });
  }
  const link = appUrl(reportPath(application.id, period.id));
  for (const r of recipients) {
    const callTitle = callTitleIn(call, r.locale);
    if (accept) {
      await queueMail(tx, { ...r, template: 'reportAccepted', data: { callTitle, organisation: organisation.legalName, period: period.label, comment, link } });
    } else {
      await queueMail(tx, { ...r, template: 'reportChangesRequested', data: { callTitle, organisation: organisation.legalName, period: period.label, comment: input.comment, link } });
    }
  }
  return { reportId: report.id, status, version: done.version, callSlug: call.slug };
}

// ---------------------------------------------------------------------------------------
// The partner's list
// ---------------------------------------------------------------------------------------

/** The reports the user's organisations owe or have sent, for their accepted awards: one row per award × period. */
export async function listMyReports(user: SessionUser, now = new Date()) {
  if (!can(user, 'report:write')) return [];
  const rows = await db
    .select({
      applicationId: applications.id,
      projectTitle: applications.title,
      reference: applications.reference,
      organisation: organisations.legalName,
      call: { title: calls.title, locale: calls.locale, translations: calls.translations, timeZone: calls.timeZone },
      periodId: reportingPeriods.id,
      label: reportingPeriods.label,
      final: reportingPeriods.final,
      dueAt: reportingPeriods.dueAt,
      status: reports.status,
    })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(organisationMembers, and(eq(organisationMembers.organisationId, organisations.id), eq(organisationMembers.userId, user.id)))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.callId, calls.id))
    .leftJoin(reports, and(eq(reports.awardId, awards.id), eq(reports.periodId, reportingPeriods.id)))
    .where(eq(awards.status, 'accepted'))
    .orderBy(desc(sql`${reports.status} is distinct from 'accepted'`), asc(reportingPeriods.dueAt))
    .limit(100);
  return rows.map((r) => ({ ...r, state: reportState(r.status, r.dueAt, now) }));
}
