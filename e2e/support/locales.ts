export const locales = ['en', 'fr', 'ar'] as const;
export type Locale = (typeof locales)[number];

/**
 * The address of a page in a language. English pages live unprefixed; asking for /en/…
 * sends there too, and makes English the remembered choice, whatever was read before.
 */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path === '/' ? '' : path}`;
}
