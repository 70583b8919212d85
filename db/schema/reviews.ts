import { sql } from 'drizzle-orm';
import {

  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { users } from './auth';
import { criteria } from './calls';
import { createdAt, id, instant, updatedAt } from './columns';

export const assignmentStatusEnum = pgEnum('assignment_status', [
  /** Assigned; the reviewer has not yet declared on conflicts. */
  'pending',
  /** The reviewer declared no conflict and may see the content. */
  'accepted',
  /** The reviewer declared a conflict; the assignment is withdrawn. */
  'conflict',
]);

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: id(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: assignmentStatusEnum().notNull().default('pending'),
    /** Set when something suggests a conflict (e.g. same e-mail domain as the organisation). */
    likelyConflict: text(),
    conflictReason: text(),
    declaredAt: instant(),
    assignedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    assignedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('review_assignments_application_reviewer_unique').on(t.applicationId, t.reviewerId),
    check('review_assignments_conflict_reason', sql`${t.status} <> 'conflict' or coalesce(${t.conflictReason}, '') <> ''`),
    index('review_assignments_reviewer_idx').on(t.reviewerId, t.status),
  ],
);

export const reviewStatusEnum = pgEnum('review_status', ['draft', 'submitted']);
export const recommendationEnum = pgEnum('recommendation', ['recommend', 'maybe', 'do_not_recommend']);

export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    assignmentId: uuid()
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    status: reviewStatusEnum().notNull().default('draft'),
    overallComment: text().notNull().default(''),
    recommendation: recommendationEnum(),
    version: integer().notNull().default(1),
    submittedAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reviews_assignment_unique').on(t.assignmentId),
    check('reviews_submitted_complete', sql`${t.status} = 'draft' or (${t.recommendation} is not null and ${t.submittedAt} is not null)`),
  ],
);

/**
 * One score per criterion. The criterion's scale is copied in and tied to the criterion by a
 * composite foreign key (cascading on update), so the database itself keeps every score
 * inside its criterion's scale, even if the scale is later changed.
 */
export const reviewScores = pgTable(
  'review_scores',
  {
    reviewId: uuid()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    criterionId: uuid().notNull(),
    callId: uuid().notNull(),
    scaleMin: integer().notNull(),
    scaleMax: integer().notNull(),
    score: integer().notNull(),
    comment: text().notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.criterionId] }),
    foreignKey({
      name: 'review_scores_criterion_scale_fk',
      columns: [t.criterionId, t.callId, t.scaleMin, t.scaleMax],
      foreignColumns: [criteria.id, criteria.callId, criteria.scaleMin, criteria.scaleMax],
    })
      .onUpdate('cascade')
      .onDelete('cascade'),
    check('review_scores_within_scale', sql`${t.score} between ${t.scaleMin} and ${t.scaleMax}`),
    index('review_scores_criterion_idx').on(t.criterionId),
  ],
);

export type ReviewAssignment = typeof reviewAssignments.$inferSelect;
export type Review = typeof reviews.$inferSelect;
