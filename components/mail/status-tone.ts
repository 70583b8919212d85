import type { OutboxMessage } from '@/db/schema';

/** The badge colour of a message's delivery state. */
export function statusTone(status: OutboxMessage['status']) {
  return status === 'sent' ? 'success' : status === 'failed' ? 'danger' : status === 'sending' ? 'info' : 'warning';
}
