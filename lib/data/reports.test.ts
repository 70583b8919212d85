import { and, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, outbox, reportReach, reports, users } from '@/db/schema';
import { addMember, createApplicantOrganisation, pdfBytes } from '@/lib/test/application-factories';
import { createUser } from '@/lib/test/factories';
import { createAcceptedAward } from '@/lib/test/report-factories';
import { queueScheduledReminders, reportReminderKey } from '@/lib/mail/scheduler';
import { reviewReportSchema, type ReportDraft } from '@/lib/validations/reports';
import {
  deleteReportingPeriod,
  getReportFileForDownload,
  getReportForPage,
  getReportingOverview,
  listMyReports,
  prepareReportUpload,
  removeReportFile,
  reportFileRules,
  reviewReport,
  saveReportDraft,
  saveReportingPeriod,
  storeReportFile,
  submitReport,
} from './reports';

const DAY = 86_400_000;

const complete: ReportDraft = {
  reach: [
    { country: 'SO', sex: 'female', ageGroup: '25-59', populationGroup: 'host_community', people: 1200 },
    { country: 'KE', sex: 'male', ageGroup: '0-17', populationGroup: 'refugees', people: 300 },
  ],
  activities: [{ proposed: 'Train 40 community health workers', done: 'Trained 38 workers in two sessions.', status: 'partly' }],
  narrative: 'The clinics ran in both countries; rains delayed two sessions.',
};

const tx = <T>(fn: (t: typeof db) => Promise<T>) => db.transaction((t) => fn(t as unknown as typeof db));

describe('reporting periods', () => {
  it('[admin] adds a period with its due date read in the call time zone, edits it, and deletes it while nobody reported', async () => {
    const admin = await createUser(['admin']);
    const { call } = await createAcceptedAward();
    const saved = await tx((t) =>
      saveReportingPeriod(t, admin, { callId: call.id, label: 'Final report', periodStart: '2026-07-01', periodEnd: '2026-12-31', dueAt: '2027-01-31T17:00', final: true }),
    );
    // Nairobi is UTC+3 all year.
    expect(saved.dueAt.toISOString()).toBe('2027-01-31T14:00:00.000Z');
    expect(saved.final).toBe(true);
    const edited = await tx((t) =>
      saveReportingPeriod(t, admin, { callId: call.id, periodId: saved.id, label: 'Final narrative report', periodStart: '2026-07-01', periodEnd: '2026-12-31', dueAt: '2027-02-01T09:30', final: true }),
    );
    expect(edited.label).toBe('Final narrative report');
    expect(edited.dueAt.toISOString()).toBe('2027-02-01T06:30:00.000Z');
    await tx((t) => deleteReportingPeriod(t, admin, { periodId: saved.id }));
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, call.id), like(auditLog.action, 'reporting_period.%')));
    expect(audit.map((a) => a.action).sort()).toEqual(['reporting_period.created', 'reporting_period.deleted', 'reporting_period.updated']);
  });

  it('[admin] cannot delete a period once a partner has a report on it, even a draft', async () => {
    const admin = await createUser(['admin']);
    const { partner, award, period } = await createAcceptedAward();
    await tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 0, draft: { reach: [], activities: [], narrative: 'Begun.' } }));
    await expect(tx((t) => deleteReportingPeriod(t, admin, { periodId: period.id }))).rejects.toMatchObject({ key: 'periodHasReports' });
  });

  it('[applicant] cannot add a period', async () => {
    const { call, partner } = await createAcceptedAward();
    await expect(
      tx((t) => saveReportingPeriod(t, partner.owner, { callId: call.id, label: 'Mine', periodStart: '2026-01-01', periodEnd: '2026-02-01', dueAt: '2026-03-01T12:00', final: false })),
    ).rejects.toMatchObject({ key: 'forbidden' });
  });
});

