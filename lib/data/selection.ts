import 'server-only';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import {
  applications,
  calls,
  criteria,
  decisions,
  organisationMembers,
  organisations,
  publications,
  reviewAssignments,
  reviews,
  reviewScores,
  users,
  type Award,
  type Call,
} from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { callTitleIn, shownLanguage } from '@/lib/calls/languages';
import { AppError, NotFoundError } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { queueMail } from '@/lib/mail/outbox';
import { feasibleMinimums, suggestSlate, type SlateProblem } from '@/lib/scoring/slate';
import type { DecisionInput } from '@/lib/validations/selection';
import { createOffersAtPublication } from './awards';
import { buildResultsSnapshot, type ResultsSnapshot } from './publication';
import { rankingQuery } from './internal/ranking-sql';
import { callCodes } from './call-parts';
import { assertNoDiligenceHold, diligenceHolds, type DiligenceHold } from './diligence';

/** Calls whose decisions may be recorded: after the close, until publication. */
const decidingStatuses = ['in_review', 'selection'] as const;

export type BoardRow = {
  applicationId: string;
  reference: string | null;
  title: string;
  organisationId: string;
  organisation: string;
  countries: string[];
  themes: string[];
  requestedAmount: number | null;
  reviewCount: number;
  mean: number | null;
  calibrated: number | null;
  disagreement: boolean;
  decision: { outcome: DecisionInput['outcome']; awardedAmount: number | null; rationale: string; shareComments: boolean } | null;
  /** Open or confirmed sanctions matches of the organisation: an award waits until they are cleared. */
  hold: DiligenceHold | null;
};

async function loadCall(executor: Executor, callId: string): Promise<Call> {
  const [call] = await executor.select().from(calls).where(eq(calls.id, callId));
  if (!call) throw new NotFoundError();
  return call;
}

/**
 * The selection board: every eligible application of the call with its scores and its
 * decision so far, in the ranking's order.
 */
export async function getSelectionBoard(actor: SessionUser, callId: string, executor: Executor = db) {
  assertCan(actor, 'decision:record');
  const [call] = await executor.select().from(calls).where(eq(calls.id, callId));
  if (!call) return null;
  const [{ countries, themes }, ranking, rows] = await Promise.all([
    callCodes(executor, callId),
    // The ranking as on its own page: same figures, calibration, flags and documented order.
    rankingQuery(executor, call, { pageSize: 1_000_000 }),
    executor
      .select({ applicationId: applications.id, organisationId: applications.organisationId, decision: decisions })
      .from(applications)
      .leftJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(and(eq(applications.callId, callId), eq(applications.status, 'submitted'), eq(applications.eligibility, 'eligible'))),
  ]);
  const extra = new Map(rows.map((r) => [r.applicationId, r]));
  const holds = await diligenceHolds(executor, rows.map((r) => r.organisationId));
  const board: BoardRow[] = [...ranking.rows]
    .sort((a, b) => a.position - b.position)
    .map((r) => {
      const { organisationId, decision } = extra.get(r.applicationId)!;
      return {
        applicationId: r.applicationId,
        reference: r.reference,
        title: r.title,
        organisationId,
        organisation: r.organisation,
        countries: r.countries,
        themes: r.themes,
        requestedAmount: r.requestedAmount,
        reviewCount: r.reviewCount,
        mean: r.mean,
        calibrated: r.calibrated,
        disagreement: r.flagged,
        decision: decision
          ? { outcome: decision.outcome, awardedAmount: decision.awardedAmount, rationale: decision.rationale, shareComments: decision.shareComments }
          : null,
        hold: holds.get(organisationId) ?? null,
      };
    });
  const [published] = await executor.select({ publishedAt: publications.publishedAt }).from(publications).where(eq(publications.callId, callId));
  return {
    call,
    countries,
    themes,
    rows: board,
    publishedAt: published?.publishedAt ?? null,
  };
}

