import 'server-only';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import { applicationFiles, applications, calls, organisationMembers, organisations, publications } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { applicationIssues } from '@/lib/validations/application';
import { pageNumber } from '../paging';
import { callRules, draftValuesOf, type ApplicationCallRules } from './internal';

// Lists of applications.

export const MY_APPLICATIONS_PAGE_SIZE = 20;

export type PublishedOutcome = 'selected' | 'reserve' | 'not_selected';

/** Applications of every organisation the user belongs to, newest first, a page at a time, with what each still lacks. */
export async function listMyApplications(user: SessionUser, options: { page?: number } = {}) {
  const page = pageNumber(options.page);
  const mine = db.select({ id: organisationMembers.organisationId }).from(organisationMembers).where(eq(organisationMembers.userId, user.id));
  const where = inArray(applications.organisationId, mine);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(applications).where(where),
    db
      .select({
        application: applications,
        organisation: organisations.legalName,
        fileSlots: sql<string[]>`coalesce((select array_agg(${applicationFiles.slotId}::text) from ${applicationFiles} where ${applicationFiles.applicationId} = ${applications.id}), '{}')`,
        // The published outcome (as getPublishedOutcome reads it from the frozen record), so
        // the status never says "Submitted" beside a result: submitted, call published.
        outcome: sql<PublishedOutcome | null>`case when ${applications.status} = 'submitted' and exists (select 1 from ${calls} where ${calls.id} = ${applications.callId} and ${calls.status} = 'published') then
          (select case when ${applications.eligibility} = 'eligible' then coalesce((select r->>'outcome' from jsonb_array_elements(${publications.snapshot}->'ranking') r where r->>'applicationId' = ${applications.id}::text), 'not_selected') else 'not_selected' end
           from ${publications} where ${publications.callId} = ${applications.callId}) end`,
      })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(where)
      .orderBy(desc(applications.updatedAt))
      .limit(MY_APPLICATIONS_PAGE_SIZE)
      .offset((page - 1) * MY_APPLICATIONS_PAGE_SIZE),
  ]);
  const rulesByCall = new Map<string, ApplicationCallRules>();
  for (const callId of new Set(rows.map((r) => r.application.callId))) rulesByCall.set(callId, await callRules(db, callId));
  return {
    page,
    total,
    pageSize: MY_APPLICATIONS_PAGE_SIZE,
    rows: rows.map(({ application: a, organisation, fileSlots, outcome }) => {
      const rules = rulesByCall.get(a.callId)!;
      const issues = a.status === 'draft' ? applicationIssues(draftValuesOf(a), rules, fileSlots) : [];
      return {
        id: a.id,
        reference: a.reference,
        status: a.status,
        title: a.title,
        updatedAt: a.updatedAt,
        submittedAt: a.submittedAt,
        withdrawnAt: a.withdrawnAt,
        organisation,
        call: rules.call,
        /** The steps still incomplete (drafts only). */
        incompleteSteps: [...new Set(issues.map((i) => i.step))],
        /** Once the call's results are published: selected, reserve or not selected. */
        outcome,
      };
    }),
  };
}

/** The applications the user's organisations have made to one call (the apply page opens the one, or offers to start another). */
export async function listMyApplicationsToCall(user: SessionUser, callId: string) {
  assertCan(user, 'application:edit');
  const mine = db.select({ id: organisationMembers.organisationId }).from(organisationMembers).where(eq(organisationMembers.userId, user.id));
  return db
    .select({ id: applications.id, status: applications.status, organisationId: applications.organisationId })
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.organisationId, mine)));
}
