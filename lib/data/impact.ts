import 'server-only';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { ageGroupEnum, populationGroupEnum, sexEnum } from '@/db/schema';
import type { Translations, CallText } from '@/lib/calls/languages';
import { toCsv } from '@/lib/csv';

/**
 * A call's impact: the people its partners reached, from accepted reports only (a draft,
 * a report awaiting review or one sent back for changes never counts). A person is counted
 * once per report, as the partner reports it: the same person reached in the interim and
 * the final period counts twice. The figures are sums computed by SQL in one pass
 * (grouping sets), public once the call's results are published.
 */

export type Sex = (typeof sexEnum.enumValues)[number];
export type AgeGroup = (typeof ageGroupEnum.enumValues)[number];
export type PopulationGroup = (typeof populationGroupEnum.enumValues)[number];
export const sexes = sexEnum.enumValues;
export const ageGroups = ageGroupEnum.enumValues;
export const populationGroups = populationGroupEnum.enumValues;

export type ImpactPartner = {
  applicationId: string;
  reference: string | null;
  organisation: { name: string; acronym: string | null; countryOfRegistration: string };
  project: string;
  illustrative: string | null;
  reports: number;
  people: number;
};

export type ImpactPeriod = {
  id: string;
  label: string;
  final: boolean;
  periodStart: string;
  periodEnd: string;
  reports: number;
  people: number;
  cumulative: number;
};

export type CallImpact = {
  call: {
    id: string;
    slug: string;
    title: string;
    locale: string;
    translations: Translations<CallText> | null;
    timeZone: string;
    illustrative: string | null;
  };
  /** People reached: the sum over accepted reports. */
  peopleReached: number;
  /** Accepted reports counted. */
  reports: number;
  byCountry: { country: string; people: number }[];
  byPartner: ImpactPartner[];
  byPopulationGroup: { populationGroup: PopulationGroup; people: number }[];
  /** Every sex × age group pair, zeros included, in the schema's order. */
  bySexAndAge: { sex: Sex; ageGroup: AgeGroup; people: number }[];
  bySex: { sex: Sex; people: number }[];
  byAgeGroup: { ageGroup: AgeGroup; people: number }[];
  /** Reporting periods with at least one accepted report, by period end, with the running total. */
  overTime: ImpactPeriod[];
  /** The finest public grain (the CSV): partner × country × population group. */
  rows: { applicationId: string; country: string; populationGroup: PopulationGroup; people: number }[];
  /** True when any figure comes from invented demo data (the call or a partner is marked illustrative). */
  illustrative: boolean;
};

type CubeRow = {
  g: number;
  applicationId: string | null;
  country: string | null;
  populationGroup: PopulationGroup | null;
  sex: Sex | null;
  ageGroup: AgeGroup | null;
  people: number;
};

/** grouping() bits, in the order of its arguments: 1 marks a column rolled up in that set. */
const ALL = 0b11111;
const bits = (...kept: number[]) => kept.reduce((mask, bit) => mask & ~bit, ALL);
const APP = 0b10000;
const COUNTRY = 0b01000;
const GROUP = 0b00100;
const SEX = 0b00010;
const AGE = 0b00001;

