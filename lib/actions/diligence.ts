'use server';

import { decideScreeningHit, saveOrganisationPeople } from '@/lib/data/diligence';
import { decideScreeningHitSchema, organisationPeopleSchema } from '@/lib/validations/diligence';
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
