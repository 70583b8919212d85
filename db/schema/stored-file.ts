import { integer, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { bytea, instant } from './columns';

/**
 * The columns of an uploaded file kept in the database (application documents, organisation
 * documents, report files): its shown name, the type recognised from its bytes, size, SHA-256,
 * the bytes, and who uploaded it when. A function, so each table gets columns of its own.
 */
export const storedFileColumns = () => ({
  fileName: text().notNull(),
  contentType: text().notNull(),
  size: integer().notNull(),
  sha256: text().notNull(),
  content: bytea().notNull(),
  uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: instant().notNull().defaultNow(),
});
