import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { Alert } from '@/components/ui/alert';
import { findOpenPasswordReset } from '@/lib/data/account-tokens';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('resetTitle'), referrer: 'no-referrer' };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('account');
  const open = await findOpenPasswordReset(token);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t('resetTitle')}</h1>
        {open && <p className="text-slate-600">{t('resetIntro', { email: open.email })}</p>}
      </div>
      {open ? (
        <ResetPasswordForm token={token} email={open.email} />
      ) : (
        <>
          <Alert tone="error">{t('resetInvalid')}</Alert>
          <p className="text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
              {t('askAgain')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