/** Records (or changes) decisions; each needs a rationale, an award only for selected ones and never above the request. */
export async function recordDecisions(tx: Executor, actor: SessionUser, input: { callId: string; decisions: DecisionInput[] }) {
  assertCan(actor, 'decision:record');
  const call = await loadCall(tx, input.callId);
  if (!decidingStatuses.includes(call.status as (typeof decidingStatuses)[number])) {
    throw new AppError(call.status === 'published' ? 'resultsFrozen' : 'notDecidingYet');
  }
  const ids = input.decisions.map((d) => d.applicationId);
  if (new Set(ids).size !== ids.length) throw new AppError('invalidInput');
  const apps = await tx
    .select({ id: applications.id, requestedAmount: applications.requestedAmount, reference: applications.reference, organisationId: applications.organisationId })
    .from(applications)
    .where(and(inArray(applications.id, ids), eq(applications.callId, call.id), eq(applications.status, 'submitted'), eq(applications.eligibility, 'eligible')));
  if (apps.length !== ids.length) throw new NotFoundError();
  // No award while a sanctions match is open (or confirmed) for the organisation.
  const selected = new Set(input.decisions.filter((d) => d.outcome === 'selected').map((d) => d.applicationId));
  await assertNoDiligenceHold(tx, apps.filter((a) => selected.has(a.id)));
  const before = await tx.select().from(decisions).where(inArray(decisions.applicationId, ids));
  const changes: { applicationId: string; before: unknown; after: unknown }[] = [];
  for (const [index, d] of input.decisions.entries()) {
    const app = apps.find((a) => a.id === d.applicationId)!;
    if (d.awardedAmount !== null && app.requestedAmount !== null && d.awardedAmount > app.requestedAmount) {
      throw new AppError('awardAboveRequest', { reference: app.reference ?? '', requested: app.requestedAmount }, { [`decisions.${index}.awardedAmount`]: ['awardAboveRequest'] });
    }
    const values = {
      outcome: d.outcome,
      awardedAmount: d.awardedAmount,
      rationale: d.rationale,
      shareComments: d.shareComments,
      decidedBy: actor.id,
      decidedAt: new Date(),
    };
    await tx
      .insert(decisions)
      .values({ applicationId: d.applicationId, ...values })
      .onConflictDoUpdate({ target: decisions.applicationId, set: values });
    const previous = before.find((b) => b.applicationId === d.applicationId);
    changes.push({
      applicationId: d.applicationId,
      before: previous ? { outcome: previous.outcome, awardedAmount: previous.awardedAmount } : null,
      after: { outcome: d.outcome, awardedAmount: d.awardedAmount, rationale: d.rationale },
    });
  }
  for (const change of changes) {
    await writeAudit(tx, auditActor(actor), { action: 'decision.recorded', entityType: 'application', entityId: change.applicationId, before: change.before, after: change.after });
  }
  return { call, changes };
}

/** The optimiser's slate for the call's eligible applications, with its explanation. Changes nothing. */
export async function suggestSlateForCall(
  actor: SessionUser,
  input: { callId: string; scoreKind: 'raw' | 'calibrated'; minPerCountry: number; minimums?: Record<string, number> },
) {
  const board = await getSelectionBoard(actor, input.callId);
  if (!board) throw new NotFoundError();
  return suggestSlate(slateProblem(board, input));
}

/**
 * The optimiser's starting minimums for this call: one project per country where it can be
 * met (a country with eligible, scored applications), as far as the envelope pays for it.
 */
export async function defaultSlateMinimums(board: NonNullable<Awaited<ReturnType<typeof getSelectionBoard>>>) {
  // Raw and calibrated scores leave out the same (unreviewed) applications: one answer serves both.
  return feasibleMinimums(slateProblem(board, { scoreKind: 'raw', minPerCountry: 1 }));
}

