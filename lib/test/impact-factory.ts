import crypto from 'node:crypto';
import { db } from '@/db';
import { applications, awards, calls, organisations, reportingPeriods, reportReach, reports, type ReportStatus } from '@/db/schema';
import { nextReference } from '@/lib/data/applications/internal';
import type { AgeGroup, PopulationGroup, Sex } from '@/lib/data/impact';

export type ReachRow = [country: string, sex: Sex, ageGroup: AgeGroup, populationGroup: PopulationGroup, people: number];

type PartnerSpec = {
  name: string;
  illustrative?: string;
  /** One report per period index at most. */
  reports: { period: number; status: ReportStatus; reach: ReachRow[] }[];
};

/**
 * A call whose results are published (or not), with accepted awards and reports written
 * straight into the tables (the report form and its review are tested on their own).
 */
export async function callWithReports(options: {
  status?: 'published' | 'selection';
  periods: { label: string; periodStart: string; periodEnd: string; final?: boolean; position?: number }[];
  partners: PartnerSpec[];
  illustrative?: string | null;
}) {
  const slug = `impact-${crypto.randomBytes(4).toString('hex')}`;
  const [call] = await db
    .insert(calls)
    .values({ slug, title: `Impact call ${slug}`, status: options.status ?? 'published', envelope: 500_000, illustrative: options.illustrative ?? null })
    .returning();
  const periods = [];
  for (const p of options.periods) {
    const [row] = await db
      .insert(reportingPeriods)
      .values({ callId: call.id, label: p.label, final: p.final ?? false, periodStart: p.periodStart, periodEnd: p.periodEnd, dueAt: new Date(`${p.periodEnd}T12:00:00Z`), position: p.position ?? 0 })
      .returning();
    periods.push(row);
  }
  const partners = [];
  for (const spec of options.partners) {
    const [org] = await db
      .insert(organisations)
      .values({ legalName: `${spec.name} ${slug}`, countryOfRegistration: 'FR', illustrative: spec.illustrative ?? null })
      .returning();
    const [app] = await db
      .insert(applications)
      .values({ callId: call.id, organisationId: org.id, status: 'submitted', reference: await nextReference(db, 2026), title: `${spec.name} project`, countries: ['LB'], themes: ['health'] })
      .returning();
    const [award] = await db
      .insert(awards)
      .values({ callId: call.id, applicationId: app.id, amount: 50_000, respondBy: new Date(), status: 'accepted', respondedAt: new Date() })
      .returning();
    for (const r of spec.reports) {
      const [report] = await db
        .insert(reports)
        .values({
          awardId: award.id,
          periodId: periods[r.period].id,
          status: r.status,
          narrative: `${spec.name} narrative`,
          reviewComment: r.status === 'changes_requested' ? 'Please add the age groups.' : null,
        })
        .returning();
      if (r.reach.length) {
        await db.insert(reportReach).values(
          r.reach.map(([country, sex, ageGroup, populationGroup, people]) => ({ reportId: report.id, country, sex, ageGroup, populationGroup, people })),
        );
      }
    }
    partners.push({ organisation: org, application: app, award });
  }
  return { call, periods, partners };
}
