import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

/** The messages the reviewer's score card and conflict declaration use. */
export default function ReviewLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['autosave', 'review', 'validation']}>{children}</ClientMessages>;
}
