'use server';

import { decideScreeningHit, liftOrganisationFlag, raiseOrganisationFlag, saveOrganisationPeople } from '@/lib/data/diligence';
import { answerVerificationItem } from '@/lib/data/verification';
import { answerVerificationSchema, decideScreeningHitSchema, liftFlagSchema, organisationPeopleSchema, raiseFlagSchema } from '@/lib/validations/diligence';
import { action } from './action';

/** A member keeps the organisation's directors and officers up to date; they are screened at once. */
export const saveOrganisationPeopleAction = action(organisationPeopleSchema, 'organisation:manage', async ({ input, user, tx }) =>
  saveOrganisationPeople(tx, user, input),
);

/** An admin clears a screening hit as a false positive, or confirms it; both with the reason. */
export const decideScreeningHitAction = action(decideScreeningHitSchema, 'sanctions:manage', async ({ input, user, tx }) => {
  const decided = await decideScreeningHit(tx, user, input);
  return { status: decided.status, madeIneligible: decided.madeIneligible.length };
});

/** An admin raises a risk flag on an organisation (a red one holds any award). */
export const raiseOrganisationFlagAction = action(raiseFlagSchema, 'sanctions:manage', async ({ input, user, tx }) => {
  const flag = await raiseOrganisationFlag(tx, user, input);
  return { flagId: flag.id };
});

/** An admin lifts a flag with the reason; it stays in the organisation's history. */
export const liftOrganisationFlagAction = action(liftFlagSchema, 'sanctions:manage', async ({ input, user, tx }) => liftOrganisationFlag(tx, user, input));

/** An admin answers one item of an organisation's verification checklist ("met" with a document that has not expired). */
export const answerVerificationAction = action(answerVerificationSchema, 'sanctions:manage', async ({ input, user, tx }) => answerVerificationItem(tx, user, input));
