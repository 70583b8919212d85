import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import {
  applications,
  awardNotices,
  awards,
  calls,
  decisions,
  organisationMembers,
  organisations,
  publications,
  userRoles,
  users,
  type Award,
  type Call,
} from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { callTitleIn } from '@/lib/calls/languages';
import { AppError, NotFoundError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import { fromZonedInput, toZonedInput } from '@/lib/time/zoned';
import type { OfferToReserveInput, RespondToAwardInput } from '@/lib/validations/award';
import type { ResultsSnapshot } from './publication';

/**
 * Awards after publication (issue 16): each selected application gets an offer its members
 * accept or decline before a deadline; an admin may mark an unanswered offer lapsed and
 * offer a declined or lapsed award to the next reserve application in the frozen ranking's
 * order. Every answer is a new, dated public notice (award_notices); the publication's
 * snapshot is never edited.
 */

export type NoticeKind = (typeof awardNotices.$inferSelect)['kind'];
/** What a public notice shows, frozen when it is made. */
export type NoticeEntry = { organisation: string; acronym: string | null; reference: string | null; amount: number; currency: string };

/** Days an offer made at publication stays open; it closes at 17:00 in the call's time zone. */
export const OFFER_DAYS = 14;

/** The default deadline of an offer: OFFER_DAYS after `from`, at 17:00 on the call's clocks. */
export function defaultRespondBy(from: Date, timeZone: string): Date {
  const day = toZonedInput(new Date(from.getTime() + OFFER_DAYS * 86_400_000), timeZone).slice(0, 10);
  return fromZonedInput(`${day}T17:00`, timeZone);
}

type Members = { id: string; email: string; locale: string | null }[];

async function membersOf(executor: Executor, organisationId: string): Promise<Members> {
  return executor
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, and(eq(users.id, organisationMembers.userId), isNull(users.disabledAt)))
    .where(eq(organisationMembers.organisationId, organisationId));
}

async function activeAdmins(executor: Executor): Promise<Members> {
  return executor
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'admin')))
    .where(isNull(users.disabledAt));
}

/**
 * At publication, inside its transaction: an offer for every selected application (amount
 * as decided, the default deadline, no conditions). An application that already has one
 * keeps it. The outcome letter carries the offer (lib/data/selection.ts).
 */
export async function createOffersAtPublication(tx: Executor, actor: SessionUser, call: Call, now: Date) {
  const selected = await tx
    .select({ applicationId: decisions.applicationId, amount: decisions.awardedAmount })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted'), eq(applications.eligibility, 'eligible'), eq(decisions.outcome, 'selected')));
  const respondBy = defaultRespondBy(now, call.timeZone);
  const offers = new Map<string, Award>();
  for (const s of selected) {
    if (!s.amount) continue;
    const [award] = await tx
      .insert(awards)
      .values({ callId: call.id, applicationId: s.applicationId, amount: s.amount, respondBy, offeredBy: actor.id, offeredAt: now })
      .onConflictDoNothing({ target: awards.applicationId })
      .returning();
    if (award) {
      offers.set(s.applicationId, award);
      await writeAudit(tx, auditActor(actor), {
        action: 'award.offered',
        entityType: 'award',
        entityId: award.id,
        after: { applicationId: s.applicationId, amount: award.amount, respondBy: award.respondBy.toISOString() },
      });
    }
  }
  return offers;
}

/** The award of an application, as its organisation's members see it; null for anyone else. */
export async function getAwardForMember(actor: SessionUser, applicationId: string, executor: Executor = db) {
  const [row] = await executor
    .select({
      award: awards,
      reference: applications.reference,
      title: applications.title,
      organisation: organisations.legalName,
      call: { id: calls.id, slug: calls.slug, title: calls.title, translations: calls.translations, locale: calls.locale, currency: calls.currency, timeZone: calls.timeZone },
    })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(organisationMembers, and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, actor.id)))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .where(eq(awards.applicationId, applicationId));
  return row ?? null;
}

/** The awards of the organisations the actor belongs to (the dashboard's cards). */
export async function listMyAwards(actor: SessionUser, executor: Executor = db) {
  return executor
    .select({
      id: awards.id,
      applicationId: awards.applicationId,
      status: awards.status,
      amount: awards.amount,
      respondBy: awards.respondBy,
      reference: applications.reference,
      title: applications.title,
      currency: calls.currency,
      timeZone: calls.timeZone,
    })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(organisationMembers, and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, actor.id)))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .orderBy(asc(awards.respondBy));
}

/** Locks an award and reads what its notices and mail need. */
async function lockAward(tx: Executor, awardId: string) {
  const [award] = await tx.select().from(awards).where(eq(awards.id, awardId)).for('update');
  if (!award) return null;
  const [row] = await tx
    .select({ app: applications, org: organisations, call: calls })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, award.applicationId));
  return { award, ...row };
}

function entryOf(org: { legalName: string; acronym: string | null }, reference: string | null, amount: number, currency: string): NoticeEntry {
  return { organisation: org.legalName, acronym: org.acronym, reference, amount, currency };
}

