import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns';

export const roleEnum = pgEnum('role', ['admin', 'reviewer', 'applicant']);
export type Role = (typeof roleEnum.enumValues)[number];

export const users = pgTable(
  'users',
  {
    id: id(),
    name: text(),
    /** Always stored lower-case (see lib/validations/auth.ts). */
    email: text().notNull(),
    // Auth.js adapter column: a plain timestamp, as the adapter expects.
    emailVerified: timestamp({ mode: 'date' }),
    image: text(),
    passwordHash: text(),
    /** Bumped on disable, role change and password change: older sessions stop working. */
    sessionVersion: integer().notNull().default(0),
    disabledAt: instant(),
    locale: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    grantedAt: createdAt(),
    grantedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Single-use, expiring tokens mailed to a user; only a hash of the token is stored. */
export const tokenPurposeEnum = pgEnum('token_purpose', [
  'invitation',
  'email_verification',
  'password_reset',
  'organisation_invitation',
]);
export type TokenPurpose = (typeof tokenPurposeEnum.enumValues)[number];

export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    purpose: tokenPurposeEnum().notNull(),
    tokenHash: text().notNull(),
    email: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    /** Purpose-specific details, e.g. the roles an invitation grants. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_tokens_hash_unique').on(t.tokenHash), index('user_tokens_email_idx').on(t.email)],
);

// Tables of the Auth.js Drizzle adapter (used by OAuth or e-mail providers; the
// Credentials provider keeps sessions in a signed JWT).
export const accounts = pgTable(
  'accounts',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().$type<'oauth' | 'oidc' | 'email' | 'webauthn'>().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text(),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable('sessions', {
  sessionToken: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp({ mode: 'date' }).notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type User = typeof users.$inferSelect;
