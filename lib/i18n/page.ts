import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isPlaceholder } from '@/lib/cache/static-params';
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

/**
 * The slug of a call's cached public page (its page, results, impact, programme report),
 * its locale set as pageLocale does; the build's placeholder is not found before any query.
 */
export async function pageSlug(params: Promise<{ locale: string; slug: string }>): Promise<string> {
  await pageLocale(params);
  const { slug } = await params;
  if (isPlaceholder(slug)) notFound();
  return slug;
}
