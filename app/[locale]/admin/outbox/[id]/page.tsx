import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RetryMessageButton } from '@/components/mail/outbox-controls';
import { statusTone } from '@/components/mail/status-tone';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { getOutboxMessage, isTemplateName } from '@/lib/data/outbox';
import { instantFormat } from '@/lib/i18n/formats';
import { BackArrow } from '@/components/ui/arrow';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('messageTitle') };
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('outbox:read', `/admin/outbox/${id}`);
  const message = await getOutboxMessage(user, id);
  if (!message) notFound();
  const t = await getTranslations('outbox');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const at = (value: Date) => format.dateTime(value, { ...instantFormat('UTC', 'short'), second: '2-digit' as const });
  return (
    <ClientMessages namespaces={['outbox']}>
      <div className="space-y-6">
        <Link href="/admin/outbox" className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {t('backToOutbox')}
        </Link>
        <div className="space-y-2">
          <h1>{message.subject}</h1>
          <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-[8rem_1fr]">
            <dt className="font-medium">{t('to')}</dt>
            <dd data-testid="mail-to">{message.toAddress}</dd>
            <dt className="font-medium">{t('template')}</dt>
            <dd>{isTemplateName(message.template) ? t(`templates.${message.template}`) : message.template}</dd>
            <dt className="font-medium">{t('status')}</dt>
            <dd>
              <Badge tone={statusTone(message.status)} data-testid="mail-status">
                {t(`statuses.${message.status}`)}
              </Badge>{' '}
              · {tc('label', { label: t('attempts') })} {message.attempts}
            </dd>
            <dt className="font-medium">{t('queuedAt')}</dt>
            <dd>{at(message.createdAt)}</dd>
            {message.sentAt && (
              <>
                <dt className="font-medium">{t('sentAt')}</dt>
                <dd>{at(message.sentAt)}</dd>
              </>
            )}
            {message.status === 'pending' && message.attempts > 0 && (
              <>
                <dt className="font-medium">{t('nextAttemptAt')}</dt>
                <dd>{at(message.nextAttemptAt)}</dd>
              </>
            )}
            {message.lastError && (
              <>
                <dt className="font-medium">{t('lastError')}</dt>
                <dd className="break-words text-red-800">{message.lastError}</dd>
              </>
            )}
          </dl>
          {message.status === 'failed' && <RetryMessageButton id={message.id} />}
        </div>
        <Card className="space-y-2">
          <h2 className="text-base">{t('htmlPart')}</h2>
          {/* sandbox="" : the message is shown, never run; served with a policy of its own (app/api/outbox/[id]/html/route.ts). */}
          <iframe title={t('htmlPart')} sandbox="" src={`/api/outbox/${message.id}/html`} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
        </Card>
        <Card className="space-y-2">
          <h2 className="text-base">{t('textPart')}</h2>
          <pre className="whitespace-pre-wrap break-words text-sm" data-testid="mail-text">
            {message.textBody}
          </pre>
        </Card>
      </div>
    </ClientMessages>
  );
}
