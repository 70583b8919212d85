import 'server-only';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db';
import {
  applicationFiles,
  applications,
  calls,
  documentSlots,
  eligibilityRequirements,
  organisationMembers,
  organisations,
  publications,
  type Application,
  type Call,
} from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { callTitleIn, type RequirementText, type SlotText, type Translations } from '@/lib/calls/languages';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan, can } from '@/lib/authz';
import { acceptsApplications } from '@/lib/calls/phase';
import { AppError, NotFoundError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import {
  applicationIssues,
  type ApplicationDraftValues,
  type ApplicationRules,
  type ApplicationVersionInput,
  type SaveApplicationDraftInput,
  type StartApplicationInput,
} from '@/lib/validations/application';
import { issue } from '@/lib/validations/zod';
import { listMyOrganisations, organisationCompleteness, requireMembership } from './organisations';
import { pageNumber } from './paging';
import { uuidPattern } from '@/lib/validations/zod';
import { callCodes } from './call-parts';

export { listMyOrganisations };



/** The next submission reference, EOI-<year>-<nnnn>, from the database sequence (unique, never reused). */
export async function nextReference(executor: Executor, year: number): Promise<string> {
  const [{ n }] = rowsOf<{ n: string | number }>(await executor.execute(sql`select nextval('application_reference_seq') as n`));
  return `EOI-${year}-${String(n).padStart(4, '0')}`;
}

/** The calendar year of an instant in a time zone (a submission at new year counts in the call's own year). */
function yearIn(now: Date, timeZone: string): number {
  try {
    return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(now));
  } catch {
    return now.getUTCFullYear();
  }
}

// ---------------------------------------------------------------------------------------
// Who may see an application.
// ---------------------------------------------------------------------------------------

/** How the viewer comes to see an application. Reviewers (by assignment) join here. */
export type ApplicationAccess = 'member' | 'admin';

/**
 * THE access rule for reading an application (pages, downloads, exports): its
 * organisation's members and admins. Anyone else gets null: for them it does not exist.
 */
export async function findVisibleApplication(
  executor: Executor,
  user: SessionUser | null,
  applicationId: string,
): Promise<{ application: Application; access: ApplicationAccess } | null> {
  if (!user || !uuidPattern.test(applicationId)) return null;
  const [row] = await executor
    .select({ application: applications, memberId: organisationMembers.userId })
    .from(applications)
    .leftJoin(
      organisationMembers,
      and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, user.id)),
    )
    .where(eq(applications.id, applicationId));
  if (!row) return null;
  if (row.memberId && can(user, 'application:edit')) return { application: row.application, access: 'member' };
  if (can(user, 'application:readAll')) return { application: row.application, access: 'admin' };
  return null;
}

/**
 * For every change by the applicant: a member of the application's organisation, the row
 * locked until the transaction ends (so a submit, a save and an upload never interleave).
 */
async function lockForMember(tx: Executor, user: SessionUser, applicationId: string) {
  assertCan(user, 'application:edit');
  if (!uuidPattern.test(applicationId)) throw new NotFoundError();
  const [row] = await tx
    .select({ application: applications })
    .from(applications)
    .innerJoin(
      organisationMembers,
      and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, user.id)),
    )
    .where(eq(applications.id, applicationId))
    .for('update', { of: applications });
  if (!row) throw new NotFoundError();
  return row.application;
}

// ---------------------------------------------------------------------------------------
// The call's rules and the draft's values.
// ---------------------------------------------------------------------------------------

export type CallForApplication = Pick<
  Call,
  'id' | 'slug' | 'title' | 'status' | 'opensAt' | 'closesAt' | 'timeZone' | 'currency' | 'minBudget' | 'maxBudget' | 'locale' | 'translations' | 'applicationLocales'
  | 'requiresSelfDeclaration'
>;

export type ApplicationCallRules = Omit<ApplicationRules, 'requirements' | 'slots'> & {
  call: CallForApplication;
  requirements: { id: string; statement: string; required: boolean; translations: Translations<RequirementText> }[];
  slots: { id: string; name: string; description: string; required: boolean; acceptedTypes: string[]; maxSizeBytes: number; translations: Translations<SlotText> }[];
};

