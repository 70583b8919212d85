import 'server-only';
import { screenOrganisations } from '../diligence';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { applications, calls, organisations } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { auditActor, writeAudit } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { callTitleIn } from '@/lib/calls/languages';
import { acceptsApplications } from '@/lib/calls/phase';
import { AppError, NotFoundError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import {
  applicationIssues,
  type ApplicationVersionInput,
  type SaveApplicationDraftInput,
  type StartApplicationInput,
} from '@/lib/validations/application';
import { toZonedInput } from '@/lib/time/zoned';
import { issue } from '@/lib/validations/zod';
import { organisationCompleteness, requireMembership } from '../organisations';
import { lockForMember } from './access';
import { callRules, draftValuesOf, listApplicationFileInfo, nextReference, storedValuesOf, type ApplicationCallRules } from './internal';

// The applicant's changes: start, save, submit, withdraw, reopen.

/** The calendar year of an instant in a time zone (a submission at new year counts in the call's own year). */
function yearIn(now: Date, timeZone: string): number {
  try {
    return Number(toZonedInput(now, timeZone).slice(0, 4));
  } catch {
    return now.getUTCFullYear();
  }
}

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
  if (inserted.length) {
    await writeAudit(tx, auditActor(user), { action: 'application.started', entityType: 'application', entityId: inserted[0].id, after: { call: input.callSlug, organisationId: input.organisationId } });
    return { id: inserted[0].id, status: inserted[0].status, created: true };
  }
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
  // Screened against the sanctions list at submission too (a hit holds an award, not the submission).
  await screenOrganisations(tx, [app.organisationId]);

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
  await writeAudit(tx, auditActor(user), {
    action: 'application.submitted',
    entityType: 'application',
    entityId: input.applicationId,
    before: { status: 'draft', version: input.version },
    after: { status: 'submitted', reference, version: submitted.version },
  });
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
  await writeAudit(tx, auditActor(user), {
    action: 'application.withdrawn',
    entityType: 'application',
    entityId: input.applicationId,
    before: { status: 'submitted' },
    after: { status: 'withdrawn', reference: app.reference! },
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
  await writeAudit(tx, auditActor(user), {
    action: 'application.reopened',
    entityType: 'application',
    entityId: input.applicationId,
    before: { status: app.status },
    after: { status: 'draft', reference: app.reference },
  });
  return { before: app.status, reference: app.reference, version: done.version };
}
