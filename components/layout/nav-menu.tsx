'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useTransition, type ReactNode } from 'react';
import { ResendVerificationButton } from '@/components/auth/resend-verification-button';
import { can } from '@/lib/authz';
import { buttonClass } from '@/components/ui/button';
import { signOutAction } from '@/lib/actions/auth';
import { Link, usePathname, useRouter } from '@/lib/i18n/navigation';
import { cn } from '@/lib/utils';
import { LanguageSwitcher } from './language-switcher';
import { forgetViewer, useViewer, useViewerRefresh } from './use-viewer';

/**
 * The header's links and the signed-in user. On a phone the links fold into a menu
 * button; from `md` up they sit in one row.
 *
 * The phone's panel is a native popover opened by its button (`popovertarget`), not by
 * React state: it opens before the page's JavaScript has run (seconds on a slow phone) and
 * without it; the browser tells screen readers whether it is open, closes it on Escape or a
 * tap elsewhere, and puts its links right after the button in the tab order.
 */
export function NavMenu({ brand }: { brand: ReactNode }) {
  const t = useTranslations('nav');
  const ta = useTranslations('account');
  const viewer = useViewer();
  const pathname = usePathname();
  const panelId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useViewerRefresh(pathname);
  // A link followed from the open menu lands on a page with the menu closed.
  useEffect(() => {
    if (panel.current?.matches(':popover-open')) panel.current.hidePopover();
  }, [pathname]);

  const links: { href: string; label: string }[] = [
    { href: '/', label: t('calls') },
    { href: '/partners', label: t('partners') },
  ];
  // Each link shows to whoever holds the permission its page asks for.
  if (can(viewer, 'application:edit')) links.push({ href: '/dashboard', label: t('myApplications') });
  if (can(viewer, 'organisation:manage')) links.push({ href: '/organisation', label: t('organisation') });
  if (can(viewer, 'review:write')) links.push({ href: '/review', label: t('review') });
  if (can(viewer, 'call:manage')) links.push({ href: '/admin', label: t('admin') });

  const account =
    viewer === undefined ? (
      // Not known yet: keep the space, so nothing jumps when it is.
      <div className="h-8" aria-hidden />
    ) : viewer ? (
      <div className="flex flex-wrap items-center gap-3 text-sm md:flex-nowrap md:whitespace-nowrap">
        <span className="text-slate-600" data-testid="signed-in-as">
          {t('signedInAs', { name: viewer.name ?? viewer.email })}
        </span>
        <Link href="/account" className="text-slate-700 hover:text-brand-700 hover:underline">
          {t('account')}
        </Link>
        <SignOutButton label={t('signOut')} />
      </div>
    ) : (
      <div className="flex flex-wrap items-center gap-2 text-sm md:flex-nowrap md:whitespace-nowrap">
        <Link href="/sign-in" className={buttonClass('ghost', 'sm')}>
          {t('signIn')}
        </Link>
        <Link href="/sign-up" className={buttonClass('primary', 'sm')}>
          {t('signUp')}
        </Link>
      </div>
    );

  const linkList = (
    <ul className="flex flex-col gap-1 text-sm md:flex-row md:flex-wrap md:gap-x-4 md:gap-y-1">
      {links.map((link) => (
        <li key={link.href}>
          <Link
            href={link.href}
            aria-current={pathname === link.href ? 'page' : undefined}
            className="block rounded px-1 py-2 whitespace-nowrap text-slate-700 hover:text-brand-700 hover:underline md:py-0 aria-[current=page]:font-semibold"
          >
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );

  // One set of links and one account block: on a phone they fold into the panel the menu
  // button opens; from `md` up they sit in the header's row.
  return (
    <>
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-3 px-4 py-2 md:gap-x-4 xl:gap-x-6">
        {brand}
        {/* Outside the folding menu: a reader who cannot read this language finds theirs at once. */}
        <div className="ms-auto md:order-last md:ms-0">
          <LanguageSwitcher />
        </div>
        <button type="button" popoverTarget={panelId} className={cn(buttonClass('secondary', 'sm'), 'group md:hidden')}>
          {/* The icon follows the panel's state in CSS (`:has`), so it is right before hydration too. */}
          <span aria-hidden className="group-has-[~:popover-open]:hidden">
            ☰
          </span>
          <span aria-hidden className="hidden group-has-[~:popover-open]:inline">
            ✕
          </span>
          {/* On the narrowest screens the icon alone, so the brand, languages and menu share one line. */}
          <span className="sr-only min-[26rem]:not-sr-only">{t('menu')}</span>
        </button>
        <div
          id={panelId}
          ref={panel}
          popover="auto"
          className={cn(
            // On a phone, open: a sheet across the page just below the header's line (absolute
            // in the top layer: it scrolls with the page, as the header does).
            'absolute inset-x-0 top-14 bottom-auto m-0 w-full max-w-none flex-col gap-3 overflow-visible border-0 border-y border-slate-200 bg-white px-4 py-3 text-inherit shadow-lg open:flex',
            // From `md` up: never a popover, just the rest of the header's row. Links and the
            // account never break inside; when the row is too narrow (French, an applicant's
            // four links), the account moves below the links as a whole.
            'md:static md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:justify-between md:gap-x-4 md:gap-y-2 md:border-0 md:p-0 md:shadow-none',
          )}
        >
          <nav aria-label={t('mainNavigation')}>{linkList}</nav>
          {account}
        </div>
      </div>
      {viewer?.emailUnconfirmed && (
        <div role="status" className="border-t border-amber-200 bg-amber-50 text-sm text-amber-900" data-testid="verify-email-notice">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
            <span>{ta('verifyNotice', { email: viewer.email })}</span>
            <ResendVerificationButton email={viewer.email} />
          </div>
        </div>
      )}
    </>
  );
}

/** Signs out, then (with JavaScript) forgets the user in the header and goes home. */
function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <form
      action={signOutAction}
      onSubmit={(event) => {
        event.preventDefault();
        start(async () => {
          await signOutAction();
          forgetViewer();
          router.push('/');
          router.refresh();
        });
      }}
    >
      <button type="submit" className={buttonClass('secondary', 'sm')} disabled={pending} aria-busy={pending || undefined}>
        {label}
      </button>
    </form>
  );
}
