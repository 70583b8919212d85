'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { setMyLocaleAction } from '@/lib/actions/account';
import { locales, type Locale } from '@/lib/i18n/config';
import { Link, usePathname } from '@/lib/i18n/navigation';

/**
 * The same page in another language. Each language is named in itself (and marked with
 * its lang), so a reader finds theirs whatever the page's language. A signed-in user's
 * choice is kept on the account: their mail follows it, and so does the next visit.
 *
 * The links keep the page's query (a filtered list stays filtered), which a cached page
 * cannot know: in the HTML they lead to the page without it, and the browser puts it in
 * as it starts. Only this list waits for the browser, not the rest of the header.
 */
export function LanguageSwitcher() {
  return (
    <Suspense fallback={<LanguageLinks query={{}} />}>
      <LanguageLinksKeepingQuery />
    </Suspense>
  );
}

function LanguageLinksKeepingQuery() {
  const searchParams = useSearchParams();
  return <LanguageLinks query={Object.fromEntries(searchParams.entries())} />;
}

function LanguageLinks({ query }: { query: Record<string, string> }) {
  const t = useTranslations('nav');
  const names = useTranslations('locales');
  const current = useLocale() as Locale;
  const pathname = usePathname();
  return (
    <nav aria-label={t('language')}>
      <ul className="flex items-center gap-0.5 text-sm sm:gap-1">
        {locales.map((locale) => (
          // On the narrowest screens only the other languages: the page is already in this one.
          <li key={locale} className={locale === current ? 'max-[26rem]:hidden' : undefined}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? 'true' : undefined}
              data-testid={`locale-${locale}`}
              onClick={() => {
                // Whoever is signed in: the header's idea of the viewer can lag a navigation
                // (just signed up, it still says "visitor"), and a choice made then was lost.
                // For a visitor the action refuses and changes nothing.
                if (locale !== current) void setMyLocaleAction({ locale });
              }}
              className="block rounded px-1.5 py-1 text-slate-700 sm:px-2 hover:bg-slate-100 hover:text-brand-700 aria-[current=true]:bg-slate-100 aria-[current=true]:font-semibold"
            >
              {names(locale)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
