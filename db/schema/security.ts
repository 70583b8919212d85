import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, instant } from './columns';

/**
 * One row per signed-in browser. The session cookie names its row, and every request
 * checks it (lib/auth/session.ts): signing out revokes it on the server, so a copied
 * cookie stops working; it also ends after the idle and absolute lifetimes.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Moved forward at most once a minute while the session is used (the idle lifetime counts from it). */
    lastSeenAt: instant().notNull().defaultNow(),
    /** The absolute end, fixed at sign-in. */
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    /** The browser's own description, to tell sessions apart on the account page. */
    userAgent: text(),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/**
 * Counters for rate limits, one per key ("sign-in:address:…"), counted by one atomic
 * upsert so that parallel requests and several instances share the count.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().primaryKey(),
    hits: integer().notNull(),
    windowEndsAt: instant().notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowEndsAt)],
);