/** A call with everything an application to it must satisfy. */
export async function callRules(executor: Executor, callId: string): Promise<ApplicationCallRules> {
  const [call] = await executor
    .select({
      id: calls.id,
      slug: calls.slug,
      title: calls.title,
      status: calls.status,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      timeZone: calls.timeZone,
      currency: calls.currency,
      minBudget: calls.minBudget,
      maxBudget: calls.maxBudget,
      locale: calls.locale,
      translations: calls.translations,
      applicationLocales: calls.applicationLocales,
      requiresSelfDeclaration: calls.requiresSelfDeclaration,
    })
    .from(calls)
    .where(eq(calls.id, callId));
  if (!call) throw new NotFoundError();
  const [{ countries, themes }, requirements, slots] = await Promise.all([
    callCodes(executor, callId),
    executor
      .select({
        id: eligibilityRequirements.id,
        statement: eligibilityRequirements.statement,
        required: eligibilityRequirements.required,
        translations: eligibilityRequirements.translations,
      })
      .from(eligibilityRequirements)
      .where(eq(eligibilityRequirements.callId, callId))
      .orderBy(asc(eligibilityRequirements.position)),
    executor
      .select({
        id: documentSlots.id,
        name: documentSlots.name,
        description: documentSlots.description,
        required: documentSlots.required,
        acceptedTypes: documentSlots.acceptedTypes,
        maxSizeBytes: documentSlots.maxSizeBytes,
        translations: documentSlots.translations,
      })
      .from(documentSlots)
      .where(eq(documentSlots.callId, callId))
      .orderBy(asc(documentSlots.position)),
  ]);
  return {
    call,
    countries,
    themes,
    minBudget: call.minBudget,
    maxBudget: call.maxBudget,
    currency: call.currency,
    requirements,
    slots,
  };
}

const INT_MAX = 2_147_483_647;

/** The form's values as stored: a few columns (they are queried) and the rest in `content`. */
export function draftValuesOf(app: Pick<Application, 'title' | 'countries' | 'themes' | 'requestedAmount' | 'peopleToReach' | 'content'>): ApplicationDraftValues {
  const content = app.content as ApplicationDraftValues;
  return {
    ...content,
    title: app.title,
    countries: app.countries,
    themes: app.themes,
    requestedAmount: app.requestedAmount ?? content.requestedAmount ?? null,
    peopleToReach: app.peopleToReach ?? content.peopleToReach ?? null,
  };
}

/** The reverse of draftValuesOf. A number its column cannot hold (a half-typed 1.5) stays in `content`. */
function storedValuesOf(draft: ApplicationDraftValues) {
  const { title, countries, themes, requestedAmount, peopleToReach, ...rest } = draft;
  const fits = (n: number | null | undefined, max: number) => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= max ? n : null);
  const amountColumn = fits(requestedAmount, Number.MAX_SAFE_INTEGER);
  const peopleColumn = fits(peopleToReach, INT_MAX);
  const content: Record<string, unknown> = { ...rest };
  if (amountColumn === null && requestedAmount != null) content.requestedAmount = requestedAmount;
  if (peopleColumn === null && peopleToReach != null) content.peopleToReach = peopleToReach;
  return {
    title: title ?? '',
    countries: [...new Set(countries ?? [])],
    themes: [...new Set(themes ?? [])],
    requestedAmount: amountColumn,
    peopleToReach: peopleColumn,
    content,
  };
}

/** The files of an application, without their bytes. */
export async function listApplicationFileInfo(executor: Executor, applicationId: string) {
  return executor
    .select({
      id: applicationFiles.id,
      slotId: applicationFiles.slotId,
      fileName: applicationFiles.fileName,
      contentType: applicationFiles.contentType,
      size: applicationFiles.size,
      sha256: applicationFiles.sha256,
      uploadedAt: applicationFiles.uploadedAt,
    })
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.uploadedAt));
}
export type ApplicationFileInfo = Awaited<ReturnType<typeof listApplicationFileInfo>>[number];

