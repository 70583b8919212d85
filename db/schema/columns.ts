import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key used by every table: a random UUID made by the database. */
export const id = () => uuid().primaryKey().defaultRandom();

/** An instant, always with its time zone (stored as UTC). */
export const instant = () => timestamp({ withTimezone: true, mode: 'date' });

export const createdAt = () => instant().notNull().defaultNow();
export const updatedAt = () =>
  instant()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Raw file bytes kept in the database, so a file and its row commit together. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});
