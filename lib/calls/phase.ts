import type { CallStatus } from '@/db/schema/calls';

/** What a visitor sees of a call's life, from its status and the server's clock. */
export type PublicPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'results' | 'cancelled';

export function publicPhase(
  call: { status: CallStatus; opensAt: Date | null; closesAt: Date | null },
  now: Date = new Date(),
): PublicPhase {
  switch (call.status) {
    case 'draft':
      return 'draft';
    case 'cancelled':
      return 'cancelled';
    case 'published':
      return 'results';
    case 'in_review':
    case 'selection':
      return 'closed';
    case 'open':
      if (call.opensAt && now < call.opensAt) return 'upcoming';
      if (call.closesAt && now >= call.closesAt) return 'closed';
      return 'open';
  }
}

/** Applications are accepted only while the call is open, by the server's clock. */
export function acceptsApplications(
  call: { status: CallStatus; opensAt: Date | null; closesAt: Date | null },
  now: Date = new Date(),
): boolean {
  return publicPhase(call, now) === 'open';
}