/** Everything a page shows of one application, or null when the viewer may not see it. */
export async function getApplicationDetail(user: SessionUser | null, applicationId: string, now = new Date()) {
  const visible = await findVisibleApplication(db, user, applicationId);
  if (!visible) return null;
  const { application, access } = visible;
  const [rules, files, [organisation]] = await Promise.all([
    callRules(db, application.callId),
    listApplicationFileInfo(db, application.id),
    db.select({ id: organisations.id, legalName: organisations.legalName }).from(organisations).where(eq(organisations.id, application.organisationId)),
  ]);
  const values = draftValuesOf(application);
  const open = acceptsApplications(rules.call, now);
  const issues = applicationIssues(values, rules, files.map((f) => f.slotId));
  return {
    application,
    access,
    organisation,
    rules,
    files,
    values,
    issues,
    /** The applicant may still change it: a member, and the call open by the server's clock. */
    open,
    editable: access === 'member' && open && application.status === 'draft',
  };
}
export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof getApplicationDetail>>>;

// ---------------------------------------------------------------------------------------
// The applicant's changes.
// ---------------------------------------------------------------------------------------

/** Opens the organisation's application to a call, creating it the first time (one per organisation and call). */
export async function startApplication(tx: Executor, user: SessionUser, input: StartApplicationInput, now = new Date()) {
  assertCan(user, 'application:edit');
  await requireMembership(tx, user, input.organisationId);
  const [call] = await tx.select().from(calls).where(eq(calls.slug, input.callSlug));
  if (!call || call.status === 'draft') throw new NotFoundError();
  const [existing] = await tx
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(and(eq(applications.callId, call.id), eq(applications.organisationId, input.organisationId)));
  if (existing) return { id: existing.id, status: existing.status, created: false };
  if (!acceptsApplications(call, now)) throw new AppError('callNotOpen');
  const inserted = await tx
    .insert(applications)
    .values({ callId: call.id, organisationId: input.organisationId, createdBy: user.id })
    .onConflictDoNothing({ target: [applications.callId, applications.organisationId] })
    .returning({ id: applications.id, status: applications.status });
  if (inserted.length) return { id: inserted[0].id, status: inserted[0].status, created: true };
  // A colleague started it a moment ago: open theirs.
  const [theirs] = await tx
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(and(eq(applications.callId, call.id), eq(applications.organisationId, input.organisationId)));
  return { id: theirs.id, status: theirs.status, created: false };
}

/** Someone saved since the page read the application; `version` in the field errors tells the page to offer a reload. */
function stale() {
  return new AppError('staleVersion', {}, { version: ['staleVersion'] });
}

function assertOpen(rules: ApplicationCallRules, now: Date) {
  if (!acceptsApplications(rules.call, now)) throw new AppError('callClosed');
}

/**
 * Saves a draft if nobody changed it since the page read it (optimistic lock on
 * `version`): a stale save is refused, never merged or overwritten.
 */
export async function saveApplicationDraft(tx: Executor, user: SessionUser, input: SaveApplicationDraftInput, now = new Date()) {
  const app = await lockForMember(tx, user, input.applicationId);
  if (app.version !== input.version) throw stale();
  if (app.status !== 'draft') throw new AppError('notDraft');
  const rules = await callRules(tx, app.callId);
  assertOpen(rules, now);

  // Choices come from the call's lists; a value outside them is not a half-typed draft but a forged request.
  const fieldErrors: Record<string, string[]> = {};
  const outside = (input.draft.countries ?? []).filter((c) => !rules.countries.includes(c));
  if (outside.length) fieldErrors.countries = [issue('countryNotInCall', { countries: outside.join(', ') })];
  if (rules.themes.length && (input.draft.themes ?? []).some((t) => !rules.themes.includes(t))) fieldErrors.themes = ['themeNotInCall'];
  const requirementIds = new Set(rules.requirements.map((r) => r.id));
  if (Object.keys(input.draft.declarations ?? {}).some((id) => !requirementIds.has(id))) fieldErrors.declarations = ['invalid'];
  if (Object.keys(fieldErrors).length) throw new AppError('invalidInput', {}, fieldErrors);

  const stored = storedValuesOf(input.draft);
  const [saved] = await tx
    .update(applications)
    .set({ ...stored, version: sql`${applications.version} + 1`, updatedAt: now })
    .where(and(eq(applications.id, app.id), eq(applications.version, input.version), eq(applications.status, 'draft')))
    .returning({ version: applications.version, updatedAt: applications.updatedAt });
  if (!saved) throw stale();
  return { before: { version: app.version }, version: saved.version, savedAt: saved.updatedAt };
}

