import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { getOptionalUser } from '@/lib/auth/session';
import { signInErrorText } from '@/lib/auth/sign-in-errors';
import { homeFor } from '@/lib/authz';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; code?: string; reset?: string; signedOut?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, code, reset, signedOut } = await searchParams;
  const user = await getOptionalUser();
  if (user) await redirectInLocale(homeFor(user.roles));
  const t = await getTranslations('auth');
  const ta = await getTranslations('account');
  // Auth.js's own endpoint (scripts posting to /api/auth/callback/credentials) lands here on failure.
  const authError = error ? await signInErrorText(typeof code === 'string' ? code : undefined) : null;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t('signInTitle')}</h1>
        <p className="text-slate-600">{t('signInIntro')}</p>
      </div>
      {authError && <Alert tone="error">{authError}</Alert>}
      {reset === 'done' && !authError && <Alert tone="success">{ta('passwordChanged')}</Alert>}
      {signedOut === 'all' && !authError && <Alert tone="success">{t('signedOutEverywhere')}</Alert>}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
          {ta('forgotLink')}
        </Link>
      </p>
      <p className="text-sm text-slate-600">
        {t('noAccount')}{' '}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
          {t('signUp')}
        </Link>
      </p>
    </div>
  );
}
