import { AsyncLocalStorage } from 'node:async_hooks';
import { getLocale } from 'next-intl/server';
import { defaultLocale, isLocale, type Locale } from './config';

// Lets code outside a request (tests, scripts) run the same actions in a given language.
const localeScope = new AsyncLocalStorage<Locale>();

export function speaking<T>(locale: Locale, fn: () => Promise<T>): Promise<T> {
  return localeScope.run(locale, fn);
}

/** The request's language (the URL's, as the proxy resolved it); the default outside a request. */
export async function requestLocale(): Promise<Locale> {
  const scoped = localeScope.getStore();
  if (scoped) return scoped;
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : defaultLocale;
  } catch {
    // Outside a request (tests, start-up scripts): the default language.
    return defaultLocale;
  }
}