async function addNotice(tx: Executor, callId: string, awardId: string, kind: NoticeKind, entry: NoticeEntry, at: Date) {
  await tx.insert(awardNotices).values({ callId, awardId, kind, entry, at });
}

/**
 * A member of the selected organisation accepts or declines its award: only while it is
 * offered and before its deadline. Audited, a public notice, mail to the admins and a
 * confirmation to the organisation's members.
 */
export async function respondToAward(tx: Executor, actor: SessionUser, input: RespondToAwardInput, now: Date = new Date()) {
  assertCan(actor, 'award:respond');
  const locked = await lockAward(tx, input.awardId);
  if (!locked) throw new NotFoundError();
  const { award, app, org, call } = locked;
  const [member] = await tx
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, org.id), eq(organisationMembers.userId, actor.id)));
  if (!member) throw new NotFoundError();
  if (award.status !== 'offered') throw new AppError('awardAlreadyAnswered');
  if (now.getTime() > award.respondBy.getTime()) throw new AppError('awardDeadlinePassed');

  const accepted = input.response === 'accept';
  const reason = input.response === 'decline' ? input.reason : null;
  const status = accepted ? ('accepted' as const) : ('declined' as const);
  await tx.update(awards).set({ status, respondedBy: actor.id, respondedAt: now, declineReason: reason }).where(eq(awards.id, award.id));
  await addNotice(tx, call.id, award.id, status, entryOf(org, app.reference, award.amount, call.currency), now);
  await writeAudit(tx, auditActor(actor), {
    action: accepted ? 'award.accepted' : 'award.declined',
    entityType: 'award',
    entityId: award.id,
    before: { status: award.status },
    after: { status, reason },
  });
  const data = (locale: string | null) => ({
    accepted,
    callTitle: callTitleIn(call, locale),
    organisation: org.legalName,
    reference: app.reference ?? '',
    projectTitle: app.title,
    amount: award.amount,
    currency: call.currency,
    reason,
  });
  for (const admin of await activeAdmins(tx)) {
    await queueMail(tx, {
      to: admin.email,
      toUserId: admin.id,
      locale: admin.locale,
      template: 'awardAnswered',
      data: { ...data(admin.locale), link: appUrl(`/admin/calls/${call.id}/awards`) },
    });
  }
  for (const m of await membersOf(tx, org.id)) {
    await queueMail(tx, {
      to: m.email,
      toUserId: m.id,
      locale: m.locale,
      template: 'awardAnswerConfirmation',
      data: { ...data(m.locale), link: appUrl(`/applications/${app.id}/award`) },
    });
  }
  return { status, slug: call.slug };
}

/** An offer not answered by its deadline: an admin marks it lapsed (audited, a public notice). */
export async function lapseAward(tx: Executor, actor: SessionUser, input: { awardId: string }, now: Date = new Date()) {
  assertCan(actor, 'award:manage');
  const locked = await lockAward(tx, input.awardId);
  if (!locked) throw new NotFoundError();
  const { award, app, org, call } = locked;
  if (award.status !== 'offered') throw new AppError('awardAlreadyAnswered');
  if (now.getTime() <= award.respondBy.getTime()) throw new AppError('awardStillOpen');
  await tx.update(awards).set({ status: 'lapsed' }).where(eq(awards.id, award.id));
  await addNotice(tx, call.id, award.id, 'lapsed', entryOf(org, app.reference, award.amount, call.currency), now);
  await writeAudit(tx, auditActor(actor), { action: 'award.lapsed', entityType: 'award', entityId: award.id, before: { status: 'offered' }, after: { status: 'lapsed' } });
  return { slug: call.slug };
}

async function frozenRanking(executor: Executor, callId: string): Promise<ResultsSnapshot['ranking']> {
  const [pub] = await executor.select({ snapshot: publications.snapshot }).from(publications).where(eq(publications.callId, callId));
  return pub ? (pub.snapshot as ResultsSnapshot).ranking : [];
}

/** The next reserve application in the frozen ranking's order that has no award yet, or null. */
export async function nextReserve(executor: Executor, callId: string) {
  const reserves = (await frozenRanking(executor, callId)).filter((r) => r.outcome === 'reserve');
  if (!reserves.length) return null;
  const taken = new Set(
    (await executor.select({ applicationId: awards.applicationId }).from(awards).where(inArray(awards.applicationId, reserves.map((r) => r.applicationId)))).map(
      (a) => a.applicationId,
    ),
  );
  return reserves.find((r) => !taken.has(r.applicationId)) ?? null;
}

/**
 * Offers a declined or lapsed award to the next reserve application: a new award that
 * replaces it (at most one per award: a unique index), a public notice, an audit row and
 * an offer mail to the reserve organisation's members.
 */
