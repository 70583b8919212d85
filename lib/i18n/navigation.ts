import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

/** Locale-aware redirect and router: use these instead of next/navigation's. */
export const { redirect, usePathname, useRouter, getPathname } = createNavigation(routing);

/** The locale-aware Link, prefetching on intent (intent-link.tsx): use it instead of next/link. */
export { IntentLink as Link } from './intent-link';
