import { getLocale } from 'next-intl/server';
import { defaultLocale, isLocale, locales } from './config';
import { redirect } from './navigation';

/**
 * Redirects to a page in the language of the current request (`/fr/…` from a French page),
 * for server code: pages and actions. A plain redirect would drop the prefix. `to` sends
 * to another language instead (a user's saved one, at sign-in). English has no prefix.
 */
export async function redirectInLocale(href: string, to?: string | null): Promise<never> {
  const locale = isLocale(to) ? to : await currentLocale();
  // A path that already names a language (a return address) is taken without it.
  const bare = href.replace(new RegExp(`^/(${locales.join('|')})(?=/|$|\\?)`), '') || '/';
  // next-intl's redirect adds the prefix (none for English), as its Link does.
  return redirect({ href: bare.startsWith('/') ? bare : `/${bare}`, locale });
}

async function currentLocale() {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : defaultLocale;
  } catch {
    // Outside a request (tests, scripts).
    return defaultLocale;
  }
}
