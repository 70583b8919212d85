import 'server-only';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { getCallImpact, type CallImpact } from './impact';
import { getPublishedResults, type PublicResults } from './results';
import type { ResultsSnapshot } from './publication';

/**
 * A call's programme report, public once its results are published: the call, who applied
 * and from where, how the partners were selected, what they were awarded and the people
 * they reached. Everything comes from public sources (the frozen publication, the accepted
 * awards, accepted reports) and counts; no application, score or review is named.
 */
export type ProgrammeReport = {
  results: PublicResults;
  call: {
    issuer: string | null;
    funder: string | null;
    envelope: number | null;
    currency: string;
    opensAt: Date | null;
    closesAt: Date | null;
    illustrative: string | null;
  };
  applied: {
    total: number;
    eligible: number;
    byRegistration: { country: string; count: number }[];
    byOperation: { country: string; count: number }[];
  };
  selection: {
    criteria: ResultsSnapshot['criteria'];
    reviews: number;
    reviewers: number;
    selected: number;
  };
  /** Accepted awards when the call has award rows, else the partners as published. */
  awards: { reference: string | null; organisation: string; acronym: string | null; project: string; amount: number; illustrative: string | null }[];
  awarded: number;
  impact: CallImpact;
};

export async function getProgrammeReport(slug: string): Promise<ProgrammeReport | null> {
  const results = await getPublishedResults(slug);
  if (!results) return null;
  const impact = await getCallImpact(slug);
  if (!impact) return null;
  const callId = impact.call.id;

  const [[call], [snapshotRow], [applied], byRegistration, byOperation, [reviews], awardRows] = await Promise.all([
    db.execute(sql`
      select issuer, funder, envelope::float8 as envelope, currency, opens_at as "opensAt", closes_at as "closesAt", illustrative
      from calls where id = ${callId}`).then((r) => rowsOf<ProgrammeReport['call']>(r)),
    db.execute(sql`select snapshot from publications where call_id = ${callId}`).then((r) => rowsOf<{ snapshot: ResultsSnapshot }>(r)),
    db.execute(sql`
      select count(*)::int as total, (count(*) filter (where eligibility = 'eligible'))::int as eligible
      from applications where call_id = ${callId} and status = 'submitted'`).then((r) => rowsOf<{ total: number; eligible: number }>(r)),
    db.execute(sql`
      select o.country_of_registration as country, count(*)::int as count
      from applications a join organisations o on o.id = a.organisation_id
      where a.call_id = ${callId} and a.status = 'submitted'
      group by 1 order by 2 desc, 1`).then((r) => rowsOf<{ country: string; count: number }>(r)),
    db.execute(sql`
      select c.country, count(distinct a.id)::int as count
      from applications a join organisations o on o.id = a.organisation_id
      cross join lateral unnest(o.operation_countries) as c(country)
      where a.call_id = ${callId} and a.status = 'submitted'
      group by 1 order by 2 desc, 1`).then((r) => rowsOf<{ country: string; count: number }>(r)),
    db.execute(sql`
      select count(*)::int as reviews, count(distinct ra.reviewer_id)::int as reviewers
      from reviews r
      join review_assignments ra on ra.id = r.assignment_id
      join applications a on a.id = ra.application_id
      where a.call_id = ${callId} and a.status = 'submitted' and r.status = 'submitted'`).then((r) => rowsOf<{ reviews: number; reviewers: number }>(r)),
    db.execute(sql`
      select a.reference, o.legal_name as organisation, o.acronym, a.title as project, aw.amount::float8 as amount, o.illustrative
      from awards aw
      join applications a on a.id = aw.application_id
      join organisations o on o.id = a.organisation_id
      where aw.call_id = ${callId} and aw.status = 'accepted'
      order by aw.amount desc, o.legal_name`).then((r) => rowsOf<ProgrammeReport['awards'][number]>(r)),
  ]);

  const awards = awardRows.length
    ? awardRows
    : results.partners.map((p) => ({
        reference: p.reference,
        organisation: p.organisation.name,
        acronym: p.organisation.acronym,
        project: p.project.title,
        amount: p.awardedAmount,
        illustrative: p.illustrative,
      }));
  return {
    results,
    call,
    applied: { ...applied, byRegistration, byOperation },
    selection: { criteria: snapshotRow.snapshot.criteria, reviews: reviews.reviews, reviewers: reviews.reviewers, selected: results.partners.length },
    awards,
    awarded: awards.reduce((n, a) => n + a.amount, 0),
    impact,
  };
}
