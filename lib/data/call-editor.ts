import 'server-only';
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import {
  applicationFiles,
  applications,
  callCountries,
  calls,
  callThemes,
  clarificationQuestions,
  criteria,
  documentSlots,
  eligibilityRequirements,
  reviewAssignments,
  reviews,
  type Call,
  type CallStatus,
} from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { auditActor, writeAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { callLanguages, cleanTranslations, type Translations } from '@/lib/calls/languages';
import { openingIssues } from '@/lib/calls/readiness';
import type { Locale } from '@/lib/i18n/config';
import { AppError, NotFoundError } from '@/lib/errors';
import { fromZonedInput, toZonedInput } from '@/lib/time/zoned';
import { dateOrder, type CallForm, type CallTransitionInput } from '@/lib/validations/call';

const MB = 1024 * 1024;

function toInstant(value: string | undefined, zone: string): Date | null {
  return value ? fromZonedInput(value, zone) : null;
}

async function loadChildren(executor: Executor, callId: string) {
  const [countries, themes, crit, reqs, slots] = await Promise.all([
    executor.select().from(callCountries).where(eq(callCountries.callId, callId)),
    executor.select().from(callThemes).where(eq(callThemes.callId, callId)),
    executor.select().from(criteria).where(eq(criteria.callId, callId)).orderBy(asc(criteria.position)),
    executor.select().from(eligibilityRequirements).where(eq(eligibilityRequirements.callId, callId)).orderBy(asc(eligibilityRequirements.position)),
    executor.select().from(documentSlots).where(eq(documentSlots.callId, callId)).orderBy(asc(documentSlots.position)),
  ]);
  return {
    countries: countries.map((c) => c.countryCode).sort(),
    themes: themes.map((t) => t.theme).sort(),
    criteria: crit,
    requirements: reqs,
    slots,
  };
}

/** A row's translations as the form edits them: every field present, blank when not written. */
function forForm<K extends string>(translations: Translations<Record<K, string>> | null, languages: Locale[], fields: readonly K[]) {
  return Object.fromEntries(
    languages.map((l) => [l, Object.fromEntries(fields.map((f) => [f, translations?.[l]?.[f] ?? '']))]),
  ) as Partial<Record<Locale, Record<K, string>>>;
}

/** The call as the editor form shows it: dates as wall time in the call's zone. */
export async function getCallForEditor(actor: SessionUser, callId: string): Promise<(CallForm & { status: CallStatus }) | null> {
  assertCan(actor, 'call:manage');
  const [call] = await db.select().from(calls).where(eq(calls.id, callId));
  if (!call) return null;
  const children = await loadChildren(db, call.id);
  const local = (d: Date | null) => (d ? toZonedInput(d, call.timeZone) : '');
  const others = callLanguages(call).slice(1);
  return {
    id: call.id,
    status: call.status,
    expectedUpdatedAt: call.updatedAt.toISOString(),
    title: call.title,
    slug: call.slug,
    summary: call.summary,
    description: call.description,
    funder: call.funder ?? '',
    issuer: call.issuer ?? '',
    requiresSelfDeclaration: call.requiresSelfDeclaration,
    locale: call.locale as Locale,
    translations: forForm(call.translations, others, ['title', 'summary', 'description'] as const),
    applicationLocales: call.applicationLocales as Locale[],
    countries: children.countries,
    themes: children.themes as CallForm['themes'],
    currency: call.currency as CallForm['currency'],
    minBudget: call.minBudget,
    maxBudget: call.maxBudget,
    envelope: call.envelope,
    expectedPartners: call.expectedPartners,
    reviewersPerApplication: call.reviewersPerApplication,
    blindReview: call.blindReview,
    showPeerScores: call.showPeerScores,
    timeZone: call.timeZone,
    opensAt: local(call.opensAt),
    clarificationDeadline: local(call.clarificationDeadline),
    closesAt: local(call.closesAt),
    reviewDeadline: local(call.reviewDeadline),
    resultsExpectedAt: local(call.resultsExpectedAt),
    criteria: children.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      guidance: c.guidance,
      translations: forForm(c.translations, others, ['name', 'guidance'] as const),
      weight: c.weight,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
    })),
    requirements: children.requirements.map((r) => ({
      id: r.id,
      statement: r.statement,
      translations: forForm(r.translations, others, ['statement'] as const),
      required: r.required,
    })),
    slots: children.slots.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      translations: forForm(s.translations, others, ['name', 'description'] as const),
      required: s.required,
      acceptedTypes: s.acceptedTypes as CallForm['slots'][number]['acceptedTypes'],
      maxSizeMb: Math.round((s.maxSizeBytes / MB) * 10) / 10,
    })),
  };
}

