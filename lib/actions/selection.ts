'use server';

import { publishResults, recordDecisions, suggestSlateForCall } from '@/lib/data/selection';
import { publishResultsSchema, recordDecisionsSchema, suggestSlateSchema } from '@/lib/validations/selection';
import { cacheTags } from '@/lib/cache/tags';
import { action, readAction } from './action';

export const recordDecisionsAction = action(recordDecisionsSchema, 'decision:record', async ({ input, user, tx }) => {
  const recorded = await recordDecisions(tx, user, input);
  return { saved: recorded.changes.length };
});

/** Computes the suggested slate; writes nothing, so it runs outside any transaction. */
export const suggestSlateAction = readAction(suggestSlateSchema, 'decision:record', async ({ input, user }) => suggestSlateForCall(user, input));

export const publishResultsAction = action(publishResultsSchema, 'results:publish', async ({ input, user, tx, invalidate }) => {
  const published = await publishResults(tx, user, input);
  if (published.already) return { already: true, letters: 0, partners: 0 };
  const slug = published.call.slug;
  invalidate(cacheTags.callList, cacheTags.call(slug), cacheTags.results(slug), cacheTags.partners);
  return { already: false, letters: published.letters, partners: published.partners };
});
