import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConfirmEmailForm } from '@/components/auth/confirm-email-form';
import { Alert } from '@/components/ui/alert';
import { db } from '@/db';
import { getOptionalUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/authz';
import { findOpenToken } from '@/lib/data/account-tokens';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('verifyTitle'), referrer: 'no-referrer' };
}

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('account');
  const [open, user] = await Promise.all([findOpenToken(db, 'email_verification', token), getOptionalUser()]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t('verifyTitle')}</h1>
        {open && <p className="text-slate-600">{t('verifyIntro')}</p>}
      </div>
      {open ? (
        <>
          <p className="font-medium">{open.email}</p>
          <ConfirmEmailForm token={token} continueTo={user ? homeFor(user.roles) : '/sign-in'} />
        </>
      ) : (
        <Alert tone="error">{t('verifyInvalid')}</Alert>
      )}
    </div>
  );
}
