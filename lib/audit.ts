import type { Executor } from '@/db';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditActor = { id: string | null; email: string | null };

/** Appends one row to the audit log, inside the caller's transaction. */
export async function writeAudit(executor: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: actor.id,
    actorEmail: actor.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The actor an audit row names: the signed-in user, or nobody (a visitor; a mailed link's holder). */
export function auditActor(user: { id: string; email: string } | null | undefined): AuditActor {
  return { id: user?.id ?? null, email: user?.email ?? null };
}