/** How many applications, submissions and reviews already depend on the call's structure. */
async function dependants(tx: Executor, callId: string) {
  const [[apps], [submitted], [scored]] = await Promise.all([
    tx.select({ n: count() }).from(applications).where(and(eq(applications.callId, callId), ne(applications.status, 'withdrawn'))),
    tx.select({ n: count() }).from(applications).where(and(eq(applications.callId, callId), eq(applications.status, 'submitted'))),
    tx
      .select({ n: count() })
      .from(reviews)
      .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .where(and(eq(applications.callId, callId), eq(reviews.status, 'submitted'))),
  ]);
  return { applications: apps.n, submitted: submitted.n, reviews: scored.n };
}

/**
 * Refuses, with the reason, changes that would invalidate what applicants and reviewers
 * already wrote against the call.
 */
async function checkStructureChange(tx: Executor, call: Call, input: CallForm) {
  const before = await loadChildren(tx, call.id);
  const deps = await dependants(tx, call.id);

  const known = (ids: (string | undefined)[], rows: { id: string }[]) => {
    const mine = new Set(rows.map((r) => r.id));
    if (ids.some((id) => id && !mine.has(id))) throw new NotFoundError();
  };
  known(input.criteria.map((c) => c.id), before.criteria);
  known(input.requirements.map((r) => r.id), before.requirements);
  known(input.slots.map((s) => s.id), before.slots);

  if (deps.applications > 0) {
    const kept = new Map(input.criteria.filter((c) => c.id).map((c) => [c.id!, c]));
    const removed = before.criteria.filter((c) => !kept.has(c.id));
    const added = input.criteria.filter((c) => !c.id);
    const rescaled = before.criteria.filter((c) => {
      const next = kept.get(c.id);
      return next && (next.scaleMin !== c.scaleMin || next.scaleMax !== c.scaleMax);
    });
    if (removed.length || added.length || rescaled.length) {
      throw new AppError('criteriaLocked', { count: deps.applications }, { criteria: ['criteriaLocked'] });
    }
    const reweighted = before.criteria.some((c) => kept.get(c.id)!.weight !== c.weight);
    if (reweighted && deps.reviews > 0) {
      throw new AppError('weightsLocked', { count: deps.reviews }, { criteria: ['weightsLocked'] });
    }

    // Countries that applications already target stay.
    const dropped = before.countries.filter((c) => !input.countries.includes(c));
    if (dropped.length) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(applications)
        .where(and(eq(applications.callId, call.id), ne(applications.status, 'withdrawn'), sql`${applications.countries} && ${sql.param(dropped)}::text[]`));
      if (n > 0) throw new AppError('countryInUse', { count: n }, { countries: ['countryInUse'] });
    }
  }

  // Document slots: files already uploaded, and submissions already complete.
  const files = await tx
    .select({ slotId: applicationFiles.slotId, size: applicationFiles.size, contentType: applicationFiles.contentType })
    .from(applicationFiles)
    .innerJoin(applications, eq(applications.id, applicationFiles.applicationId))
    .where(eq(applications.callId, call.id));
  const nextSlots = new Map(input.slots.filter((s) => s.id).map((s) => [s.id!, s]));
  for (const slot of before.slots) {
    const uploaded = files.filter((f) => f.slotId === slot.id);
    const next = nextSlots.get(slot.id);
    if (!next && uploaded.length) {
      throw new AppError('slotHasFiles', { name: slot.name, count: uploaded.length }, { slots: ['slotHasFiles'] });
    }
    if (next && uploaded.some((f) => f.size > next.maxSizeMb * MB)) {
      throw new AppError('slotNarrowed', { name: slot.name }, { slots: ['slotNarrowed'] });
    }
    if (next && slot.acceptedTypes.some((t) => !next.acceptedTypes.includes(t as never)) && uploaded.length) {
      throw new AppError('slotNarrowed', { name: slot.name }, { slots: ['slotNarrowed'] });
    }
    if (next && next.required && !slot.required && deps.submitted > 0) {
      throw new AppError('slotRequiredAfterSubmissions', { name: slot.name, count: deps.submitted }, { slots: ['slotRequiredAfterSubmissions'] });
    }
  }
  const newRequiredSlot = input.slots.find((s) => !s.id && s.required);
  if (newRequiredSlot && deps.submitted > 0) {
    throw new AppError('slotRequiredAfterSubmissions', { name: newRequiredSlot.name, count: deps.submitted }, { slots: ['slotRequiredAfterSubmissions'] });
  }

  // Declarations already made stay as they were declared.
  if (deps.submitted > 0) {
    const nextReqs = new Map(input.requirements.filter((r) => r.id).map((r) => [r.id!, r]));
    const reworded = before.requirements.some((r) => {
      const next = nextReqs.get(r.id);
      if (!next) return false;
      // Applicants may have declared in any language the statement had: those stay as declared.
      const translationChanged = Object.entries(r.translations ?? {}).some(
        ([locale, text]) => !!text?.statement && next.translations[locale as Locale]?.statement !== text.statement,
      );
      return next.statement !== r.statement || (next.required && !r.required) || translationChanged;
    });
    if (reworded || input.requirements.some((r) => !r.id && r.required)) {
      throw new AppError('requirementsLocked', { count: deps.submitted }, { requirements: ['requirementsLocked'] });
    }
  }
}

