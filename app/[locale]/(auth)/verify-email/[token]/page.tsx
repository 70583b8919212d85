import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { ConfirmEmailForm } from '@/components/auth/confirm-email-form';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { getOptionalUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/authz';
import { verificationLinkState } from '@/lib/data/account-tokens';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('verifyTitle'), referrer: 'no-referrer' };
}

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('account');
  const [link, user] = await Promise.all([verificationLinkState(token), getOptionalUser()]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t('verifyTitle')}</h1>
        {link.state === 'open' && <p className="text-slate-600">{t('verifyIntro')}</p>}
      </div>
      {link.state === 'open' && (
        <>
          <p className="font-medium">{link.email}</p>
          <ConfirmEmailForm token={token} />
        </>
      )}
      {link.state === 'confirmed' && (
        <div className="space-y-4">
          <Alert tone="success">{t('verified', { email: link.email! })}</Alert>
          <Link href={user ? homeFor(user.roles) : '/sign-in'} className={buttonClass('primary', 'md', 'w-full')}>
            {t('continue')}
          </Link>
        </div>
      )}
      {link.state === 'invalid' && <Alert tone="error">{t('verifyInvalid')}</Alert>}
    </div>
  );
}
