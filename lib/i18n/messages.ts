import type { Locale } from './config';
import ar from './messages/ar.json';
import en from './messages/en.json';
import fr from './messages/fr.json';

/** English is the reference: every other catalogue has exactly its keys (see messages.test.ts). */
export type Messages = typeof en;

/**
 * Keys are checked at compile time (a missing namespace or key fails the type check);
 * arguments, tags and plural forms by messages.test.ts.
 */
const catalogs: Record<Locale, Messages> = { en, fr, ar };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