/** Replaces a call's child rows: updates kept ones in place (their ids are referenced), inserts new, deletes removed. */
async function syncRows<I extends { id?: string }>(
  tx: Executor,
  existingIds: string[],
  inputs: I[],
  update: (id: string, input: I, position: number) => Promise<unknown>,
  insert: (input: I, position: number) => Promise<unknown>,
  remove: (ids: string[]) => Promise<unknown>,
) {
  const keep = new Set(inputs.flatMap((i) => (i.id ? [i.id] : [])));
  const removed = existingIds.filter((id) => !keep.has(id));
  if (removed.length) await remove(removed);
  for (const [position, input] of inputs.entries()) {
    if (input.id) await update(input.id, input, position);
    else await insert(input, position);
  }
}

/** Creates or updates a call with its criteria, requirements and document slots. */
export async function saveCall(tx: Executor, actor: SessionUser, input: CallForm) {
  assertCan(actor, 'call:manage');
  let existing: Call | undefined;
  if (input.id) {
    [existing] = await tx.select().from(calls).where(eq(calls.id, input.id)).for('update');
    if (!existing) throw new NotFoundError();
    if (existing.status === 'published' || existing.status === 'cancelled') throw new AppError('callFrozen');
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== existing.updatedAt.toISOString()) {
      throw new AppError('callChanged');
    }
  }
  const [clash] = await tx
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.slug, input.slug), input.id ? ne(calls.id, input.id) : undefined));
  if (clash) throw new AppError('slugTaken', {}, { slug: ['slugTaken'] });

  const dates = Object.fromEntries(dateOrder.map((f) => [f, toInstant(input[f], input.timeZone)])) as Record<(typeof dateOrder)[number], Date | null>;
  if (existing && existing.status !== 'draft') {
    if (existing.status !== 'open' && (dates.opensAt?.getTime() !== existing.opensAt?.getTime() || dates.closesAt?.getTime() !== existing.closesAt?.getTime())) {
      throw new AppError('closedDatesFixed', {}, { closesAt: ['closedDatesFixed'] });
    }
    if (existing.status === 'open' && (!dates.closesAt || !dates.opensAt)) {
      throw new AppError('openNeedsDates', {}, { closesAt: ['closesAtMissing'] });
    }
    if (existing.status === 'open' && dates.closesAt!.getTime() !== existing.closesAt?.getTime() && dates.closesAt! <= new Date()) {
      throw new AppError('closesInPast', {}, { closesAt: ['closesInPast'] });
    }
  }
  if (existing) await checkStructureChange(tx, existing, input);

  const languages = Object.keys(input.translations).filter((l) => l !== input.locale && input.translations[l as Locale]) as Locale[];
  const values = {
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    description: input.description,
    locale: input.locale,
    translations: cleanTranslations(input.translations, input.locale),
    applicationLocales: [...new Set(input.applicationLocales)],
    funder: input.funder || null,
    issuer: input.issuer || null,
    requiresSelfDeclaration: input.requiresSelfDeclaration ?? false,
    timeZone: input.timeZone,
    ...dates,
    currency: input.currency,
    minBudget: input.minBudget,
    maxBudget: input.maxBudget,
    envelope: input.envelope,
    expectedPartners: input.expectedPartners,
    reviewersPerApplication: input.reviewersPerApplication,
    blindReview: input.blindReview,
    showPeerScores: input.showPeerScores,
  };
  let call: Call;
  if (existing) {
    [call] = await tx.update(calls).set(values).where(eq(calls.id, existing.id)).returning();
  } else {
    [call] = await tx.insert(calls).values({ ...values, status: 'draft', createdBy: actor.id }).returning();
  }
  const before = existing ? await loadChildren(tx, call.id) : { countries: [], themes: [], criteria: [], requirements: [], slots: [] };

  await tx.delete(callCountries).where(eq(callCountries.callId, call.id));
  if (input.countries.length) await tx.insert(callCountries).values([...new Set(input.countries)].map((countryCode) => ({ callId: call.id, countryCode })));
  await tx.delete(callThemes).where(eq(callThemes.callId, call.id));
  if (input.themes.length) await tx.insert(callThemes).values([...new Set(input.themes)].map((theme) => ({ callId: call.id, theme })));

  const criterionValues = (c: CallForm['criteria'][number], position: number) => ({
    position,
    name: c.name,
    guidance: c.guidance,
    translations: cleanTranslations(c.translations, input.locale, languages),
    weight: c.weight,
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
  });
  await syncRows(
    tx,
    before.criteria.map((c) => c.id),
    input.criteria,
    (id, c, position) => tx.update(criteria).set(criterionValues(c, position)).where(eq(criteria.id, id)),
    (c, position) => tx.insert(criteria).values({ callId: call.id, ...criterionValues(c, position) }),
    (ids) => tx.delete(criteria).where(inArray(criteria.id, ids)),
  );
  const requirementValues = (r: CallForm['requirements'][number], position: number) => ({
    position,
    statement: r.statement,
    translations: cleanTranslations(r.translations, input.locale, languages),
    required: r.required,
  });
  await syncRows(
    tx,
    before.requirements.map((r) => r.id),
    input.requirements,
    (id, r, position) => tx.update(eligibilityRequirements).set(requirementValues(r, position)).where(eq(eligibilityRequirements.id, id)),
    (r, position) => tx.insert(eligibilityRequirements).values({ callId: call.id, ...requirementValues(r, position) }),
    (ids) => tx.delete(eligibilityRequirements).where(inArray(eligibilityRequirements.id, ids)),
  );
  const slotValues = (s: CallForm['slots'][number], position: number) => ({
    position,
    name: s.name,
    description: s.description,
    translations: cleanTranslations(s.translations, input.locale, languages),
    required: s.required,
    acceptedTypes: s.acceptedTypes,
    maxSizeBytes: Math.round(s.maxSizeMb * MB),
  });
  await syncRows(
    tx,
    before.slots.map((s) => s.id),
    input.slots,
    (id, s, position) => tx.update(documentSlots).set(slotValues(s, position)).where(eq(documentSlots.id, id)),
    (s, position) => tx.insert(documentSlots).values({ callId: call.id, ...slotValues(s, position) }),
    (ids) => tx.delete(documentSlots).where(inArray(documentSlots.id, ids)),
  );

  const saved = {
    call,
    created: !existing,
    previousSlug: existing?.slug ?? null,
    before: existing ? { ...summarise(existing), criteria: before.criteria.map((c) => `${c.name}:${c.weight}`) } : null,
    after: { ...summarise(call), criteria: input.criteria.map((c) => `${c.name}:${c.weight}`) },
  };
  await writeAudit(tx, auditActor(actor), {
    action: saved.created ? 'call.created' : 'call.updated',
    entityType: 'call',
    entityId: call.id,
    before: saved.before,
    after: saved.after,
  });
  return saved;
}

