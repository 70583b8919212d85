import { storeOrganisationDocument } from '@/lib/data/verification';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { awards, clarificationQuestions, outbox, reports, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { issueToken } from '@/lib/data/user-tokens';
import { translator } from '@/lib/i18n/translate';
import { attachFile as attachReviewFile, createAssignment, createReviewCall, createSubmittedApplication, createSubmittedReview } from './review-factories';
import { createApplicantOrganisation, createDraft, createOpenCall, completeDraft, pdfBytes } from './application-factories';
import { storeApplicationFile } from '@/lib/data/files';
import { createUser, uniqueEmail } from './factories';
import { createFlag, createScreeningHit } from './diligence-factory';
import { addPeriod, createAcceptedAward } from './report-factories';

/**
 * The world the permission matrix and the fuzzing run in: seven personas and the records
 * they act on. Shared by lib/security/permissions.test.ts and lib/security/fuzz.test.ts.
 */
export const personas = ['visitor', 'applicantA', 'applicantB', 'reviewer', 'unassignedReviewer', 'conflictedReviewer', 'admin'] as const;
export type Persona = (typeof personas)[number];

// ---------------------------------------------------------------------------------------
// Writes: a row-level trigger on every table counts changes that commit. A refusal must
// leave the count where it was. Rate-limit counters are bookkeeping, not state: excluded.
// ---------------------------------------------------------------------------------------
const IGNORED_TABLES = ['rate_limits', 'test_write_counter'];

export async function installWriteCounter() {
  await db.execute(sql`create table if not exists test_write_counter (n bigint not null)`);
  await db.execute(sql`delete from test_write_counter`);
  await db.execute(sql`insert into test_write_counter values (0)`);
  await db.execute(sql`create or replace function test_count_write() returns trigger language plpgsql as $$
    begin update test_write_counter set n = n + 1; return null; end $$`);
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public'`),
  ).map((t) => t.name);
  for (const table of tables.filter((t) => !IGNORED_TABLES.includes(t))) {
    await db.execute(sql.raw(`drop trigger if exists test_count_write on "${table}"`));
    await db.execute(sql.raw(`create trigger test_count_write after insert or update or delete on "${table}" for each row execute function test_count_write()`));
  }
}

export async function removeWriteCounter() {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public'`)).map((t) => t.name);
  for (const table of tables.filter((t) => !IGNORED_TABLES.includes(t))) {
    await db.execute(sql.raw(`drop trigger if exists test_count_write on "${table}"`));
  }
  await db.execute(sql`drop function if exists test_count_write() cascade`);
  await db.execute(sql`drop table if exists test_write_counter`);
}

export async function writes(): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(await db.execute(sql`select n from test_write_counter`));
  return Number(row.n);
}

// ---------------------------------------------------------------------------------------
// The actions, read from the code: every export of lib/actions/*.ts.
// ---------------------------------------------------------------------------------------
export type ServerAction = (input?: unknown) => Promise<unknown>;

