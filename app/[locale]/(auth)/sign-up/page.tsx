import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getOptionalUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/authz';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signUpTitle') };
}

export default async function SignUpPage() {
  const user = await getOptionalUser();
  if (user) await redirectInLocale(homeFor(user.roles));
  const t = await getTranslations('auth');
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t('signUpTitle')}</h1>
        <p className="text-slate-600">{t('signUpIntro')}</p>
      </div>
      <SignUpForm />
      <p className="text-sm text-slate-600">
        {t('haveAccount')}{' '}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          {t('signIn')}
        </Link>
      </p>
    </div>
  );
}