function summarise(call: Call) {
  return { title: call.title, slug: call.slug, status: call.status, opensAt: call.opensAt, closesAt: call.closesAt, languages: callLanguages(call) };
}

const transitions: Record<CallStatus, CallStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['in_review', 'cancelled'],
  in_review: ['selection', 'cancelled'],
  selection: ['cancelled'],
  published: [],
  cancelled: [],
};

/** Moves a call to its next phase, if its guards allow. Publishing results is its own action. */
export async function transitionCall(tx: Executor, actor: SessionUser, input: CallTransitionInput, now: Date = new Date()) {
  assertCan(actor, 'call:manage');
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update');
  if (!call) throw new NotFoundError();
  if (!transitions[call.status].includes(input.to)) {
    throw new AppError('transitionNotAllowed', { from: call.status, to: input.to });
  }
  if (input.to === 'open') {
    const children = await loadChildren(tx, call.id);
    const issues = openingIssues({ ...call, countries: children.countries, criteria: children.criteria }, now);
    if (Object.keys(issues).length) throw new AppError('notReadyToOpen', {}, issues);
  }
  if (input.to === 'in_review' && (!call.closesAt || now < call.closesAt)) {
    throw new AppError('notClosedYet', { closesAt: call.closesAt ?? now });
  }
  if (input.to === 'selection') {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted'), eq(applications.eligibility, 'pending')));
    if (n > 0) throw new AppError('screeningIncomplete', { count: n });
  }
  if (input.to === 'cancelled' && !input.reason?.trim()) {
    throw new AppError('reasonRequired', {}, { reason: ['required'] });
  }
  const [updated] = await tx.update(calls).set({ status: input.to }).where(eq(calls.id, call.id)).returning();
  const moved = { call: updated, before: { status: call.status }, after: { status: input.to, reason: input.reason ?? null } };
  await writeAudit(tx, auditActor(actor), { action: 'call.status_changed', entityType: 'call', entityId: updated.id, before: moved.before, after: moved.after });
  return moved;
}

