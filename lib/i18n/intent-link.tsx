'use client';

import { useRouter } from 'next/navigation';
import type { ComponentProps, SyntheticEvent } from 'react';
import { createNavigation } from 'next-intl/navigation';
import { ReportLinkPending } from './link-pending';
import { routing } from './routing';

// Its own instance: navigation.ts re-exports this module, so importing its Link here would be circular.
const { Link: LocaleLink } = createNavigation(routing);

/**
 * next-intl's locale-aware Link, prefetching on intent rather than on sight.
 *
 * Next.js prefetches every link as it scrolls into view: a page view asked the server for
 * 10 (home) to 25 (admin tables) other pages, most of them rendered per user, whether or
 * not anyone followed them. On deadline day that is the server's time, on a phone it is the
 * applicant's data, and a click waited behind the queue. Here a link prefetches when the
 * pointer rests on it, it takes the keyboard's focus, or a finger touches it: the one page
 * the person is about to open, a moment before the click. `prefetch={false}` turns even
 * that off. Once clicked, it shows in the page's progress bar until its page is there.
 */
export function IntentLink({ prefetch, onMouseEnter, onFocus, onTouchStart, children, ...props }: ComponentProps<typeof LocaleLink>) {
  const router = useRouter();
  // A link that changes the language is never prefetched (next-intl sets its cookie on click).
  const prefetchOnIntent = prefetch !== false && props.locale === undefined;
  /** Prefetches the page as rendered (with its language prefix; only this site's pages), then runs the caller's handler. */
  const onIntent =
    <E extends SyntheticEvent<HTMLAnchorElement>>(own?: (event: E) => void) =>
    (event: E) => {
      const href = event.currentTarget.getAttribute('href');
      if (prefetchOnIntent && href?.startsWith('/') && !href.startsWith('//')) router.prefetch(href);
      own?.(event);
    };
  return (
    <LocaleLink
      {...props}
      prefetch={false}
      onMouseEnter={onIntent(onMouseEnter)}
      onFocus={onIntent(onFocus)}
      onTouchStart={onIntent(onTouchStart)}
    >
      {children}
      <ReportLinkPending />
    </LocaleLink>
  );
}
