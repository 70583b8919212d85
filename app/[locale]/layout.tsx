import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { HoldSubmitsScript } from '@/components/forms/held-submits';
import { ReleaseHeldSubmits } from '@/components/forms/release-held-submits';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { directionOf } from '@/lib/i18n/config';
import { pageLocale } from '@/lib/i18n/page';
import { placeholderParam } from '@/lib/cache/static-params';
import '../globals.css';

/**
 * Pages render on their first request and are cached from then on (public ones), never at
 * build time: the build has no database. The placeholder satisfies Cache Components' rule
 * that a root parameter lists at least one value; it is a 404.
 */
export function generateStaticParams() {
  return [{ locale: placeholderParam }];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  await pageLocale(params);
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = await getTranslations('nav');
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <HoldSubmitsScript />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          <ClientMessages>{children}</ClientMessages>
        </main>
        <SiteFooter />
        <ReleaseHeldSubmits />
      </body>
    </html>
  );
}
