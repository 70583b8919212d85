import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';

type Namespace = keyof Messages;

/** What every client island may use (the header, times in the viewer's zone, the error page). */
const base: Namespace[] = ['nav', 'common', 'pages'];

/**
 * Gives the client components below it the message namespaces they use, and only those:
 * the catalogue is never sent whole. A provider replaces its parent's messages, so list
 * every namespace the subtree's client components use.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: Namespace[]; children: ReactNode }) {
  const all = (await getMessages()) as Messages;
  const messages: Partial<Messages> = {};
  for (const ns of new Set([...base, ...namespaces])) (messages as Record<string, unknown>)[ns] = all[ns];
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