/** Field errors keyed by field path, for the action's answer. */
function issuesToFieldErrors(issues: { path: string; message: string }[]) {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[i.path || '_'] ??= []).push(i.message);
  return out;
}

export type SubmitResult = { reference: string; submittedAt: Date; version: number; alreadySubmitted: boolean };

/**
 * Submits once. The row is locked, so of two (or twenty) simultaneous submits one
 * submits and the others find it submitted and answer with the same reference; the
 * deadline is checked by the server's clock; nothing incomplete gets through.
 */
export async function submitApplication(tx: Executor, user: SessionUser, input: ApplicationVersionInput, now = new Date()): Promise<SubmitResult> {
  const app = await lockForMember(tx, user, input.applicationId);
  if (app.status === 'submitted' && app.reference && app.submittedAt) {
    return { reference: app.reference, submittedAt: app.submittedAt, version: app.version, alreadySubmitted: true };
  }
  const rules = await callRules(tx, app.callId);
  assertOpen(rules, now);
  if (app.status !== 'draft') throw new AppError('notDraft');
  if (app.version !== input.version) throw stale();

  const files = await listApplicationFileInfo(tx, app.id);
  const issues = applicationIssues(draftValuesOf(app), rules, files.map((f) => f.slotId));
  if (issues.length) throw new AppError('incomplete', { count: issues.length }, issuesToFieldErrors(issues));
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, app.organisationId));
  // The call asks for the organisation's signed self-declaration (on its profile page).
  if (rules.call.requiresSelfDeclaration && !organisationCompleteness(org).signed) {
    throw new AppError('selfDeclarationRequired', {}, { selfDeclaration: ['selfDeclarationRequired'] });
  }

  const reference = app.reference ?? (await nextReference(tx, yearIn(now, rules.call.timeZone)));
  const [submitted] = await tx
    .update(applications)
    .set({ status: 'submitted', reference, submittedAt: now, withdrawnAt: null, version: sql`${applications.version} + 1`, updatedAt: now })
    .where(and(eq(applications.id, app.id), eq(applications.status, 'draft'), eq(applications.version, input.version)))
    .returning({ version: applications.version });
  if (!submitted) throw stale();

  const receipt = {
    organisation: org.legalName,
    callTitle: callTitleIn(rules.call, user.locale),
    reference,
    projectTitle: app.title,
    submittedAt: now,
    closes: { at: rules.call.closesAt!, timeZone: rules.call.timeZone },
    requestedAmount: app.requestedAmount,
    currency: rules.call.currency,
    countries: app.countries,
    link: appUrl(`/applications/${app.id}`),
  };
  await queueMail(tx, { to: user.email, toUserId: user.id, locale: user.locale, template: 'submissionReceipt', data: receipt });
  if (org.contactEmail && org.contactEmail.toLowerCase() !== user.email) {
    await queueMail(tx, { to: org.contactEmail, locale: user.locale, template: 'submissionReceipt', data: receipt });
  }
  return { reference, submittedAt: now, version: submitted.version, alreadySubmitted: false };
}

/** Until the deadline, a submitted application may be withdrawn (it keeps its reference). */
export async function withdrawApplication(tx: Executor, user: SessionUser, input: ApplicationVersionInput, now = new Date()) {
  const app = await lockForMember(tx, user, input.applicationId);
  const rules = await callRules(tx, app.callId);
  assertOpen(rules, now);
  if (app.status !== 'submitted') throw new AppError('notSubmitted');
  if (app.version !== input.version) throw stale();
  const [done] = await tx
    .update(applications)
    .set({ status: 'withdrawn', withdrawnAt: now, version: sql`${applications.version} + 1`, updatedAt: now })
    .where(and(eq(applications.id, app.id), eq(applications.status, 'submitted'), eq(applications.version, input.version)))
    .returning({ version: applications.version });
  if (!done) throw stale();
  const [org] = await tx.select({ legalName: organisations.legalName }).from(organisations).where(eq(organisations.id, app.organisationId));
  await queueMail(tx, {
    to: user.email,
    toUserId: user.id,
    locale: user.locale,
    template: 'withdrawal',
    data: {
      organisation: org.legalName,
      callTitle: callTitleIn(rules.call, user.locale),
      reference: app.reference!,
      withdrawnAt: now,
      closes: { at: rules.call.closesAt!, timeZone: rules.call.timeZone },
      link: appUrl(`/applications/${app.id}`),
    },
  });
  return { reference: app.reference!, version: done.version };
}

