'use server';

import { screenApplication } from '@/lib/data/screening';
import { screenApplicationSchema } from '@/lib/validations/screening';
import { action } from './action';

export const screenApplicationAction = action(screenApplicationSchema, 'application:screen', async ({ input, user, tx }) => {
  const result = await screenApplication(tx, user, input);
  return result.after;
});
