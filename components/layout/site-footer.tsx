import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('nav');
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600">
        <p>{t('footer')}</p>
        <p>{t('openData')}</p>
      </div>
    </footer>
  );
}
