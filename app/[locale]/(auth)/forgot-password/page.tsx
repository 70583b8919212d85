import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('forgotTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('account');
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t('forgotTitle')}</h1>
        <p className="text-slate-600">{t('forgotIntro')}</p>
      </div>
      <ForgotPasswordForm />
      <p className="text-sm">
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          {t('backToSignIn')}
        </Link>
      </p>
    </div>
  );
}
