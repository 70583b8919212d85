import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SelectionBoard } from '@/components/admin/selection-board';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Instant } from '@/components/time/instant';
import { requirePermission } from '@/lib/auth/session';
import { defaultSlateMinimums, getSelectionBoard } from '@/lib/data/selection';
import { BackArrow } from '@/components/ui/arrow';
import { uuidPattern } from '@/lib/validations/zod';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('selection');
  return { title: t('title') };
}

export default async function SelectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('decision:record', `/admin/calls/${id}/selection`);
  if (!uuidPattern.test(id)) notFound();
  const board = await getSelectionBoard(user, id);
  if (!board) notFound();
  const t = await getTranslations('selection');
  const tc = await getTranslations('common');
  const tcd = await getTranslations('callDashboard');
  const { call } = board;
  return (
    <ClientMessages namespaces={['diligence', 'selection', 'themes', 'validation']}>
      <div className="space-y-6">
        <Link href={`/admin/calls/${id}`} className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {tcd('backToCall')}
        </Link>
        <PageHeader title={`${tc('label', { label: t('title') })} ${call.title}`} intro={t('intro')} />
        {board.publishedAt && (
          <Alert tone="info">
            {t.rich('publishedOn', { date: () => <Instant date={board.publishedAt!} timeZone={call.timeZone} /> })}{' '}
            <Link href={`/calls/${call.slug}/results`} className="font-medium underline">
              {t('viewResults')}
            </Link>
          </Alert>
        )}
        {board.rows.length ? (
          <SelectionBoard
            callId={call.id}
            status={call.status}
            rows={board.rows}
            countries={board.countries}
            themes={board.themes}
            envelope={call.envelope}
            currency={call.currency}
            expectedPartners={call.expectedPartners}
            minimums={await defaultSlateMinimums(board)}
          />
        ) : (
          <EmptyState>{t('empty')}</EmptyState>
        )}
      </div>
    </ClientMessages>
  );
}
