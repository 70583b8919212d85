import { defineRouting } from 'next-intl/routing';
import { defaultLocale, localeCookie, locales } from './config';

/**
 * The locale is part of the URL, so every page is cached once per language. English keeps
 * today's unprefixed addresses (`/calls/…`, links in mail already sent); other languages are
 * prefixed (`/fr/calls/…`). The proxy negotiates a visitor's language once (cookie, else
 * Accept-Language) and remembers it in a cookie.
 */
export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'as-needed',
  localeCookie: { name: localeCookie, maxAge: 60 * 60 * 24 * 365 },
});
