'use server';

import { cacheTags } from '@/lib/cache/tags';
import { deleteReportingPeriod, reviewReport, saveReportDraft, saveReportingPeriod, submitReport } from '@/lib/data/reports';
import {
  deleteReportingPeriodSchema,
  reportingPeriodSchema,
  reviewReportSchema,
  saveReportDraftSchema,
  submitReportSchema,
} from '@/lib/validations/reports';
import { action } from './action';

export const saveReportingPeriodAction = action(reportingPeriodSchema, 'reporting:manage', async ({ input, user, tx }) => {
  const period = await saveReportingPeriod(tx, user, input);
  return { periodId: period.id };
});

export const deleteReportingPeriodAction = action(deleteReportingPeriodSchema, 'reporting:manage', async ({ input, user, tx }) => {
  await deleteReportingPeriod(tx, user, input);
  return { periodId: input.periodId };
});

export const saveReportDraftAction = action(saveReportDraftSchema, 'report:write', async ({ input, user, tx }) => {
  const saved = await saveReportDraft(tx, user, input);
  return { version: saved.version, savedAt: saved.savedAt };
});

export const submitReportAction = action(submitReportSchema, 'report:write', async ({ input, user, tx }) => {
  const result = await submitReport(tx, user, input);
  return { version: result.version, alreadySubmitted: result.alreadySubmitted };
});

export const reviewReportAction = action(reviewReportSchema, 'reporting:manage', async ({ input, user, tx, invalidate }) => {
  const result = await reviewReport(tx, user, input);
  // Only accepted reports count on the call's public impact page.
  if (result.status === 'accepted') invalidate(cacheTags.impact(result.callSlug));
  return { status: result.status };
});
