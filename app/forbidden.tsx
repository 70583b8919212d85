import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('pages');
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1>{t('forbiddenTitle')}</h1>
      <p className="text-slate-600">{t('forbiddenBody')}</p>
      <Link href="/" className="text-brand-600 hover:underline">
        {t('goHome')}
      </Link>
    </div>
  );
}
