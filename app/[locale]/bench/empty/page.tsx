import type { Metadata } from 'next';
import { pageLocale } from '@/lib/i18n/page';

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * A page with nothing of its own, in the same layout and build as every other page: the
 * benchmark's reference for what a page costs before it shows anything (`npm run bench`).
 */
export default async function EmptyPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  return null;
}
