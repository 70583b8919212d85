import { sql } from 'drizzle-orm';
import { bigint, boolean, check, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { users } from './auth';
import { calls } from './calls';
import { createdAt, id, instant, updatedAt } from './columns';

export const outcomeEnum = pgEnum('outcome', ['selected', 'reserve', 'not_selected']);
export type Outcome = (typeof outcomeEnum.enumValues)[number];

export const decisions = pgTable(
  'decisions',
  {
    applicationId: uuid()
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    outcome: outcomeEnum().notNull(),
    /** Whole units of the call's currency; only for selected applications. */
    awardedAmount: bigint({ mode: 'number' }),
    rationale: text().notNull(),
    /** Share the panel's comments with the applicant in the outcome letter. */
    shareComments: boolean().notNull().default(false),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant().notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('decisions_rationale', sql`length(trim(${t.rationale})) > 0`),
    check(
      'decisions_award',
      sql`(${t.outcome} = 'selected' and ${t.awardedAmount} is not null and ${t.awardedAmount} > 0) or (${t.outcome} <> 'selected' and ${t.awardedAmount} is null)`,
    ),
  ],
);

/** The frozen public record of a call's results; see lib/data/publication.ts for its shape. */
export const publications = pgTable(
  'publications',
  {
    id: id(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: createdAt(),
  },
  (t) => [uniqueIndex('publications_call_unique').on(t.callId)],
);
