import { z } from './zod';

export const retryOutboxMessageSchema = z.strictObject({ id: z.uuid() });
export type RetryOutboxMessageInput = z.infer<typeof retryOutboxMessageSchema>;

export const retryFailedOutboxSchema = z.strictObject({});
