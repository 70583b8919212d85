import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getOptionalUser } from '@/lib/auth/session';
import { signOutAction } from '@/lib/actions/auth';
import { buttonClass } from '@/components/ui/button';
import { VerifyEmailNotice } from '@/components/auth/verify-email-notice';

export async function SiteHeader() {
  const t = await getTranslations('nav');
  const user = await getOptionalUser();
  const links: { href: string; label: string }[] = [
    { href: '/', label: t('calls') },
    { href: '/partners', label: t('partners') },
  ];
  if (user?.roles.includes('applicant')) {
    links.push({ href: '/dashboard', label: t('myApplications') }, { href: '/organisation', label: t('organisation') });
  }
  if (user?.roles.includes('reviewer')) links.push({ href: '/review', label: t('review') });
  if (user?.roles.includes('admin')) links.push({ href: '/admin', label: t('admin') });

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-700">
          {t('home')}
        </Link>
        <nav aria-label={t('mainNavigation')} className="flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-slate-700 hover:text-brand-700 hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600" data-testid="signed-in-as">
              {t('signedInAs', { name: user.name ?? user.email })}
            </span>
            <Link href="/account" className="text-slate-700 hover:text-brand-700 hover:underline">
              {t('account')}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass('secondary', 'sm')}>
                {t('signOut')}
              </button>
            </form>
          </div>
        ) : (
          <div className="flex items-center gap-2 text-sm">
            <Link href="/sign-in" className={buttonClass('ghost', 'sm')}>
              {t('signIn')}
            </Link>
            <Link href="/sign-up" className={buttonClass('primary', 'sm')}>
              {t('signUp')}
            </Link>
          </div>
        )}
      </div>
      {user && <VerifyEmailNotice user={user} />}
    </header>
  );
}
