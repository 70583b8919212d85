import 'server-only';
import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import {
  applications,
  calls,
  organisationFlags,
  organisationPeople,
  organisations,
  sanctionsEntries,
  sanctionsLists,
  screeningHits,
  users,
} from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { AppError, NotFoundError } from '@/lib/errors';
import type { DecideScreeningHitInput, LiftFlagInput, OrganisationPeopleInput, RaiseFlagInput } from '@/lib/validations/diligence';
import { requireMembership } from './organisations';
import { currentSanctionsList, importSanctionsListAs, screenOrganisations } from './internal/screening';
import { expiredDocumentCounts } from './verification';

export { currentSanctionsList, importSanctionsListAs, screenOrganisations };

/** The largest list file accepted (the real list is a few megabytes). */
export const SANCTIONS_LIST_MAX_BYTES = 30 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// The people who run an organisation

/** The organisation's directors, board members and authorised officers, for its members. */
export async function listOrganisationPeople(user: SessionUser, organisationId: string, executor: Executor = db) {
  await requireMembership(executor, user, organisationId);
  return executor.select().from(organisationPeople).where(eq(organisationPeople.organisationId, organisationId)).orderBy(asc(organisationPeople.position));
}

/** Replaces the list of people (any member may keep it up to date), then screens the organisation again. */
export async function saveOrganisationPeople(tx: Executor, user: SessionUser, input: OrganisationPeopleInput) {
  await requireMembership(tx, user, input.organisationId);
  const before = await tx
    .select({ name: organisationPeople.name, role: organisationPeople.role })
    .from(organisationPeople)
    .where(eq(organisationPeople.organisationId, input.organisationId))
    .orderBy(asc(organisationPeople.position));
  await tx.delete(organisationPeople).where(eq(organisationPeople.organisationId, input.organisationId));
  if (input.people.length) {
    await tx.insert(organisationPeople).values(
      input.people.map((p, position) => ({
        organisationId: input.organisationId,
        name: p.name,
        nameOriginalScript: p.nameOriginalScript.trim() || null,
        nationality: p.nationality || null,
        dateOfBirth: p.dateOfBirth || null,
        role: p.role,
        position,
      })),
    );
  }
  await writeAudit(tx, auditActor(user), {
    action: 'organisation.people_updated',
    entityType: 'organisation',
    entityId: input.organisationId,
    before,
    after: input.people.map((p) => ({ name: p.name, role: p.role })),
  });
  const screened = await screenOrganisations(tx, [input.organisationId]);
  return { count: input.people.length, openHits: screened.open };
}

// ---------------------------------------------------------------------------------------
// The list

/** Every imported version, newest first. */
export async function listSanctionsListVersions(actor: SessionUser, executor: Executor = db) {
  assertCan(actor, 'sanctions:manage');
  return executor.select().from(sanctionsLists).orderBy(desc(sanctionsLists.importedAt)).limit(20);
}

export async function importSanctionsList(tx: Executor, actor: SessionUser, file: { fileName: string; content: Buffer }) {
  assertCan(actor, 'sanctions:manage');
  return importSanctionsListAs(tx, auditActor(actor), file);
}

/** The upload route's entry: its own transaction, as the file routes do. */
export async function importUploadedSanctionsList(actor: SessionUser, file: { fileName: string; content: Buffer }) {
  assertCan(actor, 'sanctions:manage');
  return db.transaction((tx) => importSanctionsList(tx, actor, file));
}

// ---------------------------------------------------------------------------------------
// Screening

// ---------------------------------------------------------------------------------------
// Hits and the hold they put on an award

export type DiligenceHold = { openMatches: number; confirmedMatches: number; redFlags: number; yellowFlags: number; expiredDocuments: number };

/**
 * For each organisation with something to see before an award: open and confirmed
 * sanctions matches, active red and yellow flags, expired documents of its library. An
 * organisation with none is not in the map.
 */
