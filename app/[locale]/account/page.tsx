import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SignOutEverywhereButton } from '@/components/account/sign-out-everywhere-button';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { currentSessionId, requireUser } from '@/lib/auth/session';
import { sessionLifetimes } from '@/lib/auth/sessions';
import { listMySessions } from '@/lib/data/accounts';
import { requestLocale } from '@/lib/i18n/locale';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

function duration(seconds: number, locale: string): string {
  const [value, unit] = seconds % 86400 === 0 && seconds >= 86400 ? [seconds / 86400, 'day'] : seconds % 3600 === 0 ? [seconds / 3600, 'hour'] : [Math.round(seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit: unit as string, unitDisplay: 'long' }).format(value as number);
}

/** Any signed-in user: their sessions (with "sign out of all devices") and their password. */
export default async function AccountPage() {
  const user = await requireUser('/account');
  const locale = await requestLocale();
  const t = await getTranslations('account');
  const format = await getFormatter();
  const [sessions, current] = await Promise.all([listMySessions(user), currentSessionId()]);
  const { idleSeconds, maxSeconds } = sessionLifetimes();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ClientMessages namespaces={['account', 'auth', 'validation']}>
    <div className="space-y-8">
      <PageHeader title={t('title')} intro={t('details', { name: user.name ?? user.email, email: user.email })} />

      <section aria-labelledby="sessions" className="space-y-3">
        <h2 id="sessions">{t('sessionsTitle')}</h2>
        <p className="text-sm text-slate-600">{t('sessionsIntro', { idle: duration(idleSeconds, locale), max: duration(maxSeconds, locale) })}</p>
        <Table caption={t('sessionsTitle')}>
          <thead>
            <tr>
              <Th>{t('sessionBrowser')}</Th>
              <Th>{t('sessionStarted')}</Th>
              <Th>{t('sessionLastSeen')}</Th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <Td>
                  <span className="break-all">{s.userAgent ?? t('unknownBrowser')}</span>
                  {s.id === current && <strong className="ms-2 text-brand-700">({t('thisDevice')})</strong>}
                </Td>
                <Td>{when(s.createdAt)}</Td>
                <Td>{when(s.lastSeenAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Card className="space-y-3">
          <p className="text-sm text-slate-600">{t('signOutEverywhereHint')}</p>
          <SignOutEverywhereButton />
        </Card>
      </section>

      <section aria-labelledby="password" className="space-y-3">
        <h2 id="password">{t('changePasswordTitle')}</h2>
        <Card>
          <ChangePasswordForm />
        </Card>
      </section>
    </div>
    </ClientMessages>
  );
}