describe('a partner report', () => {
  it('[applicant] saves a draft (the first save creates it), then a stale save is refused, never merged', async () => {
    const { partner, award, period, application } = await createAcceptedAward();
    const first = await tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 0, draft: complete }));
    expect(first.version).toBe(1);
    const second = await tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 1, draft: { ...complete, narrative: 'Changed.' } }));
    expect(second.version).toBe(2);
    await expect(
      tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 1, draft: { ...complete, narrative: 'Stale.' } })),
    ).rejects.toMatchObject({ key: 'staleVersion' });
    // A second "first save" (another tab that never saw the report) is stale too.
    await expect(tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 0, draft: complete }))).rejects.toMatchObject({ key: 'staleVersion' });
    const page = await getReportForPage(partner.owner, application.id, period.id);
    expect(page?.draft.narrative).toBe('Changed.');
    expect(page?.draft.reach).toHaveLength(2);
  });

  it('[applicant] the form starts with the activities the application proposed', async () => {
    const { partner, period, application } = await createAcceptedAward();
    const page = await getReportForPage(partner.owner, application.id, period.id);
    expect(page?.report).toBeNull();
    expect(page?.draft.activities.map((a) => a.proposed)).toEqual(['Train 40 community health workers', 'Run 12 mobile clinic days']);
    expect(page?.editable).toBe(true);
  });

  it('[applicant] a country outside the application, or a repeated row, is refused', async () => {
    const { partner, award, period } = await createAcceptedAward();
    const outside = { ...complete, reach: [{ ...complete.reach[0], country: 'FR' }] };
    await expect(tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 0, draft: outside }))).rejects.toMatchObject({
      key: 'invalidInput',
      fieldErrors: { 'reach.0.country': ['invalidChoice'] },
    });
    const repeated = { ...complete, reach: [complete.reach[0], { ...complete.reach[0], people: 5 }] };
    await expect(tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 0, draft: repeated }))).rejects.toMatchObject({
      fieldErrors: { 'reach.1.country': ['reachRowRepeated'] },
    });
  });

  it('[applicant] submitting needs people reached (a total above zero) and a narrative; two submits submit once', async () => {
    const { partner, award, period } = await createAcceptedAward();
    const empty = await tx((t) =>
      saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: 0, draft: { reach: [{ ...complete.reach[0], people: 0 }], activities: [], narrative: '' } }),
    );
    await expect(tx((t) => submitReport(t, partner.owner, { awardId: award.id, periodId: period.id, version: empty.version }))).rejects.toMatchObject({
      key: 'reportIncomplete',
      fieldErrors: { reach: ['reachTotalZero'], narrative: ['required'] },
    });
    const full = await tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: empty.version, draft: complete }));
    const [a, b] = await Promise.all([
      tx((t) => submitReport(t, partner.owner, { awardId: award.id, periodId: period.id, version: full.version })),
      tx((t) => submitReport(t, partner.owner, { awardId: award.id, periodId: period.id, version: full.version })),
    ]);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, a.reportId), eq(auditLog.action, 'report.submitted')));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ peopleReached: 1500 });
    // Submitted: no more changes.
    await expect(
      tx((t) => saveReportDraft(t, partner.owner, { awardId: award.id, periodId: period.id, version: a.alreadySubmitted ? b.version : a.version, draft: complete })),
    ).rejects.toMatchObject({ key: 'reportNotEditable' });
  });

  it('[applicant] another organisation’s member finds nothing: no page, no save, no submit', async () => {
    const { award, period, application } = await createAcceptedAward();
    const other = await createApplicantOrganisation('Another Org');
    expect(await getReportForPage(other.owner, application.id, period.id)).toBeNull();
    await expect(tx((t) => saveReportDraft(t, other.owner, { awardId: award.id, periodId: period.id, version: 0, draft: complete }))).rejects.toMatchObject({ key: 'notFound' });
    await expect(tx((t) => submitReport(t, other.owner, { awardId: award.id, periodId: period.id, version: 1 }))).rejects.toMatchObject({ key: 'notFound' });
    expect(await listMyReports(other.owner)).toEqual([]);
    const reviewer = await createUser(['reviewer']);
    expect(await getReportForPage(reviewer, application.id, period.id)).toBeNull();
  });

  it('[applicant] the dashboard lists the award’s report with its state; a colleague sees it too', async () => {
    const { partner, period } = await createAcceptedAward({ dueInDays: -1 });
    const colleague = await addMember(partner.organisation.id);
    const [mine] = await listMyReports(colleague);
    expect(mine).toMatchObject({ periodId: period.id, state: 'overdue' });
  });
});

