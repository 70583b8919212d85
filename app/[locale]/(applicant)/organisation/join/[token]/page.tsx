import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { JoinOrganisationForm } from '@/components/organisation/join-organisation-form';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { getOptionalUser } from '@/lib/auth/session';
import { getOrganisationInvitationForViewer } from '@/lib/data/organisations';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organisation');
  return { title: t('joinTitle'), referrer: 'no-referrer' };
}

/**
 * The page an organisation invitation links to. Open to visitors (the token is the
 * credential): a signed-in invitee joins with one click, a new one creates the account
 * here, an existing one signs in first.
 */
export default async function JoinOrganisationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('organisation');
  const user = await getOptionalUser();
  const found = await getOrganisationInvitationForViewer(user, token);
  if (!found) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1>{t('joinTitle')}</h1>
        <Alert tone="error">{t('invitationInvalid')}</Alert>
      </div>
    );
  }
  const { invitation, inviteeHasAccount } = found;
  const here = `/organisation/join/${token}`;
  let body;
  if (user) {
    body =
      user.email === invitation.email ? (
        <JoinOrganisationForm token={token} email={invitation.email} createAccount={false} />
      ) : (
        <Alert tone="warning">{t('invitationOtherEmail', { email: invitation.email })}</Alert>
      );
  } else {
    body = inviteeHasAccount ? (
      <div className="space-y-3">
        <p>{t('signInToJoin', { email: invitation.email })}</p>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass('primary')}>
          {t('signInFirst')}
        </Link>
      </div>
    ) : (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t('createAccountToJoin')}</p>
        <JoinOrganisationForm token={token} email={invitation.email} createAccount />
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div className="space-y-2">
        <h1>{t('joinTitle')}</h1>
        <p className="text-slate-600">{t('joinIntro', { organisation: invitation.organisation })}</p>
      </div>
      <Card>{body}</Card>
    </div>
  );
}
