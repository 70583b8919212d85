import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { Alert } from '@/components/ui/alert';
import { findOpenInvitation } from '@/lib/data/accounts';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('invitationTitle'), referrer: 'no-referrer' };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('auth');
  const tr = await getTranslations('roles');
  const invitation = await findOpenInvitation(token);
  if (!invitation) {
    return (
      <div className="space-y-4">
        <h1>{t('invitationTitle')}</h1>
        <Alert tone="error">{t('invitationInvalid')}</Alert>
      </div>
    );
  }
  const roles = ((invitation.data.roles as string[] | undefined) ?? []).map((r) => tr(r as 'admin' | 'reviewer')).join(', ');
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t('invitationTitle')}</h1>
        <p className="text-slate-600">{t('invitationIntro', { roles })}</p>
      </div>
      <AcceptInvitationForm token={token} email={invitation.email} name={invitation.name ?? ''} />
    </div>
  );
}
