'use server';

import { screenApplication } from '@/lib/data/screening';
import { screenApplicationSchema } from '@/lib/validations/screening';
import { action } from './action';

export const screenApplicationAction = action(screenApplicationSchema, 'application:screen', async ({ input, user, tx, audit }) => {
  const result = await screenApplication(tx, user, input);
  await audit({ action: 'application.screened', entityType: 'application', entityId: input.applicationId, before: result.before, after: result.after });
  return result.after;
});