export async function actionCatalogue(): Promise<Map<string, ServerAction>> {
  const folder = path.join(process.cwd(), 'lib', 'actions');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'action.ts');
  const found = new Map<string, ServerAction>();
  for (const file of files) {
    const source = fs.readFileSync(path.join(folder, file), 'utf8');
    if (!/^['"]use server['"]/m.test(source)) continue;
    const exported = (await import(/* @vite-ignore */ path.join(folder, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === 'function') found.set(name, value as ServerAction);
    }
  }
  return found;
}

/** What calling an action in-process gave. */
export type Outcome =
  | { kind: 'result'; ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }
  | { kind: 'redirect'; to: string }
  /** Reached Auth.js's cookie handling (sign-in, sign-out), which needs a real request. */
  | { kind: 'needs-request' }
  | { kind: 'threw'; error: unknown };

export async function call(fn: ServerAction, input: unknown): Promise<Outcome> {
  try {
    const result = (await fn(input)) as { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> } | undefined;
    if (result === undefined) return { kind: 'needs-request' };
    return { kind: 'result', ok: result.ok, error: result.error, fieldErrors: result.fieldErrors };
  } catch (error) {
    const digest = (error as { digest?: string })?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { kind: 'redirect', to: digest.split(';')[2] ?? '' };
    const message = String((error as Error)?.message ?? error);
    if (/outside a request scope|was called outside|requestAsyncStorage|workUnitAsyncStorage/i.test(message)) return { kind: 'needs-request' };
    return { kind: 'threw', error };
  }
}

const te = translator('en', 'errors');
export const refusals = {
  unauthenticated: te('unauthenticated'),
  forbidden: te('forbidden'),
  notFound: te('notFound'),
  unexpected: te('unexpected'),
};

// ---------------------------------------------------------------------------------------
// The world.
// ---------------------------------------------------------------------------------------
export async function buildWorld() {
  const admin = await createUser(['admin']);
  const a = await createApplicantOrganisation('Org A');
  const b = await createApplicantOrganisation('Org B');
  const reviewer = await createUser(['reviewer']);
  const unassignedReviewer = await createUser(['reviewer']);
  const conflictedReviewer = await createUser(['reviewer']);
  const spareReviewer = await createUser(['reviewer']);

  // An open call: organisation A has a draft with a file, organisation B one too.
  const open = await createOpenCall();
  const draftA = await createDraft(open.call.id, a.organisation.id, a.owner.id);
  const draftB = await createDraft(open.call.id, b.organisation.id, b.owner.id);
  await storeApplicationFile(a.owner, { applicationId: draftA.id, slotId: open.slots[0].id, fileName: 'proposal.pdf', bytes: pdfBytes() });
  // A document of organisation A's library, to put into a slot.
  const libraryDocA = await storeOrganisationDocument(a.owner, { organisationId: a.organisation.id, kind: 'statutes', expiresOn: '', fileName: 'statutes.pdf', bytes: pdfBytes() });
  const [question, secondQuestion] = await db
    .insert(clarificationQuestions)
    .values([
      { callId: open.call.id, askedBy: a.owner.id, organisationId: a.organisation.id, question: 'Can a consortium apply together?' },
      { callId: open.call.id, askedBy: b.owner.id, organisationId: b.organisation.id, question: 'Is the deadline in Geneva time?' },
    ])
    .returning();

  // A call in review: organisation A's application, assigned to the reviewer (with a
  // submitted review), not to the unassigned one, and declined by the conflicted one.
  const review = await createReviewCall();
  const { application: reviewedA } = await createSubmittedApplication(review.call, { organisation: a.organisation });
  const { application: reviewedB } = await createSubmittedApplication(review.call, { organisation: b.organisation });
  const fileA = await attachReviewFile(reviewedA.id, review.slot.id);
  const assignment = await createAssignment(reviewedA.id, reviewer.id, 'accepted');
  const conflict = await createAssignment(reviewedA.id, conflictedReviewer.id, 'conflict');
  const otherAssignment = await createAssignment(reviewedB.id, unassignedReviewer.id, 'accepted');
  const spareAssignment = await createAssignment(reviewedB.id, spareReviewer.id, 'pending');
  const submittedReview = await createSubmittedReview(
    otherAssignment.id,
    review.criteria,
    review.criteria.map(() => 3),
  );

  // Awards (issue 16): organisation A's offer, still open; organisation B's, declined.
  const [awardA, declinedB] = await db
    .insert(awards)
    .values([
      { callId: review.call.id, applicationId: reviewedA.id, amount: 10_000, respondBy: new Date(Date.now() + 7 * 86_400_000) },
      { callId: review.call.id, applicationId: reviewedB.id, amount: 10_000, respondBy: new Date(Date.now() + 7 * 86_400_000), status: 'declined', respondedAt: new Date(), declineReason: 'No team left.' },
    ])
    .returning();

  const [failedMail] = await db
    .insert(outbox)
    .values({ toAddress: uniqueEmail('bounce'), template: 'passwordReset', subject: 's', textBody: 't', htmlBody: 'h', status: 'failed', attempts: 8 })
    .returning();
  const bystander = await createUser(['applicant']);
  const orgInvitation = await issueToken(db, {
    purpose: 'organisation_invitation',
    email: uniqueEmail('invitee'),
    userId: null,
    lifetimeMs: 86_400_000,
    data: { organisationId: a.organisation.id },
    createdBy: a.owner.id,
  });

  // A possible sanctions match of organisation B, for the admin to decide.
  const screeningHit = await createScreeningHit(b.organisation.id);
  const flag = await createFlag(b.organisation.id);
  // Reporting: organisation A's accepted award, its report for the interim period
  // submitted, a final period to draft in and a spare one nobody reported on.
  const reporting = await createAcceptedAward({ partner: a });
  const [submittedReport] = await db
    .insert(reports)
    .values({ awardId: reporting.award.id, periodId: reporting.period.id, status: 'submitted', narrative: 'Done.', submittedAt: new Date(), submittedBy: a.owner.id })
    .returning();
  const draftPeriod = await addPeriod(reporting.call.id, 'Final report');
  const sparePeriod = await addPeriod(reporting.call.id, 'Spare period');

  const actors: Record<Persona, SessionUser | null> = {
    visitor: null,
    applicantA: a.owner,
    applicantB: b.owner,
    reviewer,
    unassignedReviewer,
    conflictedReviewer,
    admin,
  };
  return {
    actors,
    admin,
    a,
    b,
    reviewer,
    unassignedReviewer,
    conflictedReviewer,
    open,
    draftA,
    libraryDocA,
    draftB,
    question,
    secondQuestion,
    review,
    reviewedA,
    reviewedB,
    fileA,
    assignment,
    conflict,
    otherAssignment,
    spareAssignment,
    submittedReview,
    awardA,
    declinedB,
    failedMail,
    bystander,
    orgInvitation,
    screeningHit,
    flag,
    completeDraft: completeDraft(open),
    reporting: { ...reporting, submittedReport, draftPeriod, sparePeriod },
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

export const randomToken = () => crypto.randomBytes(24).toString('base64url');
export const randomUuid = () => crypto.randomUUID();

/** A user's current password hash (to check a refusal left it alone). */
export async function passwordHashOf(userId: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}
