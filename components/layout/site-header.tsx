import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { NavigationProgress } from './navigation-progress';
import { NavMenu } from './nav-menu';

/**
 * The same for every visitor, so it never makes a page dynamic: who is signed in, and
 * their links, come from the NavMenu island. It is in the page's HTML, links and all, so a
 * phone shows it before the JavaScript has run; only the language links' query waits
 * (LanguageSwitcher).
 */
export async function SiteHeader() {
  const t = await getTranslations('nav');
  return (
    <header className="border-b border-slate-200 bg-white">
      <ClientMessages namespaces={['account', 'locales']}>
        <NavigationProgress />
        <NavMenu
          brand={
            <Link href="/" className="shrink-0 text-lg font-bold text-brand-700">
              {t('home')}
            </Link>
          }
        />
      </ClientMessages>
    </header>
  );
}
