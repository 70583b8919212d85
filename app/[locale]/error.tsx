'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('pages');
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1>{t('errorTitle')}</h1>
      <p className="text-slate-600">{t('errorBody')}</p>
      <Button onClick={reset}>{t('tryAgain')}</Button>
    </div>
  );
}