/** A published call's impact, or null when the slug names no call whose results are published. */
export async function getCallImpact(slug: string): Promise<CallImpact | null> {
  const [call] = rowsOf<CallImpact['call'] & { status: string }>(
    await db.execute(sql`
      select id, slug, title, locale, translations, time_zone as "timeZone", illustrative, status
      from calls where slug = ${slug}`),
  );
  if (!call || call.status !== 'published') return null;

  const cube = rowsOf<CubeRow>(
    await db.execute(sql`
      select
        grouping(ap.id, rr.country, rr.population_group, rr.sex, rr.age_group)::int as g,
        ap.id as "applicationId", rr.country, rr.population_group as "populationGroup", rr.sex,
        rr.age_group as "ageGroup",
        sum(rr.people)::int as people
      from reports rep
      join awards aw on aw.id = rep.award_id
      join applications ap on ap.id = aw.application_id
      join report_reach rr on rr.report_id = rep.id
      where aw.call_id = ${call.id} and rep.status = 'accepted'
      group by grouping sets (
        (), (ap.id), (rr.country), (rr.population_group), (rr.sex, rr.age_group),
        (ap.id, rr.country, rr.population_group)
      )`),
  );
  const set = (mask: number) => cube.filter((r) => r.g === mask);
  const byPeople = <T extends { people: number }>(a: T, b: T) => b.people - a.people;

  const partners = rowsOf<Omit<ImpactPartner, 'people' | 'organisation'> & { name: string; acronym: string | null; countryOfRegistration: string }>(
    await db.execute(sql`
      select ap.id as "applicationId", ap.reference, ap.title as project, o.legal_name as name, o.acronym,
        o.country_of_registration as "countryOfRegistration", o.illustrative,
        count(rep.id)::int as reports
      from reports rep
      join awards aw on aw.id = rep.award_id
      join applications ap on ap.id = aw.application_id
      join organisations o on o.id = ap.organisation_id
      where aw.call_id = ${call.id} and rep.status = 'accepted'
      group by ap.id, o.id`),
  );
  const partnerPeople = new Map(set(bits(APP)).map((r) => [r.applicationId!, r.people]));

  const periods = rowsOf<ImpactPeriod>(
    await db.execute(sql`
      select rp.id, rp.label, rp.final, rp.period_start::text as "periodStart", rp.period_end::text as "periodEnd",
        count(distinct rep.id)::int as reports,
        coalesce(sum(rr.people), 0)::int as people,
        (sum(coalesce(sum(rr.people), 0)) over (order by rp.period_end, rp.position, rp.id))::int as cumulative
      from reporting_periods rp
      join reports rep on rep.period_id = rp.id and rep.status = 'accepted'
      join awards aw on aw.id = rep.award_id and aw.call_id = ${call.id}
      left join report_reach rr on rr.report_id = rep.id
      where rp.call_id = ${call.id}
      group by rp.id
      order by rp.period_end, rp.position, rp.id`),
  );

  const sexAge = new Map(set(bits(SEX, AGE)).map((r) => [`${r.sex}|${r.ageGroup}`, r.people]));
  const bySexAndAge = sexes.flatMap((sex) => ageGroups.map((ageGroup) => ({ sex, ageGroup, people: sexAge.get(`${sex}|${ageGroup}`) ?? 0 })));
  const byPartner = partners
    .map(({ name, acronym, countryOfRegistration, ...p }) => ({
      ...p,
      organisation: { name, acronym, countryOfRegistration },
      people: partnerPeople.get(p.applicationId) ?? 0,
    }))
    .sort((a, b) => byPeople(a, b) || a.organisation.name.localeCompare(b.organisation.name));
  const partnerOrder = new Map(byPartner.map((p, i) => [p.applicationId, i]));

  return {
    call: { id: call.id, slug: call.slug, title: call.title, locale: call.locale, translations: call.translations, timeZone: call.timeZone, illustrative: call.illustrative },
    peopleReached: set(ALL)[0]?.people ?? 0,
    reports: partners.reduce((n, p) => n + p.reports, 0),
    byCountry: set(bits(COUNTRY))
      .map((r) => ({ country: r.country!, people: r.people }))
      .sort((a, b) => byPeople(a, b) || a.country.localeCompare(b.country)),
    byPartner,
    byPopulationGroup: populationGroups
      .map((populationGroup) => ({ populationGroup, people: set(bits(GROUP)).find((r) => r.populationGroup === populationGroup)?.people ?? 0 }))
      .filter((r) => r.people > 0),
    bySexAndAge,
    bySex: sexes.map((sex) => ({ sex, people: bySexAndAge.filter((r) => r.sex === sex).reduce((n, r) => n + r.people, 0) })),
    byAgeGroup: ageGroups.map((ageGroup) => ({ ageGroup, people: bySexAndAge.filter((r) => r.ageGroup === ageGroup).reduce((n, r) => n + r.people, 0) })),
    overTime: periods,
    rows: set(bits(APP, COUNTRY, GROUP))
      .map((r) => ({ applicationId: r.applicationId!, country: r.country!, populationGroup: r.populationGroup!, people: r.people }))
      .sort(
        (a, b) =>
          partnerOrder.get(a.applicationId)! - partnerOrder.get(b.applicationId)! ||
          a.country.localeCompare(b.country) ||
          populationGroups.indexOf(a.populationGroup) - populationGroups.indexOf(b.populationGroup),
      ),
    illustrative: !!call.illustrative || partners.some((p) => !!p.illustrative),
  };
}

/** The machine-readable form (impact.json): documented in the README. Keys and codes never change with the reader's language. */
export function impactJson(impact: CallImpact) {
  const partner = new Map(impact.byPartner.map((p) => [p.applicationId, p]));
  return {
    call: { slug: impact.call.slug, title: impact.call.title },
    counting: 'Each accepted report counts the people it reached; a person reached in two reports counts twice.',
    peopleReached: impact.peopleReached,
    reports: impact.reports,
    byCountry: impact.byCountry,
    byPartner: impact.byPartner.map((p) => ({
      reference: p.reference,
      organisation: p.organisation,
      project: p.project,
      reports: p.reports,
      people: p.people,
      illustrative: p.illustrative,
    })),
    byPopulationGroup: impact.byPopulationGroup,
    bySexAndAge: impact.bySexAndAge,
    overTime: impact.overTime.map(({ label, final, periodStart, periodEnd, reports, people, cumulative }) => ({
      label,
      final,
      periodStart,
      periodEnd,
      reports,
      people,
      cumulative,
    })),
    rows: impact.rows.map((r) => ({ reference: partner.get(r.applicationId)?.reference ?? null, country: r.country, populationGroup: r.populationGroup, people: r.people })),
    illustrative: impact.illustrative,
  };
}

export const impactCsvHeader = ['call_slug', 'reference', 'organisation', 'acronym', 'country', 'population_group', 'people_reached', 'illustrative'];

/**
 * One row per partner × country × population group (codes, not labels), the people reached
 * summed over the partner's accepted reports: the rows add up to peopleReached.
 */
export function impactCsv(impact: CallImpact): string {
  const partner = new Map(impact.byPartner.map((p) => [p.applicationId, p]));
  return toCsv(
    impactCsvHeader,
    impact.rows.map((r) => {
      const p = partner.get(r.applicationId)!;
      return [impact.call.slug, p.reference, p.organisation.name, p.organisation.acronym, r.country, r.populationGroup, r.people, !!p.illustrative || !!impact.call.illustrative];
    }),
  );
}