function slateProblem(
  board: NonNullable<Awaited<ReturnType<typeof getSelectionBoard>>>,
  input: { scoreKind: 'raw' | 'calibrated'; minPerCountry: number; minimums?: Record<string, number> },
): SlateProblem {
  return {
    candidates: board.rows.map((r) => ({
      id: r.applicationId,
      label: r.reference ?? r.title,
      organisationId: r.organisationId,
      score: input.scoreKind === 'calibrated' ? (r.calibrated ?? r.mean) : r.mean,
      amount: r.requestedAmount ?? 0,
      countries: r.countries,
    })),
    envelope: board.call.envelope,
    countries: board.countries,
    minPerCountry: input.minPerCountry,
    minimums: input.minimums,
  };
}

/**
 * One action publishes: freezes the record, moves the call to "results published" and
 * queues an outcome letter to every applicant. A second publish finds the record and does
 * nothing.
 */
export async function publishResults(tx: Executor, actor: SessionUser, input: { callId: string }, now: Date = new Date()) {
  assertCan(actor, 'results:publish');
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update');
  if (!call) throw new NotFoundError();
  if (call.status === 'published') return { already: true as const, call };
  if (call.status !== 'selection') throw new AppError('publishNeedsSelection');
  const [{ undecided }] = await tx
    .select({ undecided: count() })
    .from(applications)
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted'), eq(applications.eligibility, 'eligible'), isNull(decisions.applicationId)));
  if (undecided > 0) throw new AppError('undecided', { count: undecided });
  // Nor is an award published while one is open for a selected application's organisation.
  const awarded = await tx
    .select({ organisationId: applications.organisationId, reference: applications.reference })
    .from(applications)
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted'), eq(applications.eligibility, 'eligible'), eq(decisions.outcome, 'selected')));
  await assertNoDiligenceHold(tx, awarded);

  const snapshot = await buildResultsSnapshot(tx, call.id, now);
  const inserted = await tx
    .insert(publications)
    .values({ callId: call.id, snapshot, publishedBy: actor.id, publishedAt: now })
    .onConflictDoNothing({ target: publications.callId })
    .returning({ id: publications.id });
  if (!inserted.length) return { already: true as const, call };
  await tx.update(calls).set({ status: 'published' }).where(eq(calls.id, call.id));
  const offers = await createOffersAtPublication(tx, actor, call, now);
  const letters = await queueOutcomeLetters(tx, call, snapshot, offers);
  const partners = snapshot.partners.length;
  await writeAudit(tx, auditActor(actor), {
    action: 'results.published',
    entityType: 'call',
    entityId: call.id,
    before: { status: call.status },
    after: { status: 'published', partners, letters },
  });
  return { already: false as const, call, letters, partners, snapshot };
}

/** The panel's comments on an application, for letters where the admins chose to share them. */
async function sharedComments(executor: Executor, applicationId: string): Promise<string[]> {
  const overall = await executor
    .select({ comment: reviews.overallComment })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviews.status, 'submitted'), eq(reviewAssignments.status, 'accepted')))
    // A stable order (PostgreSQL returns rows in storage order, which an update changes): reviews as submitted.
    .orderBy(reviews.submittedAt, reviews.id);
  const perCriterion = await executor
    .select({ comment: reviewScores.comment })
    .from(reviewScores)
    .innerJoin(reviews, eq(reviews.id, reviewScores.reviewId))
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(criteria, eq(criteria.id, reviewScores.criterionId))
    .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviews.status, 'submitted'), eq(reviewAssignments.status, 'accepted')))
    .orderBy(reviews.submittedAt, reviews.id, criteria.position);
  return [...overall, ...perCriterion].map((r) => r.comment.trim()).filter((c, i, all) => c && all.indexOf(c) === i);
}

