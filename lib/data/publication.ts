import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { applications, callCountries, calls, callThemes, criteria, decisions, organisations } from '@/db/schema';
import { applicationFigures, rowsOf } from './ranking';

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
  };
  criteria: { id: string; name: string; weight: number; scaleMin: number; scaleMax: number }[];
  /** Mean score per criterion over every submitted review of an eligible application. */
  cohort: Record<string, number | null>;
  ranking: {
    rank: number;
    applicationId: string;
    reference: string | null;
    organisation: string;
    eligibility: 'pending' | 'eligible' | 'ineligible';
    reviewCount: number;
    mean: number | null;
    median: number | null;
    min: number | null;
    max: number | null;
    stddev: number | null;
    /** Mean score per criterion id. */
    perCriterion: Record<string, number | null>;
    outcome: string | null;
    awardedAmount: number | null;
    rationale: string | null;
  }[];
  partners: {
    reference: string | null;
    organisation: { name: string; acronym: string | null; countryOfRegistration: string; website: string | null };
    project: { title: string; countries: string[]; themes: string[] };
    awardedAmount: number;
    currency: string;
    illustrative: string | null;
  }[];
};

/** Mean score per application and criterion, over submitted reviews of a call. */
async function criterionMeans(executor: Executor, callId: string) {
  const result = await executor.execute(sql`
    select ra.application_id as "applicationId", s.criterion_id as "criterionId", avg(s.score)::float8 as mean
    from review_scores s
    join reviews r on r.id = s.review_id and r.status = 'submitted'
    join review_assignments ra on ra.id = r.assignment_id and ra.status = 'accepted'
    join applications a on a.id = ra.application_id
    where a.call_id = ${callId}
    group by ra.application_id, s.criterion_id`);
  return rowsOf<{ applicationId: string; criterionId: string; mean: number }>(result);
}

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
  const countries = await executor.select({ code: callCountries.countryCode }).from(callCountries).where(eq(callCountries.callId, callId)).orderBy(callCountries.countryCode);
  const themes = await executor.select({ code: callThemes.theme }).from(callThemes).where(eq(callThemes.callId, callId)).orderBy(callThemes.theme);
  const crit = await executor.select().from(criteria).where(eq(criteria.callId, callId)).orderBy(asc(criteria.position));
  const figures = new Map((await applicationFigures(executor, callId)).map((f) => [f.applicationId, f]));
  const means = await criterionMeans(executor, callId);
  const cohort = await cohortMeans(executor, callId);
  const apps = await executor
    .select({ app: applications, org: organisations, decision: decisions })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.callId, callId), eq(applications.status, 'submitted')));

  const ranked = apps
    .map((row) => ({ row, f: figures.get(row.app.id) }))
    // Eligible first; then highest mean; ties by more reviews, then by reference.
    .sort(
      (a, b) =>
        Number(b.row.app.eligibility === 'eligible') - Number(a.row.app.eligibility === 'eligible') ||
        (b.f?.mean ?? -1) - (a.f?.mean ?? -1) ||
        (b.f?.reviewCount ?? 0) - (a.f?.reviewCount ?? 0) ||
        (a.row.app.reference ?? '').localeCompare(b.row.app.reference ?? ''),
    );

  return {
    version: 1,
    publishedAt: publishedAt.toISOString(),
    call: {
      slug: call.slug,
      title: call.title,
      funder: call.funder,
      currency: call.currency,
      envelope: call.envelope,
      countries: countries.map((c) => c.code),
      themes: themes.map((t) => t.code),
    },
    criteria: crit.map((c) => ({ id: c.id, name: c.name, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
    cohort: Object.fromEntries(crit.map((c) => [c.id, cohort[c.id] ?? null])),
    ranking: ranked.map(({ row, f }, i) => ({
      rank: i + 1,
      applicationId: row.app.id,
      reference: row.app.reference,
      organisation: row.org.legalName,
      eligibility: row.app.eligibility,
      reviewCount: f?.reviewCount ?? 0,
      mean: f?.mean ?? null,
      median: f?.median ?? null,
      min: f?.min ?? null,
      max: f?.max ?? null,
      stddev: f?.stddev ?? null,
      perCriterion: Object.fromEntries(crit.map((c) => [c.id, means.find((m) => m.applicationId === row.app.id && m.criterionId === c.id)?.mean ?? null])),
      outcome: row.decision?.outcome ?? null,
      awardedAmount: row.decision?.awardedAmount ?? null,
      rationale: row.decision?.rationale ?? null,
    })),
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
