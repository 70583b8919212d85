import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { applications, awards, reportingPeriods } from '@/db/schema';
import { createApplicantOrganisation } from './application-factories';
import { createReviewCall, createSubmittedApplication } from './review-factories';

const DAY = 86_400_000;

/**
 * A published call with one accepted award (organisation A's application, reaching
 * Somalia and Kenya) and an interim reporting period due in `dueInDays` days.
 */
export async function createAcceptedAward(
  options: { dueInDays?: number; organisationName?: string; partner?: Awaited<ReturnType<typeof createApplicantOrganisation>> } = {},
) {
  const { call } = await createReviewCall({ status: 'published', timeZone: 'Africa/Nairobi' });
  const partner = options.partner ?? (await createApplicantOrganisation(options.organisationName ?? 'Reporting Partner'));
  const { application } = await createSubmittedApplication(call, {
    organisation: partner.organisation,
    countries: ['SO', 'KE'],
    title: 'Mobile clinics for returnees',
  });
  await db
    .update(applications)
    .set({ content: { summary: 'A summary.', activities: '- Train 40 community health workers\n- Run 12 mobile clinic days\n', durationMonths: 6 } })
    .where(eq(applications.id, application.id));
  const [award] = await db
    .insert(awards)
    .values({ callId: call.id, applicationId: application.id, amount: 50_000, respondBy: new Date(Date.now() + 14 * DAY), status: 'accepted', respondedAt: new Date() })
    .returning();
  const [period] = await db
    .insert(reportingPeriods)
    .values({
      callId: call.id,
      label: 'Interim report',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      dueAt: new Date(Date.now() + (options.dueInDays ?? 30) * DAY),
    })
    .returning();
  return { call, partner, application, award, period };
}

/** Another period of the award's call (for tests that need one nobody has reported on). */
export async function addPeriod(callId: string, label: string, dueInDays = 60) {
  const [period] = await db
    .insert(reportingPeriods)
    .values({ callId, label, periodStart: '2026-07-01', periodEnd: '2026-12-31', dueAt: new Date(Date.now() + dueInDays * DAY), final: true })
    .returning();
  return period;
}
export type AcceptedAward = Awaited<ReturnType<typeof createAcceptedAward>>;
