import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. Written in the
 * same transaction as the change it records.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: createdAt(),
    /** No foreign key: the log outlives users and must never be rewritten by a cascade. */
    actorId: uuid(),
    /** Kept as text too: the actor may be anonymous (a failed sign-in) or later deleted. */
    actorEmail: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_action_idx').on(t.action, t.at),
    index('audit_log_actor_email_idx').on(t.actorEmail, t.at),
  ],
);
