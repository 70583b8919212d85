import { getLocale } from 'next-intl/server';
import { defaultLocale, isLocale, type Locale } from './config';

/** The request's language (the URL's, as the proxy resolved it); the default outside a request. */
export async function requestLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : defaultLocale;
  } catch {
    // Outside a request (tests, start-up scripts): the default language.
    return defaultLocale;
  }
}
