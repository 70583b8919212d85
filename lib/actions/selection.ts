'use server';

import { publishResults, recordDecisions, suggestSlateForCall } from '@/lib/data/selection';
import { publishResultsSchema, recordDecisionsSchema, suggestSlateSchema } from '@/lib/validations/selection';
import { action } from './action';

export const recordDecisionsAction = action(recordDecisionsSchema, 'decision:record', async ({ input, user, tx, audit, revalidate }) => {
  const recorded = await recordDecisions(tx, user, input);
  for (const change of recorded.changes) {
    await audit({ action: 'decision.recorded', entityType: 'application', entityId: change.applicationId, before: change.before, after: change.after });
  }
  revalidate(`/admin/calls/${input.callId}/selection`, `/admin/calls/${input.callId}`);
  return { saved: recorded.changes.length };
});

/** Computes the suggested slate; writes nothing. */
export const suggestSlateAction = action(suggestSlateSchema, 'decision:record', async ({ input, user, tx }) => suggestSlateForCall(tx, user, input));

export const publishResultsAction = action(publishResultsSchema, 'results:publish', async ({ input, user, tx, audit, revalidate }) => {
  const published = await publishResults(tx, user, input);
  if (published.already) return { already: true, letters: 0, partners: 0 };
  await audit({
    action: 'results.published',
    entityType: 'call',
    entityId: published.call.id,
    before: { status: published.call.status },
    after: { status: 'published', partners: published.partners, letters: published.letters },
  });
  revalidate('/', '/partners', `/calls/${published.call.slug}`, `/calls/${published.call.slug}/results`, `/admin/calls/${published.call.id}`);
  return { already: false, letters: published.letters, partners: published.partners };
});
