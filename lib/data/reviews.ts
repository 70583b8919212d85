import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { applications, calls, reviewAssignments, reviews } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';

/** The reviewer's own assignments: never anyone else's. */
export async function listMyAssignments(user: SessionUser) {
  assertCan(user, 'review:write');
  return db
    .select({
      id: reviewAssignments.id,
      status: reviewAssignments.status,
      reviewStatus: reviews.status,
      reference: applications.reference,
      title: applications.title,
      call: { title: calls.title, reviewDeadline: calls.reviewDeadline, timeZone: calls.timeZone, blindReview: calls.blindReview },
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.reviewerId, user.id))
    .orderBy(asc(calls.reviewDeadline), asc(applications.reference));
}
