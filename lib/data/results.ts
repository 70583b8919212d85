import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { applications, awards, calls, organisations, publications } from '@/db/schema';
import { toCsv } from '@/lib/csv';
import { listNotices, type PublicNotice } from './awards';
import type { ResultsSnapshot } from './publication';

/**
 * Public results come only from the frozen publication record: nothing that was not
 * published (decisions in progress, scores of unpublished calls) is reachable here.
 */

export type PublicResults = {
  call: ResultsSnapshot['call'] & { timeZone: string };
  publishedAt: string;
  partners: ResultsSnapshot['partners'];
  /** The dated public record since publication (accepted, declined, lapsed, offered to the reserve), oldest first. */
  sincePublication: PublicNotice[];
};

export async function getPublishedResults(slug: string): Promise<PublicResults | null> {
  const [row] = await db
    .select({ snapshot: publications.snapshot, timeZone: calls.timeZone, status: calls.status, callId: calls.id })
    .from(publications)
    .innerJoin(calls, eq(calls.id, publications.callId))
    .where(eq(calls.slug, slug));
  if (!row || row.status !== 'published') return null;
  const snapshot = row.snapshot as ResultsSnapshot;
  return {
    call: { ...snapshot.call, timeZone: row.timeZone },
    publishedAt: snapshot.publishedAt,
    partners: snapshot.partners,
    sincePublication: await listNotices(db, row.callId),
  };
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
    sincePublication: results.sincePublication.map((n) => ({
      at: n.at,
      kind: n.kind,
      reference: n.reference,
      organisation: n.organisation,
      acronym: n.acronym,
      amount: n.amount,
      currency: n.currency,
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
 * Every partner of every published call whose award is accepted, newest publication first,
 * with the countries and themes they cover (the page filters in the browser, so it stays
 * cached). A partner of the published list shows as published; one that accepted an award
 * offered from the reserve list afterwards shows its organisation and project as they were
 * when it accepted.
 */
export async function listPartners() {
  const rows = await db
    .select({ callId: calls.id, snapshot: publications.snapshot })
    .from(publications)
    .innerJoin(calls, eq(calls.id, publications.callId))
    .where(eq(calls.status, 'published'))
    .orderBy(desc(publications.publishedAt));
  const accepted = rows.length
    ? await db
        .select({ award: awards, app: applications, org: organisations })
        .from(awards)
        .innerJoin(applications, eq(applications.id, awards.applicationId))
        .innerJoin(organisations, eq(organisations.id, applications.organisationId))
        .where(and(eq(awards.status, 'accepted'), inArray(awards.callId, rows.map((r) => r.callId))))
        .orderBy(awards.respondedAt)
    : [];
  const all: RegisterEntry[] = rows.flatMap(({ callId, snapshot }) => {
    const s = snapshot as ResultsSnapshot;
    const call = { slug: s.call.slug, title: s.call.title, titles: s.call.titles };
    const published = new Map(s.partners.map((p) => [p.reference, p]));
    const ofCall = accepted.filter((a) => a.award.callId === callId);
    // The published order first, then those who came from the reserve list, as they accepted.
    const inOrder = [
      ...s.partners.flatMap((p) => ofCall.filter((a) => a.app.reference === p.reference)),
      ...ofCall.filter((a) => !published.has(a.app.reference)),
    ];
    return inOrder.map(({ award, app, org }) => {
      const frozen = published.get(app.reference);
      const entry: ResultsSnapshot['partners'][number] = frozen ?? {
        reference: app.reference,
        organisation: { name: org.legalName, acronym: org.acronym, countryOfRegistration: org.countryOfRegistration, website: org.website },
        project: { title: app.title, countries: app.countries, themes: app.themes },
        awardedAmount: award.amount,
        currency: s.call.currency,
        illustrative: org.illustrative,
      };
      return { ...entry, awardedAmount: award.amount, call, publishedAt: s.publishedAt };
    });
  });
  const countries = [...new Set(all.flatMap((p) => p.project.countries))].sort();
  const themes = [...new Set(all.flatMap((p) => p.project.themes))].sort();
  return { partners: all, countries, themes };
}

/** A published call's title in `locale` when it was published in it, else in its main language. */
export function publishedTitleIn(call: { title: string; titles?: Partial<Record<string, string>> }, locale: string): string {
  return call.titles?.[locale] ?? call.title;
}