async function queueOutcomeLetters(tx: Executor, call: Call, snapshot: ResultsSnapshot, offers: Map<string, Award>): Promise<number> {
  const recipients = await tx
    .select({
      applicationId: applications.id,
      reference: applications.reference,
      title: applications.title,
      eligibility: applications.eligibility,
      eligibilityReason: applications.eligibilityReason,
      organisation: organisations.legalName,
      userId: users.id,
      email: users.email,
      locale: users.locale,
      outcome: decisions.outcome,
      awardedAmount: decisions.awardedAmount,
      shareComments: decisions.shareComments,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .innerJoin(users, and(eq(users.id, organisationMembers.userId), isNull(users.disabledAt)))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted')));
  const comments = new Map<string, string[]>();
  for (const r of recipients) {
    const entry = snapshot.ranking.find((x) => x.applicationId === r.applicationId);
    const eligible = r.eligibility === 'eligible';
    if (eligible && r.shareComments && !comments.has(r.applicationId)) comments.set(r.applicationId, await sharedComments(tx, r.applicationId));
    const shown = isLocale(r.locale) ? shownLanguage(call, r.locale).locale : (call.locale as Locale);
    const offer = offers.get(r.applicationId);
    await queueMail(tx, {
      to: r.email,
      toUserId: r.userId,
      locale: r.locale,
      template: 'outcome',
      dedupeKey: `outcome:${r.applicationId}:${r.userId}`,
      data: {
        outcome: eligible ? (r.outcome ?? 'not_selected') : 'not_selected',
        callTitle: callTitleIn(call, r.locale),
        organisation: r.organisation,
        reference: r.reference ?? '',
        projectTitle: r.title,
        awardedAmount: r.outcome === 'selected' ? r.awardedAmount : null,
        currency: call.currency,
        feedback: eligible
          ? snapshot.criteria.map((c) => ({
              criterion: c.names?.[shown] ?? c.name,
              yours: entry?.perCriterion[c.id] ?? null,
              cohort: snapshot.cohort[c.id] ?? null,
              scaleMax: c.scaleMax,
            }))
          : [],
        comments: eligible ? (comments.get(r.applicationId) ?? []) : [],
        ineligibleReason: eligible ? null : r.eligibilityReason,
        // The offer rides in the letter: one message per recipient at publication.
        award: offer ? { respondBy: { at: offer.respondBy, timeZone: call.timeZone }, link: appUrl(`/applications/${r.applicationId}/award`) } : null,
        link: appUrl(`/applications/${r.applicationId}`),
      },
    });
  }
  return recipients.length;
}

/** What an applicant may read of their application's outcome: only once published, from the frozen record. */
export async function getPublishedOutcome(actor: SessionUser, applicationId: string, locale?: Locale) {
  const [row] = await db
    .select({ app: applications, snapshot: publications.snapshot, decision: decisions, callTitle: calls.title, currency: calls.currency })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(publications, eq(publications.callId, calls.id))
    .innerJoin(organisationMembers, and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, actor.id)))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.id, applicationId), eq(calls.status, 'published'), sql`${applications.status} = 'submitted'`));
  if (!row) return null;
  const snapshot = row.snapshot as ResultsSnapshot;
  const entry = snapshot.ranking.find((r) => r.applicationId === applicationId);
  const eligible = row.app.eligibility === 'eligible';
  return {
    outcome: eligible ? (entry?.outcome ?? 'not_selected') : 'not_selected',
    eligible,
    eligibilityReason: row.app.eligibilityReason,
    awardedAmount: entry?.outcome === 'selected' ? entry.awardedAmount : null,
    currency: row.currency,
    publishedAt: snapshot.publishedAt,
    feedback: eligible
      ? snapshot.criteria.map((c) => ({ criterion: (locale && c.names?.[locale]) || c.name, yours: entry?.perCriterion[c.id] ?? null, cohort: snapshot.cohort[c.id] ?? null, scaleMax: c.scaleMax }))
      : [],
    comments: eligible && row.decision?.shareComments ? await sharedComments(db, applicationId) : [],
  };
}
