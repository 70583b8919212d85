'use server';

import { cacheTags } from '@/lib/cache/tags';
import { lapseAward, offerToReserve, respondToAward } from '@/lib/data/awards';
import { lapseAwardSchema, offerToReserveSchema, respondToAwardSchema } from '@/lib/validations/award';
import { action } from './action';

/** A member of the selected organisation accepts or declines its award; the public record gets a dated notice. */
export const respondToAwardAction = action(respondToAwardSchema, 'award:respond', async ({ input, user, tx, invalidate }) => {
  const answered = await respondToAward(tx, user, input);
  invalidate(cacheTags.results(answered.slug), cacheTags.partners);
  return { status: answered.status };
});

/** An admin marks an unanswered offer past its deadline as lapsed. */
export const lapseAwardAction = action(lapseAwardSchema, 'award:manage', async ({ input, user, tx, invalidate }) => {
  const lapsed = await lapseAward(tx, user, input);
  invalidate(cacheTags.results(lapsed.slug), cacheTags.partners);
  return { status: 'lapsed' as const };
});

/** An admin offers a declined or lapsed award to the next reserve application. */
export const offerToReserveAction = action(offerToReserveSchema, 'award:manage', async ({ input, user, tx, invalidate }) => {
  const offered = await offerToReserve(tx, user, input);
  invalidate(cacheTags.results(offered.slug), cacheTags.partners);
  return { awardId: offered.award.id };
});