describe('the admin review', () => {
  async function submitted() {
    const world = await createAcceptedAward();
    const saved = await tx((t) => saveReportDraft(t, world.partner.owner, { awardId: world.award.id, periodId: world.period.id, version: 0, draft: complete }));
    const done = await tx((t) => submitReport(t, world.partner.owner, { awardId: world.award.id, periodId: world.period.id, version: saved.version }));
    return { ...world, reportId: done.reportId, version: done.version };
  }

  it('asking for changes needs a comment (the schema and the database both say so)', async () => {
    expect(reviewReportSchema.safeParse({ reportId: crypto.randomUUID(), decision: 'request_changes', comment: '  ' }).success).toBe(false);
    expect(reviewReportSchema.safeParse({ reportId: crypto.randomUUID(), decision: 'accept', comment: '' }).success).toBe(true);
    const admin = await createUser(['admin']);
    const { reportId } = await submitted();
    await expect(tx((t) => reviewReport(t, admin, { reportId, decision: 'request_changes', comment: '' }))).rejects.toThrow();
    const [row] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
    expect(row.status).toBe('submitted');
  });

  it('[admin] asks for changes: the partner reads the comment, edits and resubmits; the admin accepts; each step audited and mailed', async () => {
    const admin = await createUser(['admin']);
    const { reportId, partner, award, period, application, call } = await submitted();
    const colleague = await addMember(partner.organisation.id);
    const changes = await tx((t) => reviewReport(t, admin, { reportId, decision: 'request_changes', comment: 'Please split the Kenyan figures by age.' }));
    expect(changes.status).toBe('changes_requested');
    const page = await getReportForPage(partner.owner, application.id, period.id);
    expect(page?.report?.reviewComment).toBe('Please split the Kenyan figures by age.');
    expect(page?.editable).toBe(true);
    const mails = await db.select().from(outbox).where(and(eq(outbox.template, 'reportChangesRequested'), inArray(outbox.toAddress, [partner.owner.email, colleague.email])));
    expect(mails).toHaveLength(2);
    expect(mails[0].textBody).toContain('Please split the Kenyan figures by age.');

    const resaved = await tx((t) =>
      saveReportDraft(t, partner.owner, {
        awardId: award.id,
        periodId: period.id,
        version: page!.report!.version,
        draft: { ...complete, reach: [...complete.reach, { country: 'KE', sex: 'female', ageGroup: '18-24', populationGroup: 'refugees', people: 50 }] },
      }),
    );
    await tx((t) => submitReport(t, partner.owner, { awardId: award.id, periodId: period.id, version: resaved.version }));
    const accepted = await tx((t) => reviewReport(t, admin, { reportId, decision: 'accept', comment: '' }));
    expect(accepted).toMatchObject({ status: 'accepted', callSlug: call.slug });
    await expect(tx((t) => reviewReport(t, admin, { reportId, decision: 'accept', comment: '' }))).rejects.toMatchObject({ key: 'reportNotSubmitted' });

    const reach = await db.select().from(reportReach).where(eq(reportReach.reportId, reportId));
    expect(reach.reduce((s, r) => s + r.people, 0)).toBe(1550);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, reportId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['report.started', 'report.submitted', 'report.changes_requested', 'report.resubmitted', 'report.accepted']));
    const acceptedMails = await db.select().from(outbox).where(and(eq(outbox.template, 'reportAccepted'), eq(outbox.toAddress, partner.owner.email)));
    expect(acceptedMails).toHaveLength(1);

    const overview = await getReportingOverview(admin, call.id);
    expect(overview?.rows[0].reports[0]).toMatchObject({ reportId, state: 'accepted' });
  });

  it('[applicant] cannot review, even their own report', async () => {
    const { reportId, partner } = await submitted();
    await expect(tx((t) => reviewReport(t, partner.owner, { reportId, decision: 'accept', comment: '' }))).rejects.toMatchObject({ key: 'forbidden' });
  });
});

describe('report reminders', () => {
  it('[applicant] a report due in 7 days gets one reminder, and one overdue notice after the due date, per member; none once submitted', async () => {
    const { partner, award, period } = await createAcceptedAward({ dueInDays: 5 });
    const colleague = await addMember(partner.organisation.id);
    const gone = await addMember(partner.organisation.id);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    // Another award whose report is submitted: no reminder for it.
    const done = await createAcceptedAward({ dueInDays: 5 });
    const saved = await tx((t) => saveReportDraft(t, done.partner.owner, { awardId: done.award.id, periodId: done.period.id, version: 0, draft: complete }));
    await tx((t) => submitReport(t, done.partner.owner, { awardId: done.award.id, periodId: done.period.id, version: saved.version }));

    const now = new Date();
    await queueScheduledReminders(db, now);
    await queueScheduledReminders(db, new Date(now.getTime() + 3600_000));
    const keys = [partner.owner.id, colleague.id, gone.id].map((id) => reportReminderKey(award.id, period.id, 'due', id));
    const reminders = await db.select().from(outbox).where(inArray(outbox.dedupeKey, keys));
    expect(reminders.map((m) => m.toAddress).sort()).toEqual([partner.owner.email, colleague.email].sort());
    expect(reminders[0].template).toBe('reportReminder');
    const [stamped] = await db.select().from(reports).where(and(eq(reports.awardId, award.id), eq(reports.periodId, period.id)));
    expect(stamped.remindedAt).not.toBeNull();
    expect(stamped.status).toBe('draft');
    const doneKeys = await db.select().from(outbox).where(like(outbox.dedupeKey, `report-%:${done.award.id}:%`));
    expect(doneKeys).toEqual([]);

    // After the due date: one overdue notice each, however often the job runs.
    const late = new Date(period.dueAt.getTime() + DAY);
    await queueScheduledReminders(db, late);
    await queueScheduledReminders(db, new Date(late.getTime() + DAY));
    const overdue = await db
      .select()
      .from(outbox)
      .where(inArray(outbox.dedupeKey, [partner.owner.id, colleague.id].map((id) => reportReminderKey(award.id, period.id, 'overdue', id))));
    expect(overdue).toHaveLength(2);
    expect(overdue[0].template).toBe('reportOverdue');
    const [after] = await db.select().from(reports).where(eq(reports.id, stamped.id));
    expect(after.overdueNoticeAt).not.toBeNull();
    // The partner's form opens on that (empty) draft, with its version for the next save.
    const page = await getReportForPage(partner.owner, award.applicationId, period.id);
    expect(page?.report?.version).toBe(after.version);
    expect(page?.editable).toBe(true);
  });
});

