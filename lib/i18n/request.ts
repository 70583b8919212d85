import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale } from './config';
import { messagesFor } from './messages';

/**
 * The locale of what is being rendered: the page's [locale] segment (set by pageLocale()
 * and the root layout, so cached pages stay static per language), else next-intl's header
 * from the proxy (actions, route handlers).
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const candidate = await requestLocale;
  const locale = isLocale(candidate) ? candidate : defaultLocale;
  return {
    locale,
    messages: messagesFor(locale),
    // Server-rendered dates name their zone explicitly; this is only the fallback.
    timeZone: 'UTC',
  };
});
