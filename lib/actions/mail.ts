'use server';

import { retryFailedOutbox, retryOutboxMessage } from '@/lib/data/outbox';
import { retryFailedOutboxSchema, retryOutboxMessageSchema } from '@/lib/validations/mail';
import { action } from './action';

/** An admin puts a failed message back in the queue. */
export const retryOutboxMessageAction = action(
  retryOutboxMessageSchema,
  'outbox:manage',
  async ({ input, user, tx, audit }) => {
    const change = await retryOutboxMessage(tx, user, input.id);
    await audit({ action: 'outbox.retried', entityType: 'outbox', entityId: input.id, before: change.before, after: change.after });
    return { id: input.id };
  },
);

/** An admin puts every failed message back in the queue. */
export const retryFailedOutboxAction = action(
  retryFailedOutboxSchema,
  'outbox:manage',
  async ({ user, tx, audit }) => {
    const result = await retryFailedOutbox(tx, user);
    await audit({ action: 'outbox.retried_all', entityType: 'outbox', after: { count: result.count } });
    return result;
  },
);
