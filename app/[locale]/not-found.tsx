import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('pages');
  return (
    // Cached pages stream, so an access check made while rendering cannot change the HTTP
    // status any more (Next sends 200 with noindex); this marks the answer for tools and tests.
    <div className="mx-auto max-w-xl space-y-4 py-12 text-center" data-status="404">
      <h1>{t('notFoundTitle')}</h1>
      <p className="text-slate-600">{t('notFoundBody')}</p>
      <Link href="/" className="text-brand-600 hover:underline">
        {t('goHome')}
      </Link>
    </div>
  );
}
