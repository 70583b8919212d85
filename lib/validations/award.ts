import { isZonedInput } from '@/lib/time/zoned';
import { z } from './zod';

/** The applicant's answer to an award offer: accept, or decline with a reason. */
export const respondToAwardSchema = z.discriminatedUnion('response', [
  z.strictObject({ awardId: z.uuid(), response: z.literal('accept') }),
  z.strictObject({ awardId: z.uuid(), response: z.literal('decline'), reason: z.string().trim().min(1).max(2000) }),
]);
export type RespondToAwardInput = z.infer<typeof respondToAwardSchema>;

/** An admin marks an unanswered offer past its deadline as lapsed. */
export const lapseAwardSchema = z.strictObject({ awardId: z.uuid() });

/**
 * An admin offers a declined or lapsed award to the next reserve application: amount,
 * conditions and a deadline (`2026-05-04T17:00`, read in the call's time zone).
 */
export const offerToReserveSchema = z.strictObject({
  awardId: z.uuid(),
  amount: z.number().int().min(1).max(1_000_000_000),
  conditions: z.string().trim().max(4000),
  respondBy: z.string().refine(isZonedInput, { message: 'invalidFormat' }),
});
export type OfferToReserveInput = z.infer<typeof offerToReserveSchema>;
