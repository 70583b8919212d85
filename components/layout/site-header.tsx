import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { NavMenu } from './nav-menu';

/**
 * The same for every visitor, so it never makes a page dynamic: who is signed in, and
 * their links, come from the NavMenu island.
 */
export async function SiteHeader() {
  const t = await getTranslations('nav');
  const brand = (
    <Link href="/" className="shrink-0 text-lg font-bold text-brand-700">
      {t('home')}
    </Link>
  );
  return (
    <header className="border-b border-slate-200 bg-white">
      <ClientMessages namespaces={['account', 'locales']}>
        <Suspense
          fallback={
            <div className="mx-auto flex min-h-14 max-w-6xl items-center px-4 py-2">{brand}</div>
          }
        >
          <NavMenu brand={brand} />
        </Suspense>
      </ClientMessages>
    </header>
  );
}
