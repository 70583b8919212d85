import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from './config';

/**
 * The locale of a page's route, made the locale of everything this render translates
 * (without it next-intl would read a request header, and the page could not be cached).
 * Anything that is not a locale (the build's placeholder) is not found.
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
