import { notFound } from 'next/navigation';
import { placeholderParam } from '@/lib/cache/static-params';
import { pageLocale } from '@/lib/i18n/page';

/** Any address that matches no page: the not-found page, in the visitor's language and layout. */
export function generateStaticParams() {
  return [{ rest: [placeholderParam] }];
}

export default async function UnknownPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  notFound();
}