/** Everything the call dashboard shows, in a handful of queries. */
export async function getCallDashboard(actor: SessionUser, callId: string, now: Date = new Date()) {
  assertCan(actor, 'call:manage');
  const [call] = await db.select().from(calls).where(eq(calls.id, callId));
  if (!call) return null;
  const children = await loadChildren(db, call.id);
  const [byStatus, byEligibility, [assignmentStats], [questions]] = await Promise.all([
    db.select({ status: applications.status, n: count() }).from(applications).where(eq(applications.callId, call.id)).groupBy(applications.status),
    db
      .select({ eligibility: applications.eligibility, n: count() })
      .from(applications)
      .where(and(eq(applications.callId, call.id), eq(applications.status, 'submitted')))
      .groupBy(applications.eligibility),
    db
      .select({
        assignments: sql<number>`count(*) filter (where ${reviewAssignments.status} <> 'conflict')::int`,
        conflicts: sql<number>`count(*) filter (where ${reviewAssignments.status} = 'conflict')::int`,
        submitted: sql<number>`count(*) filter (where ${reviews.status} = 'submitted' and ${reviewAssignments.status} = 'accepted')::int`,
      })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(eq(applications.callId, call.id)),
    db
      .select({ pending: sql<number>`count(*) filter (where ${clarificationQuestions.status} = 'pending')::int`, total: count() })
      .from(clarificationQuestions)
      .where(eq(clarificationQuestions.callId, call.id)),
  ]);
  const statusCount = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const eligibilityCount = (s: string) => byEligibility.find((r) => r.eligibility === s)?.n ?? 0;
  return {
    call,
    countries: children.countries,
    criteriaCount: children.criteria.length,
    applications: { draft: statusCount('draft'), submitted: statusCount('submitted'), withdrawn: statusCount('withdrawn') },
    screening: { pending: eligibilityCount('pending'), eligible: eligibilityCount('eligible'), ineligible: eligibilityCount('ineligible') },
    reviews: {
      assignments: assignmentStats?.assignments ?? 0,
      conflicts: assignmentStats?.conflicts ?? 0,
      submitted: assignmentStats?.submitted ?? 0,
      expected: eligibilityCount('eligible') * call.reviewersPerApplication,
    },
    questions: { pending: questions?.pending ?? 0, total: questions?.total ?? 0 },
    openingIssues: call.status === 'draft' ? openingIssues({ ...call, countries: children.countries, criteria: children.criteria }, now) : {},
    nextTransitions: transitions[call.status],
  };
}
