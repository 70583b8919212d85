import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { applications, callCountries, calls, callThemes, criteria, decisions, organisations } from '@/db/schema';
import { applicationFigures } from './ranking';

/**
 * The frozen record of a call's results, stored in publications.snapshot at publication.
 * `partners` is public (results pages, JSON, CSV); the rest is kept for the record.
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
  ranking: {
    rank: number;
    applicationId: string;
    reference: string | null;
    organisation: string;
    reviewCount: number;
    mean: number | null;
    median: number | null;
    min: number | null;
    max: number | null;
    stddev: number | null;
    outcome: string | null;
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

export async function buildResultsSnapshot(executor: Executor, callId: string, publishedAt: Date): Promise<ResultsSnapshot> {
  const [call] = await executor.select().from(calls).where(eq(calls.id, callId));
  const countries = await executor.select({ code: callCountries.countryCode }).from(callCountries).where(eq(callCountries.callId, callId)).orderBy(callCountries.countryCode);
  const themes = await executor.select({ code: callThemes.theme }).from(callThemes).where(eq(callThemes.callId, callId)).orderBy(callThemes.theme);
  const crit = await executor.select().from(criteria).where(eq(criteria.callId, callId)).orderBy(asc(criteria.position));
  const figures = new Map((await applicationFigures(executor, callId)).map((f) => [f.applicationId, f]));
  const apps = await executor
    .select({ app: applications, org: organisations, decision: decisions })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.callId, callId), eq(applications.status, 'submitted')));

  const ranked = apps
    .map((row) => ({ row, f: figures.get(row.app.id) }))
    // Highest mean first; ties by more reviews, then by reference (documented in lib/data/ranking.ts).
    .sort(
      (a, b) =>
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
    ranking: ranked.map(({ row, f }, i) => ({
      rank: i + 1,
      applicationId: row.app.id,
      reference: row.app.reference,
      organisation: row.org.legalName,
      reviewCount: f?.reviewCount ?? 0,
      mean: f?.mean ?? null,
      median: f?.median ?? null,
      min: f?.min ?? null,
      max: f?.max ?? null,
      stddev: f?.stddev ?? null,
      outcome: row.decision?.outcome ?? null,
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
