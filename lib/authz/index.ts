import type { Role } from '@/db/schema/auth';
import { AppError } from '@/lib/errors';

/**
 * Who may do what, as data. Record-level rules (this organisation's application, this
 * reviewer's assignment) live in the data functions of lib/data, which check them too.
 */
export const permissions = {
  'call:manage': ['admin'],
  'user:manage': ['admin'],
  'outbox:read': ['admin'],
  'outbox:manage': ['admin'],
  'audit:read': ['admin'],
  'application:screen': ['admin'],
  /** Every application, read-only; members (and, later, assigned reviewers) see theirs by record (lib/data/applications.ts). */
  'application:readAll': ['admin'],
  'assignment:manage': ['admin'],
  'ranking:read': ['admin'],
  'decision:record': ['admin'],
  'results:publish': ['admin'],
  /** Import the sanctions list, decide screening hits (issue 17). */
  'sanctions:manage': ['admin'],
  /** A call's awards after publication: lapse an unanswered offer, offer a declined one to the reserve list. */
  'award:manage': ['admin'],
  /** Accept or decline an award; the data function checks membership of the organisation. */
  'award:respond': ['applicant'],
  'organisation:manage': ['applicant'],
  'application:edit': ['applicant'],
  'question:ask': ['applicant'],
  'question:answer': ['admin'],
  'review:write': ['reviewer'],
  'review:reopen': ['admin'],
  /** A call's reporting periods, and the review (accept, ask for changes) of its partners' reports. */
  'reporting:manage': ['admin'],
  /** Reports on an accepted award; members of the award's organisation only, by record (lib/data/reports.ts). */
  'report:write': ['applicant'],
  /** Anyone signed in, on their own account (e.g. asking again for the e-mail confirmation link). */
  'account:own': ['admin', 'reviewer', 'applicant'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export type Actor = { id: string; roles: readonly Role[] };

/** Also for the browser (menus, buttons): it needs only the roles. The server checks again. */
export function can(actor: { id?: string; roles: readonly Role[] } | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = permissions[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated');
  if (!can(actor, permission)) throw new AppError('forbidden');
}


/** Where each role starts. A user with several roles starts at the most powerful one. */
export function homeFor(roles: readonly Role[]): string {
  if (roles.includes('admin')) return '/admin';
  if (roles.includes('reviewer')) return '/review';
  return '/dashboard';
}
