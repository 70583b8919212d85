import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db';
import { applications, calls, decisions, organisations, type Outcome } from '@/db/schema';
import { callLanguages } from '@/lib/calls/languages';
import type { Locale } from '@/lib/i18n/config';
import { rankingQuery } from './internal/ranking-sql';
import { callCodes, callCriteria } from './call-parts';

/**
 * The frozen record of a call's results, stored in publications.snapshot at publication.
 * `partners` is public (results pages, JSON, CSV); the rest (ranking, scores, decisions,
 * rationales) is kept for the record and for the applicants' feedback, and never changes
 * afterwards, whatever happens to the reviews.
 */
export type ResultsSnapshot = {
  version: 1;
  publishedAt: string;
  call: {
    slug: string;
    title: string;
    funder: string | null;
    currency: string;
    envelope: number | null;
    countries: string[];
    themes: string[];
    /** The languages the call was published in, main one first (absent from records older than them: English). */
    languages?: Locale[];
    /** The call's title in each of its languages. */
    titles?: Partial<Record<Locale, string>>;
  };
  criteria: { id: string; name: string; weight: number; scaleMin: number; scaleMax: number; names?: Partial<Record<Locale, string>> }[];
  /** Mean score per criterion over every submitted review of an eligible application. */
  cohort: Record<string, number | null>;
  /** Eligible applications in the ranking's documented order (lib/data/ranking.ts). */
  ranking: {
    rank: number;
    applicationId: string;
    reference: string | null;
    organisation: string;
    reviewCount: number;
    mean: number | null;
    calibrated: number | null;
    flagged: boolean;
    median: number | null;
    min: number | null;
    max: number | null;
    stddev: number | null;
    /** Mean score per criterion id. */
    perCriterion: Record<string, number | null>;
    outcome: Outcome | null;
    awardedAmount: number | null;
    rationale: string | null;
  }[];
  ineligible: { applicationId: string; reference: string | null; organisation: string; reason: string | null }[];
  partners: {
    reference: string | null;
    organisation: { name: string; acronym: string | null; countryOfRegistration: string; website: string | null };
    project: { title: string; countries: string[]; themes: string[] };
    awardedAmount: number;
    currency: string;
    illustrative: string | null;
  }[];
};

async function cohortMeans(executor: Executor, callId: string): Promise<Record<string, number | null>> {
  const result = await executor.execute(sql`
    select s.criterion_id as "criterionId", avg(s.score)::float8 as mean
    from review_scores s
    join reviews r on r.id = s.review_id and r.status = 'submitted'
    join review_assignments ra on ra.id = r.assignment_id and ra.status = 'accepted'
    join applications a on a.id = ra.application_id
    where a.call_id = ${callId} and a.status = 'submitted' and a.eligibility = 'eligible'
    group by s.criterion_id`);
  return Object.fromEntries(rowsOf<{ criterionId: string; mean: number }>(result).map((r) => [r.criterionId, r.mean]));
}

export async function buildResultsSnapshot(executor: Executor, callId: string, publishedAt: Date): Promise<ResultsSnapshot> {
  const [call] = await executor.select().from(calls).where(eq(calls.id, callId));
  const { countries, themes } = await callCodes(executor, callId);
  const crit = await callCriteria(executor, callId);
  // The ranking exactly as the admins saw it: eligible applications in the documented order.
  const { rows: ranking } = await rankingQuery(executor, call, { pageSize: 1_000_000 });
  const cohort = await cohortMeans(executor, callId);
  const apps = await executor
    .select({ app: applications, org: organisations, decision: decisions })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.callId, callId), eq(applications.status, 'submitted')));
  const byId = new Map(apps.map((row) => [row.app.id, row]));
  const languages = callLanguages(call);
  const ranked = [...ranking].sort((a, b) => a.position - b.position).map((r) => ({ r, row: byId.get(r.applicationId)! }));

  return {
    version: 1,
    publishedAt: publishedAt.toISOString(),
    call: {
      slug: call.slug,
      title: call.title,
      funder: call.funder,
      currency: call.currency,
      envelope: call.envelope,
      countries,
      themes,
      languages,
      titles: Object.fromEntries(languages.map((l) => [l, l === call.locale ? call.title : call.translations[l]!.title!])),
    },
    criteria: crit.map((c) => ({
      id: c.id,
      name: c.name,
      weight: c.weight,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      names: Object.fromEntries(languages.map((l) => [l, (l === call.locale ? c.name : c.translations[l]?.name) || c.name])),
    })),
    cohort: Object.fromEntries(crit.map((c) => [c.id, cohort[c.id] ?? null])),
    ranking: ranked.map(({ r, row }) => ({
      rank: r.position,
      applicationId: r.applicationId,
      reference: r.reference,
      organisation: r.organisation,
      reviewCount: r.reviewCount,
      mean: r.mean,
      calibrated: r.calibrated,
      median: r.median,
      min: r.min,
      max: r.max,
      stddev: r.stddev,
      flagged: r.flagged,
      perCriterion: Object.fromEntries(crit.map((c) => [c.id, r.criterionMeans[c.id] ?? null])),
      outcome: row.decision?.outcome ?? null,
      awardedAmount: row.decision?.awardedAmount ?? null,
      rationale: row.decision?.rationale ?? null,
    })),
    ineligible: apps
      .filter(({ app }) => app.eligibility === 'ineligible')
      .map(({ app, org }) => ({ applicationId: app.id, reference: app.reference, organisation: org.legalName, reason: app.eligibilityReason })),
    partners: ranked
      .filter(({ row }) => row.decision?.outcome === 'selected')
      .map(({ row }) => ({
        reference: row.app.reference,
        organisation: {
          name: row.org.legalName,
          acronym: row.org.acronym,
          countryOfRegistration: row.org.countryOfRegistration,
          website: row.org.website,
        },
        project: { title: row.app.title, countries: row.app.countries, themes: row.app.themes },
        awardedAmount: row.decision!.awardedAmount!,
        currency: call.currency,
        illustrative: row.org.illustrative,
      })),
  };
}
