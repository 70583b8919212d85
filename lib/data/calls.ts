import 'server-only';
import { and, asc, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import {
  callCountries,
  calls,
  callThemes,
  clarificationQuestions,
  documentSlots,
  eligibilityRequirements,
  publications,
  type Call,
} from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { can } from '@/lib/authz';
import { uuidPattern } from '@/lib/validations/zod';
import { callCodes, callCriteria } from './call-parts';

export type CallSummary = Pick<
  Call,
  'id' | 'slug' | 'title' | 'summary' | 'funder' | 'issuer' | 'status' | 'opensAt' | 'closesAt' | 'timeZone' | 'currency' | 'minBudget' | 'maxBudget' | 'locale' | 'translations'
> & { countries: string[]; themes: string[]; publishedAt: Date | null };

const summaryColumns = {
  id: calls.id,
  slug: calls.slug,
  title: calls.title,
  summary: calls.summary,
  locale: calls.locale,
  translations: calls.translations,
  funder: calls.funder,
  issuer: calls.issuer,
  status: calls.status,
  opensAt: calls.opensAt,
  closesAt: calls.closesAt,
  timeZone: calls.timeZone,
  currency: calls.currency,
  minBudget: calls.minBudget,
  maxBudget: calls.maxBudget,
  countries: sql<string[]>`coalesce((select array_agg(${callCountries.countryCode} order by ${callCountries.countryCode}) from ${callCountries} where ${callCountries.callId} = ${calls.id}), '{}')`,
  themes: sql<string[]>`coalesce((select array_agg(${callThemes.theme} order by ${callThemes.theme}) from ${callThemes} where ${callThemes.callId} = ${calls.id}), '{}')`,
  publishedAt: publications.publishedAt,
};

/** The home page: calls open now or opening soon (soonest deadline first), then published results. */
export async function listCallsForHome(now: Date = new Date()) {
  const openOrUpcoming = await db
    .select(summaryColumns)
    .from(calls)
    .leftJoin(publications, eq(publications.callId, calls.id))
    .where(and(eq(calls.status, 'open'), gt(calls.closesAt, now)))
    .orderBy(asc(calls.closesAt), asc(calls.title));
  const closed = await db
    .select(summaryColumns)
    .from(calls)
    .leftJoin(publications, eq(publications.callId, calls.id))
    .where(or(inArray(calls.status, ['in_review', 'selection']), and(eq(calls.status, 'open'), lte(calls.closesAt, now))))
    .orderBy(desc(calls.closesAt))
    .limit(10);
  const withResults = await db
    .select(summaryColumns)
    .from(calls)
    .innerJoin(publications, eq(publications.callId, calls.id))
    .where(eq(calls.status, 'published'))
    .orderBy(desc(publications.publishedAt))
    .limit(20);
  return { openOrUpcoming, closed, withResults };
}

/**
 * A call as the viewer may see it: drafts exist only for admins (everyone else gets
 * null, i.e. not found).
 */
export async function getCallBySlug(viewer: SessionUser | null, slug: string) {
  const [call] = await db.select().from(calls).where(eq(calls.slug, slug));
  return call ? callDetail(viewer, call) : null;
}

/** The admins' preview of a call (drafts included), by id. */
export async function getCallForPreview(viewer: SessionUser, callId: string) {
  if (!can(viewer, 'call:manage') || !uuidPattern.test(callId)) return null;
  const [call] = await db.select().from(calls).where(eq(calls.id, callId));
  return call ? callDetail(viewer, call) : null;
}

async function callDetail(viewer: SessionUser | null, call: Call) {
  if (call.status === 'draft' && !can(viewer, 'call:manage')) return null;
  const [{ countries, themes }, criteria, requirements, slots, faq, [publication]] = await Promise.all([
    callCodes(db, call.id),
    callCriteria(db, call.id),
    db.select().from(eligibilityRequirements).where(eq(eligibilityRequirements.callId, call.id)).orderBy(asc(eligibilityRequirements.position)),
    db.select().from(documentSlots).where(eq(documentSlots.callId, call.id)).orderBy(asc(documentSlots.position)),
    db
      .select({
        id: clarificationQuestions.id,
        question: clarificationQuestions.publicQuestion,
        answer: clarificationQuestions.answer,
        translations: clarificationQuestions.translations,
        answeredAt: clarificationQuestions.answeredAt,
      })
      .from(clarificationQuestions)
      .where(and(eq(clarificationQuestions.callId, call.id), eq(clarificationQuestions.status, 'published')))
      .orderBy(asc(clarificationQuestions.answeredAt)),
    db.select({ publishedAt: publications.publishedAt }).from(publications).where(eq(publications.callId, call.id)),
  ]);
  return {
    call,
    countries,
    themes,
    criteria,
    requirements,
    slots,
    faq,
    publishedAt: publication?.publishedAt ?? null,
  };
}

/** Calls open now whose applicants must have signed the self-declaration (public facts). */
export async function listOpenCallsRequiringDeclaration(now: Date = new Date()) {
  return db
    .select({ slug: calls.slug, title: calls.title, translations: calls.translations, locale: calls.locale })
    .from(calls)
    .where(and(eq(calls.status, 'open'), eq(calls.requiresSelfDeclaration, true), gt(calls.closesAt, now)))
    .orderBy(asc(calls.closesAt));
}