export async function diligenceHolds(executor: Executor, organisationIds: string[]): Promise<Map<string, DiligenceHold>> {
  const holds = new Map<string, DiligenceHold>();
  const ids = [...new Set(organisationIds)];
  if (!ids.length) return holds;
  const [hits, flags, expired] = await Promise.all([
    executor
      .select({
        organisationId: screeningHits.organisationId,
        open: sql<number>`count(*) filter (where ${screeningHits.status} = 'open')::int`,
        confirmed: sql<number>`count(*) filter (where ${screeningHits.status} = 'confirmed')::int`,
      })
      .from(screeningHits)
      .where(and(inArray(screeningHits.organisationId, ids), inArray(screeningHits.status, ['open', 'confirmed'])))
      .groupBy(screeningHits.organisationId),
    executor
      .select({
        organisationId: organisationFlags.organisationId,
        red: sql<number>`count(*) filter (where ${organisationFlags.level} = 'red')::int`,
        yellow: sql<number>`count(*) filter (where ${organisationFlags.level} = 'yellow')::int`,
      })
      .from(organisationFlags)
      .where(and(inArray(organisationFlags.organisationId, ids), isNull(organisationFlags.liftedAt), inArray(organisationFlags.level, ['red', 'yellow'])))
      .groupBy(organisationFlags.organisationId),
    expiredDocumentCounts(executor, ids),
  ]);
  const of = (id: string) => holds.get(id) ?? holds.set(id, { openMatches: 0, confirmedMatches: 0, redFlags: 0, yellowFlags: 0, expiredDocuments: 0 }).get(id)!;
  for (const r of hits) Object.assign(of(r.organisationId), { openMatches: r.open, confirmedMatches: r.confirmed });
  for (const r of flags) Object.assign(of(r.organisationId), { redFlags: r.red, yellowFlags: r.yellow });
  for (const [organisationId, n] of expired) of(organisationId).expiredDocuments = n;
  return holds;
}

/** Whether a hold stops an award (a yellow flag alone does not). */
export function blocksAward(hold: DiligenceHold | null | undefined): boolean {
  return !!hold && hold.openMatches + hold.confirmedMatches + hold.redFlags > 0;
}

/** The same, by application: for the screening and ranking pages, whose rows are applications. */
export async function diligenceHoldsByApplication(actor: SessionUser, applicationIds: string[], executor: Executor = db) {
  assertCan(actor, 'application:readAll');
  const byApplication = new Map<string, DiligenceHold & { organisationId: string }>();
  if (!applicationIds.length) return byApplication;
  const rows = await executor
    .select({ id: applications.id, organisationId: applications.organisationId })
    .from(applications)
    .where(inArray(applications.id, applicationIds));
  const holds = await diligenceHolds(executor, rows.map((r) => r.organisationId));
  for (const r of rows) {
    const hold = holds.get(r.organisationId);
    if (hold) byApplication.set(r.id, { ...hold, organisationId: r.organisationId });
  }
  return byApplication;
}

/**
 * Refuses an award to an application whose organisation has an open or confirmed sanctions
 * match, or an active red flag: called by recording a "selected" decision and by publishing, inside their
 * transaction, so no caller can go around it.
 */
export async function assertNoDiligenceHold(executor: Executor, apps: { organisationId: string; reference: string | null }[]) {
  const holds = await diligenceHolds(executor, apps.map((a) => a.organisationId));
  for (const app of apps) {
    const hold = holds.get(app.organisationId);
    if (!hold) continue;
    if (hold.openMatches + hold.confirmedMatches > 0) throw new AppError('sanctionsMatchOpen', { reference: app.reference ?? '' });
    if (hold.redFlags > 0) throw new AppError('redFlagOpen', { reference: app.reference ?? '' });
  }
}

export type HitFilter = { status?: 'open' | 'cleared' | 'confirmed' | 'all'; organisationId?: string };

