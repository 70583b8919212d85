import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/auth/session';
import { needsEmailVerification } from '@/lib/data/account-tokens';
import { ResendVerificationButton } from './resend-verification-button';

/** A strip under the header while the signed-in user's address is not confirmed. */
export async function VerifyEmailNotice({ user }: { user: SessionUser }) {
  if (!(await needsEmailVerification(user))) return null;
  const t = await getTranslations('account');
  return (
    <div role="status" className="border-b border-amber-200 bg-amber-50 text-sm text-amber-900" data-testid="verify-email-notice">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <span>{t('verifyNotice', { email: user.email })}</span>
        <ResendVerificationButton email={user.email} />
      </div>
    </div>
  );
}
