'use server';

import { retryFailedOutbox, retryOutboxMessage } from '@/lib/data/outbox';
import { retryFailedOutboxSchema, retryOutboxMessageSchema } from '@/lib/validations/mail';
import { action } from './action';

/** An admin puts a failed message back in the queue. */
export const retryOutboxMessageAction = action(
  retryOutboxMessageSchema,
  'outbox:manage',
  async ({ input, user, tx }) => {
    await retryOutboxMessage(tx, user, input.id);
    return { id: input.id };
  },
);

/** An admin puts every failed message back in the queue. */
export const retryFailedOutboxAction = action(
  retryFailedOutboxSchema,
  'outbox:manage',
  async ({ user, tx }) => retryFailedOutbox(tx, user),
);