export async function offerToReserve(tx: Executor, actor: SessionUser, input: OfferToReserveInput, now: Date = new Date()) {
  assertCan(actor, 'award:manage');
  const locked = await lockAward(tx, input.awardId);
  if (!locked) throw new NotFoundError();
  const { award, call } = locked;
  if (award.status !== 'declined' && award.status !== 'lapsed') throw new AppError('awardNotReplaceable');
  const [replaced] = await tx.select({ id: awards.id }).from(awards).where(eq(awards.replacesAwardId, award.id));
  if (replaced) throw new AppError('awardAlreadyReplaced');
  // Two admins offering at once: the call row serialises them, so both never pick the same reserve.
  await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for('update');
  const reserve = await nextReserve(tx, call.id);
  if (!reserve) throw new AppError('noReserveLeft');
  const respondBy = fromZonedInput(input.respondBy, call.timeZone);
  if (respondBy.getTime() <= now.getTime()) throw new AppError('invalidInput', {}, { respondBy: ['deadlinePast'] });
  const [row] = await tx
    .select({ app: applications, org: organisations })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(applications.id, reserve.applicationId));
  if (row.app.requestedAmount !== null && input.amount > row.app.requestedAmount) {
    throw new AppError('awardAboveRequest', { reference: row.app.reference ?? '', requested: row.app.requestedAmount }, { amount: ['awardAboveRequest'] });
  }
  const [offer] = await tx
    .insert(awards)
    .values({
      callId: call.id,
      applicationId: row.app.id,
      amount: input.amount,
      conditions: input.conditions,
      respondBy,
      replacesAwardId: award.id,
      offeredBy: actor.id,
      offeredAt: now,
    })
    .returning();
  await addNotice(tx, call.id, offer.id, 'offered_to_reserve', entryOf(row.org, row.app.reference, offer.amount, call.currency), now);
  await writeAudit(tx, auditActor(actor), {
    action: 'award.offered_to_reserve',
    entityType: 'award',
    entityId: offer.id,
    after: { replaces: award.id, applicationId: row.app.id, amount: offer.amount, conditions: offer.conditions, respondBy: respondBy.toISOString() },
  });
  for (const m of await membersOf(tx, row.org.id)) {
    await queueMail(tx, {
      to: m.email,
      toUserId: m.id,
      locale: m.locale,
      template: 'awardOffer',
      dedupeKey: `award-offer:${offer.id}:${m.id}`,
      data: {
        callTitle: callTitleIn(call, m.locale),
        organisation: row.org.legalName,
        reference: row.app.reference ?? '',
        projectTitle: row.app.title,
        amount: offer.amount,
        currency: call.currency,
        conditions: offer.conditions,
        respondBy: { at: respondBy, timeZone: call.timeZone },
        link: appUrl(`/applications/${row.app.id}/award`),
      },
    });
  }
  return { award: offer, slug: call.slug };
}

/** Every award of a call for its admins, in the frozen ranking's order, with what can be done next. */
export async function listCallAwards(actor: SessionUser, callId: string, now: Date = new Date(), executor: Executor = db) {
  assertCan(actor, 'award:manage');
  const [call] = await executor.select().from(calls).where(eq(calls.id, callId));
  if (!call) return null;
  const rows = await executor
    .select({ award: awards, reference: applications.reference, title: applications.title, organisation: organisations.legalName })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(awards.callId, callId));
  const ranking = await frozenRanking(executor, callId);
  const rank = new Map(ranking.map((r) => [r.applicationId, r.rank]));
  const replacedIds = new Set(rows.map((r) => r.award.replacesAwardId).filter(Boolean));
  const reserve = await nextReserve(executor, callId);
  const list = rows
    .sort((a, b) => (rank.get(a.award.applicationId) ?? 1e9) - (rank.get(b.award.applicationId) ?? 1e9))
    .map((r) => {
      const overdue = r.award.status === 'offered' && now.getTime() > r.award.respondBy.getTime();
      const replaceable = (r.award.status === 'declined' || r.award.status === 'lapsed') && !replacedIds.has(r.award.id);
      return { ...r, rank: rank.get(r.award.applicationId) ?? null, overdue, replaceable };
    });
  return {
    call,
    published: ranking.length > 0,
    awards: list,
    nextReserve: reserve ? { applicationId: reserve.applicationId, reference: reserve.reference, organisation: reserve.organisation, rank: reserve.rank } : null,
    defaultRespondBy: toZonedInput(defaultRespondBy(now, call.timeZone), call.timeZone),
  };
}

/** A call's public notices since publication, oldest first (for the results page and results.json). */
export async function listNotices(executor: Executor, callId: string) {
  const rows = await executor
    .select({ kind: awardNotices.kind, entry: awardNotices.entry, at: awardNotices.at })
    .from(awardNotices)
    .where(eq(awardNotices.callId, callId))
    .orderBy(asc(awardNotices.at), asc(awardNotices.id));
  return rows.map((r) => ({ kind: r.kind, at: r.at.toISOString(), ...(r.entry as NoticeEntry) }));
}
export type PublicNotice = Awaited<ReturnType<typeof listNotices>>[number];