describe("a report's files", () => {
  it('[applicant] attaches files once the draft exists, by content not name; removes them; none after submission; only members and admins read them', async () => {
    const admin = await createUser(['admin']);
    const { partner, award, period } = await createAcceptedAward();
    const stranger = await createApplicantOrganisation('Another Partner');
    const target = { awardId: award.id, periodId: period.id };

    // Before the first save there is no report to attach to: refused, nothing created.
    await expect(prepareReportUpload(partner.owner, target)).rejects.toMatchObject({ key: 'reportSaveFirst' });
    await expect(storeReportFile(partner.owner, { ...target, fileName: 'sheet.pdf', bytes: pdfBytes() })).rejects.toMatchObject({ key: 'reportSaveFirst' });
    expect(await db.select().from(reports).where(eq(reports.awardId, award.id))).toEqual([]);

    const saved = await tx((t) => saveReportDraft(t, partner.owner, { ...target, version: 0, draft: complete }));
    expect(await prepareReportUpload(partner.owner, target)).toEqual({ maxSizeBytes: reportFileRules.maxSizeBytes });
    // A text file named .pdf is refused by its content.
    await expect(storeReportFile(partner.owner, { ...target, fileName: 'fake.pdf', bytes: Buffer.from('just text, not a PDF') })).rejects.toMatchObject({ key: 'fileTypeNotAccepted' });
    const stored = await storeReportFile(partner.owner, { ...target, fileName: '../attendance sheet.pdf', bytes: pdfBytes() });
    expect(stored.fileName).toBe('attendance sheet.pdf');
    // Attaching a file does not change the draft's version: the open form's next save is not stale.
    const [row] = await db.select({ version: reports.version }).from(reports).where(eq(reports.id, saved.reportId));
    expect(row.version).toBe(saved.version);

    // Another organisation's member neither attaches, reads nor removes: "not found".
    await expect(storeReportFile(stranger.owner, { ...target, fileName: 'x.pdf', bytes: pdfBytes() })).rejects.toMatchObject({ key: 'notFound' });
    expect(await getReportFileForDownload(stranger.owner, { ...target, fileId: stored.id })).toBeNull();
    await expect(removeReportFile(stranger.owner, { ...target, fileId: stored.id })).rejects.toMatchObject({ key: 'notFound' });
    // The member and an admin read it.
    expect((await getReportFileForDownload(partner.owner, { ...target, fileId: stored.id }))?.sha256).toBe(stored.sha256);
    expect((await getReportFileForDownload(admin, { ...target, fileId: stored.id }))?.fileName).toBe('attendance sheet.pdf');

    const second = await storeReportFile(partner.owner, { ...target, fileName: 'photo.pdf', bytes: pdfBytes(300) });
    await removeReportFile(partner.owner, { ...target, fileId: second.id });
    expect(await getReportFileForDownload(partner.owner, { ...target, fileId: second.id })).toBeNull();

    await tx((t) => submitReport(t, partner.owner, { ...target, version: saved.version }));
    await expect(storeReportFile(partner.owner, { ...target, fileName: 'late.pdf', bytes: pdfBytes() })).rejects.toMatchObject({ key: 'reportNotEditable' });
    await expect(removeReportFile(partner.owner, { ...target, fileId: stored.id })).rejects.toMatchObject({ key: 'reportNotEditable' });
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, saved.reportId), like(auditLog.action, 'report.file_%')));
    expect(audit.map((a) => a.action).sort()).toEqual(['report.file_removed', 'report.file_uploaded', 'report.file_uploaded']);
  });
});
