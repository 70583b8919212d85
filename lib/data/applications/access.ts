import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { applications, organisationMembers, organisations, type Application } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan, can } from '@/lib/authz';
import { acceptsApplications } from '@/lib/calls/phase';
import { NotFoundError } from '@/lib/errors';
import { applicationIssues } from '@/lib/validations/application';
import { uuidPattern } from '@/lib/validations/zod';
import { callRules, draftValuesOf, listApplicationFileInfo } from './internal';

// Who may see or change an application.

/** How the viewer comes to see an application. Reviewers (by assignment) join here. */
export type ApplicationAccess = 'member' | 'admin';

/**
 * THE access rule for reading an application (pages, downloads, exports): its
 * organisation's members and admins. Anyone else gets null: for them it does not exist.
 */
export async function findVisibleApplication(
  executor: Executor,
  user: SessionUser | null,
  applicationId: string,
): Promise<{ application: Application; access: ApplicationAccess } | null> {
  if (!user || !uuidPattern.test(applicationId)) return null;
  const [row] = await executor
    .select({ application: applications, memberId: organisationMembers.userId })
    .from(applications)
    .leftJoin(
      organisationMembers,
      and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, user.id)),
    )
    .where(eq(applications.id, applicationId));
  if (!row) return null;
  if (row.memberId && can(user, 'application:edit')) return { application: row.application, access: 'member' };
  if (can(user, 'application:readAll')) return { application: row.application, access: 'admin' };
  return null;
}

/**
 * For every change by the applicant: a member of the application's organisation, the row
 * locked until the transaction ends (so a submit, a save and an upload never interleave).
 */
export async function lockForMember(tx: Executor, user: SessionUser, applicationId: string) {
  assertCan(user, 'application:edit');
  if (!uuidPattern.test(applicationId)) throw new NotFoundError();
  const [row] = await tx
    .select({ application: applications })
    .from(applications)
    .innerJoin(
      organisationMembers,
      and(eq(organisationMembers.organisationId, applications.organisationId), eq(organisationMembers.userId, user.id)),
    )
    .where(eq(applications.id, applicationId))
    .for('update', { of: applications });
  if (!row) throw new NotFoundError();
  return row.application;
}

/** Everything a page shows of one application, or null when the viewer may not see it. */
export async function getApplicationDetail(user: SessionUser | null, applicationId: string, now = new Date()) {
  const visible = await findVisibleApplication(db, user, applicationId);
  if (!visible) return null;
  const { application, access } = visible;
  const [rules, files, [organisation]] = await Promise.all([
    callRules(db, application.callId),
    listApplicationFileInfo(db, application.id),
    db.select({ id: organisations.id, legalName: organisations.legalName }).from(organisations).where(eq(organisations.id, application.organisationId)),
  ]);
  const values = draftValuesOf(application);
  const open = acceptsApplications(rules.call, now);
  const issues = applicationIssues(values, rules, files.map((f) => f.slotId));
  return {
    application,
    access,
    organisation,
    rules,
    files,
    values,
    issues,
    /** The applicant may still change it: a member, and the call open by the server's clock. */
    open,
    editable: access === 'member' && open && application.status === 'draft',
  };
}
export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof getApplicationDetail>>>;