/** Until the deadline, a submitted or withdrawn application may be reopened as a draft; its reference stays. */
export async function reopenApplication(tx: Executor, user: SessionUser, input: ApplicationVersionInput, now = new Date()) {
  const app = await lockForMember(tx, user, input.applicationId);
  const rules = await callRules(tx, app.callId);
  assertOpen(rules, now);
  if (app.status === 'draft') throw new AppError('alreadyDraft');
  if (app.version !== input.version) throw stale();
  const [done] = await tx
    .update(applications)
    .set({ status: 'draft', withdrawnAt: null, version: sql`${applications.version} + 1`, updatedAt: now })
    .where(and(eq(applications.id, app.id), eq(applications.version, input.version)))
    .returning({ version: applications.version });
  if (!done) throw stale();
  return { before: app.status, reference: app.reference, version: done.version };
}

// ---------------------------------------------------------------------------------------
// Lists.
// ---------------------------------------------------------------------------------------

export const MY_APPLICATIONS_PAGE_SIZE = 20;

/** Applications of every organisation the user belongs to, newest first, a page at a time, with what each still lacks. */
export type PublishedOutcome = 'selected' | 'reserve' | 'not_selected';

export async function listMyApplications(user: SessionUser, options: { page?: number } = {}) {
  const page = pageNumber(options.page);
  const mine = db.select({ id: organisationMembers.organisationId }).from(organisationMembers).where(eq(organisationMembers.userId, user.id));
  const where = inArray(applications.organisationId, mine);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(applications).where(where),
    db
      .select({
        application: applications,
        organisation: organisations.legalName,
        fileSlots: sql<string[]>`coalesce((select array_agg(${applicationFiles.slotId}::text) from ${applicationFiles} where ${applicationFiles.applicationId} = ${applications.id}), '{}')`,
        // The published outcome (as getPublishedOutcome reads it from the frozen record), so
        // the status never says "Submitted" beside a result: submitted, call published.
        outcome: sql<PublishedOutcome | null>`case when ${applications.status} = 'submitted' and exists (select 1 from ${calls} where ${calls.id} = ${applications.callId} and ${calls.status} = 'published') then
          (select case when ${applications.eligibility} = 'eligible' then coalesce((select r->>'outcome' from jsonb_array_elements(${publications.snapshot}->'ranking') r where r->>'applicationId' = ${applications.id}::text), 'not_selected') else 'not_selected' end
           from ${publications} where ${publications.callId} = ${applications.callId}) end`,
      })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(where)
      .orderBy(desc(applications.updatedAt))
      .limit(MY_APPLICATIONS_PAGE_SIZE)
      .offset((page - 1) * MY_APPLICATIONS_PAGE_SIZE),
  ]);
  const rulesByCall = new Map<string, ApplicationCallRules>();
  for (const callId of new Set(rows.map((r) => r.application.callId))) rulesByCall.set(callId, await callRules(db, callId));
  return {
    page,
    total,
    pageSize: MY_APPLICATIONS_PAGE_SIZE,
    rows: rows.map(({ application: a, organisation, fileSlots, outcome }) => {
      const rules = rulesByCall.get(a.callId)!;
      const issues = a.status === 'draft' ? applicationIssues(draftValuesOf(a), rules, fileSlots) : [];
      return {
        id: a.id,
        reference: a.reference,
        status: a.status,
        title: a.title,
        updatedAt: a.updatedAt,
        submittedAt: a.submittedAt,
        withdrawnAt: a.withdrawnAt,
        organisation,
        call: rules.call,
        /** The steps still incomplete (drafts only). */
        incompleteSteps: [...new Set(issues.map((i) => i.step))],
        /** Once the call's results are published: selected, reserve or not selected. */
        outcome,
      };
    }),
  };
}
