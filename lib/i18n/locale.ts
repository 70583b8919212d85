import { cookies, headers } from 'next/headers';
import { defaultLocale, isLocale, localeCookie, negotiateLocale, type Locale } from './config';

/** The request's language: the cookie the user chose, else the browser's preference. */
export async function requestLocale(): Promise<Locale> {
  try {
    const chosen = (await cookies()).get(localeCookie)?.value;
    if (isLocale(chosen)) return chosen;
    return negotiateLocale((await headers()).get('accept-language'));
  } catch {
    // Outside a request (tests, start-up scripts): the default language.
    return defaultLocale;
  }
}