/** Hits with the organisation, the person and the listed entry side by side, for admins. */
export async function listScreeningHits(actor: SessionUser, filter: HitFilter = {}, executor: Executor = db) {
  assertCan(actor, 'sanctions:manage');
  const status = filter.status ?? 'open';
  const decider = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${screeningHits.decidedBy})`;
  return executor
    .select({
      hit: screeningHits,
      organisation: { id: organisations.id, legalName: organisations.legalName, acronym: organisations.acronym, country: organisations.countryOfRegistration },
      person: {
        name: organisationPeople.name,
        nameOriginalScript: organisationPeople.nameOriginalScript,
        role: organisationPeople.role,
        nationality: organisationPeople.nationality,
        dateOfBirth: organisationPeople.dateOfBirth,
      },
      entry: sanctionsEntries,
      decidedByEmail: decider,
    })
    .from(screeningHits)
    .innerJoin(organisations, eq(organisations.id, screeningHits.organisationId))
    .innerJoin(sanctionsEntries, eq(sanctionsEntries.id, screeningHits.entryId))
    .leftJoin(organisationPeople, eq(organisationPeople.id, screeningHits.personId))
    .where(
      and(
        status === 'all' ? undefined : eq(screeningHits.status, status),
        filter.organisationId ? eq(screeningHits.organisationId, filter.organisationId) : undefined,
      ),
    )
    .orderBy(asc(organisations.legalName), desc(screeningHits.score))
    .limit(500);
}

/**
 * An admin clears an open hit as a false positive (with the reason) or confirms it. A
 * confirmed match makes the organisation's submitted applications in calls not yet
 * published ineligible. Both are audited.
 */
export async function decideScreeningHit(tx: Executor, actor: SessionUser, input: DecideScreeningHitInput, now = new Date()) {
  assertCan(actor, 'sanctions:manage');
  const [hit] = await tx.select().from(screeningHits).where(eq(screeningHits.id, input.hitId)).for('update');
  if (!hit) throw new NotFoundError();
  if (hit.status !== 'open') throw new AppError('screeningHitDecided');
  const status = input.decision === 'clear' ? 'cleared' : 'confirmed';
  await tx.update(screeningHits).set({ status, reason: input.reason, decidedBy: actor.id, decidedAt: now }).where(eq(screeningHits.id, hit.id));
  await writeAudit(tx, auditActor(actor), {
    action: status === 'cleared' ? 'screening_hit.cleared' : 'screening_hit.confirmed',
    entityType: 'organisation',
    entityId: hit.organisationId,
    before: { hitId: hit.id, status: hit.status },
    after: { hitId: hit.id, status, reason: input.reason, subjectName: hit.subjectName, matchedName: hit.matchedName, entryDataId: hit.entryDataId, score: hit.score },
  });
  const madeIneligible: string[] = [];
  if (status === 'confirmed') {
    const affected = await tx
      .select({ id: applications.id, eligibility: applications.eligibility, reason: applications.eligibilityReason })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(applications.organisationId, hit.organisationId), eq(applications.status, 'submitted'), notInArray(calls.status, ['published', 'cancelled'])))
      .for('update', { of: applications });
    const reason = `Sanctions list match confirmed: ${hit.matchedName}`;
    for (const app of affected) {
      await tx
        .update(applications)
        .set({ eligibility: 'ineligible', eligibilityReason: reason, screenedBy: actor.id, screenedAt: now })
        .where(eq(applications.id, app.id));
      await writeAudit(tx, auditActor(actor), {
        action: 'application.screened',
        entityType: 'application',
        entityId: app.id,
        before: { eligibility: app.eligibility, reason: app.reason },
        after: { eligibility: 'ineligible', reason, becauseOfHit: hit.id },
      });
      madeIneligible.push(app.id);
    }
  }
  return { hitId: hit.id, organisationId: hit.organisationId, status, madeIneligible };
}

// ---------------------------------------------------------------------------------------
// Risk flags

/** An organisation's flags, active and lifted (its history), newest first, for admins. */
export async function listOrganisationFlags(actor: SessionUser, organisationId: string, executor: Executor = db) {
  assertCan(actor, 'sanctions:manage');
  const raiser = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${organisationFlags.raisedBy})`;
  const lifter = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${organisationFlags.liftedBy})`;
  return executor
    .select({ flag: organisationFlags, raisedByEmail: raiser, liftedByEmail: lifter })
    .from(organisationFlags)
    .where(eq(organisationFlags.organisationId, organisationId))
    .orderBy(desc(organisationFlags.raisedAt));
}

/** An admin raises a flag (observation, yellow, red) on an organisation, with a comment. Audited. */
export async function raiseOrganisationFlag(tx: Executor, actor: SessionUser, input: RaiseFlagInput) {
  assertCan(actor, 'sanctions:manage');
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw new NotFoundError();
  const [flag] = await tx.insert(organisationFlags).values({ organisationId: org.id, level: input.level, comment: input.comment, raisedBy: actor.id }).returning();
  await writeAudit(tx, auditActor(actor), { action: 'organisation.flag_raised', entityType: 'organisation', entityId: org.id, after: { flagId: flag.id, level: flag.level, comment: flag.comment } });
  return flag;
}

/** An admin lifts an active flag, with the reason; the row stays as history. Audited. */
export async function liftOrganisationFlag(tx: Executor, actor: SessionUser, input: LiftFlagInput, now = new Date()) {
  assertCan(actor, 'sanctions:manage');
  const [flag] = await tx.select().from(organisationFlags).where(eq(organisationFlags.id, input.flagId)).for('update');
  if (!flag) throw new NotFoundError();
  if (flag.liftedAt) throw new AppError('flagLifted');
  await tx.update(organisationFlags).set({ liftedAt: now, liftedBy: actor.id, liftReason: input.reason }).where(eq(organisationFlags.id, flag.id));
  await writeAudit(tx, auditActor(actor), {
    action: 'organisation.flag_lifted',
    entityType: 'organisation',
    entityId: flag.organisationId,
    before: { flagId: flag.id, level: flag.level },
    after: { flagId: flag.id, reason: input.reason },
  });
  return { flagId: flag.id, organisationId: flag.organisationId };
}

/** An organisation's name for the admin pages; null when there is none. */
export async function getOrganisationName(actor: SessionUser, organisationId: string, executor: Executor = db) {
  assertCan(actor, 'sanctions:manage');
  const [org] = await executor.select({ legalName: organisations.legalName }).from(organisations).where(eq(organisations.id, organisationId));
  return org?.legalName ?? null;
}
