import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MailContent } from '@/lib/mail/layout';
import { users } from './auth';
import { createdAt, id, instant } from './columns';

export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed']);

/**
 * Mail is queued here in the same transaction as the change that causes it and
 * delivered later by the worker (lib/mail/worker.ts).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    toAddress: text().notNull(),
    toUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    template: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    /**
     * The HTML part, when it was stored whole (messages queued before 0008, and tests). A
     * message queued now keeps `content` instead, and its HTML is made from it when it is
     * sent or previewed (lib/mail/outbox.ts mailHtml): the request that queues it does not
     * pay for the layout.
     */
    htmlBody: text(),
    /** What the message says, already in the recipient's language: the layout's input (lib/mail/layout.ts). */
    content: jsonb().$type<MailContent>(),
    status: outboxStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant().notNull().defaultNow(),
    /** A worker holds a claimed message until then; after it, another may retry. */
    lockedUntil: instant(),
    lastError: text(),
    /** Makes a scheduled message (a reminder) unique, so it is queued once. */
    dedupeKey: text(),
    createdAt: createdAt(),
    sentAt: instant(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_key_unique').on(t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_to_idx').on(t.toAddress),
    check('outbox_attempts', sql`${t.attempts} >= 0`),
    check('outbox_html_or_content', sql`${t.htmlBody} is not null or ${t.content} is not null`),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;
