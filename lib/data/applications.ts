import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { applications, calls, organisationMembers, organisations } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';

/** The organisations the user belongs to. */
export async function listMyOrganisations(user: SessionUser) {
  return db
    .select({ id: organisations.id, legalName: organisations.legalName, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, user.id))
    .orderBy(organisations.legalName);
}

/** Applications of every organisation the user belongs to, newest first. */
export async function listMyApplications(user: SessionUser) {
  const orgIds = (await listMyOrganisations(user)).map((o) => o.id);
  if (!orgIds.length) return [];
  return db
    .select({
      id: applications.id,
      reference: applications.reference,
      status: applications.status,
      title: applications.title,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      organisation: organisations.legalName,
      call: { slug: calls.slug, title: calls.title, status: calls.status, closesAt: calls.closesAt, opensAt: calls.opensAt, timeZone: calls.timeZone },
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(inArray(applications.organisationId, orgIds)))
    .orderBy(desc(applications.updatedAt));
}
