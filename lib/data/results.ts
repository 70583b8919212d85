import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { calls, publications } from '@/db/schema';
import { toCsv } from '@/lib/csv';
import type { ResultsSnapshot } from './publication';

/**
 * Public results come only from the frozen publication record: nothing that was not
 * published (decisions in progress, scores of unpublished calls) is reachable here.
 */

export type PublicResults = {
  call: ResultsSnapshot['call'] & { timeZone: string };
  publishedAt: string;
  partners: ResultsSnapshot['partners'];
};

export async function getPublishedResults(slug: string): Promise<PublicResults | null> {
  const [row] = await db
    .select({ snapshot: publications.snapshot, timeZone: calls.timeZone, status: calls.status })
    .from(publications)
    .innerJoin(calls, eq(calls.id, publications.callId))
    .where(eq(calls.slug, slug));
  if (!row || row.status !== 'published') return null;
  const snapshot = row.snapshot as ResultsSnapshot;
  return { call: { ...snapshot.call, timeZone: row.timeZone }, publishedAt: snapshot.publishedAt, partners: snapshot.partners };
}

/** The machine-readable form (results.json): documented in the README. */
export function resultsJson(results: PublicResults) {
  const { slug, title, funder, countries, themes, currency } = results.call;
  // Records published before calls had languages were English only.
  const languages = results.call.languages ?? ['en'];
  const titles = results.call.titles ?? { [languages[0]]: title };
  return {
    call: { slug, title, languages, titles, funder, countries, themes, currency },
    publishedAt: results.publishedAt,
    partners: results.partners.map((p) => ({
      reference: p.reference,
      organisation: p.organisation,
      project: p.project,
      awardedAmount: p.awardedAmount,
      currency: p.currency,
      illustrative: p.illustrative,
    })),
  };
}

export const resultsCsvHeader = [
  'call_slug',
  'published_at',
  'reference',
  'organisation',
  'acronym',
  'country_of_registration',
  'website',
  'project_title',
  'implementation_countries',
  'themes',
  'awarded_amount',
  'currency',
  'illustrative',
];

/** The same data as results.json, one row per partner; lists joined with ";". */
export function resultsCsv(results: PublicResults): string {
  return toCsv(
    resultsCsvHeader,
    results.partners.map((p) => [
      results.call.slug,
      results.publishedAt,
      p.reference,
      p.organisation.name,
      p.organisation.acronym,
      p.organisation.countryOfRegistration,
      p.organisation.website,
      p.project.title,
      p.project.countries.join(';'),
      p.project.themes.join(';'),
      p.awardedAmount,
      p.currency,
      p.illustrative,
    ]),
  );
}

export type RegisterEntry = ResultsSnapshot['partners'][number] & {
  call: { slug: string; title: string; titles?: Partial<Record<string, string>> };
  publishedAt: string;
};

/**
 * Every selected partner of every published call, newest publication first, with the
 * countries and themes they cover (the page filters in the browser, so it stays cached).
 */
export async function listPartners() {
  const rows = await db
    .select({ snapshot: publications.snapshot })
    .from(publications)
    .innerJoin(calls, eq(calls.id, publications.callId))
    .where(eq(calls.status, 'published'))
    .orderBy(desc(publications.publishedAt));
  const all: RegisterEntry[] = rows.flatMap(({ snapshot }) => {
    const s = snapshot as ResultsSnapshot;
    return s.partners.map((p) => ({ ...p, call: { slug: s.call.slug, title: s.call.title, titles: s.call.titles }, publishedAt: s.publishedAt }));
  });
  const countries = [...new Set(all.flatMap((p) => p.project.countries))].sort();
  const themes = [...new Set(all.flatMap((p) => p.project.themes))].sort();
  return { partners: all, countries, themes };
}

/** A published call's title in `locale` when it was published in it, else in its main language. */
export function publishedTitleIn(call: { title: string; titles?: Partial<Record<string, string>> }, locale: string): string {
  return call.titles?.[locale] ?? call.title;
}
