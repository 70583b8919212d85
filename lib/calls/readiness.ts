import { weightBalance } from '@/lib/validations/call';
import { issue } from '@/lib/validations/zod';

export type ReadinessInput = {
  title: string;
  summary: string;
  countries: string[];
  criteria: { weight: number }[];
  opensAt: Date | null;
  closesAt: Date | null;
  maxBudget: number | null;
};

/**
 * What still stops a draft call from opening, as validation messages keyed by the part of
 * the form they concern (an empty object: ready).
 */
export function openingIssues(call: ReadinessInput, now: Date = new Date()): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  const add = (field: string, message: string) => (issues[field] ??= []).push(message);
  if (!call.summary.trim()) add('summary', 'summaryMissing');
  if (!call.countries.length) add('countries', 'noCountries');
  if (!call.criteria.length) add('criteria', 'noCriteria');
  else {
    const { total } = weightBalance(call.criteria);
    if (total !== 100) add('criteria', issue('weightsNot100', { total }));
  }
  if (!call.opensAt) add('opensAt', 'opensAtMissing');
  if (!call.closesAt) add('closesAt', 'closesAtMissing');
  else if (call.closesAt <= now) add('closesAt', 'closesInPast');
  if (call.maxBudget === null) add('maxBudget', 'maxBudgetMissing');
  return issues;
}
