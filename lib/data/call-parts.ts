import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { callCountries, callThemes, criteria } from '@/db/schema';

/**
 * The parts of a call that its page, its application rules, the ranking, the selection
 * board and the published results all load the same way. No access check: callers are
 * data functions that have checked it.
 */

/** The call's countries and themes, as codes in alphabetical order. */
export async function callCodes(executor: Executor, callId: string): Promise<{ countries: string[]; themes: string[] }> {
  const [countries, themes] = await Promise.all([
    executor.select({ code: callCountries.countryCode }).from(callCountries).where(eq(callCountries.callId, callId)).orderBy(callCountries.countryCode),
    executor.select({ code: callThemes.theme }).from(callThemes).where(eq(callThemes.callId, callId)).orderBy(callThemes.theme),
  ]);
  return { countries: countries.map((c) => c.code), themes: themes.map((t) => t.code) };
}

/** The call's criteria, in their order. */
export function callCriteria(executor: Executor, callId: string) {
  return executor.select().from(criteria).where(eq(criteria.callId, callId)).orderBy(asc(criteria.position));
}
