import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AwardAdminControls } from '@/components/awards/award-admin-controls';
import { money } from '@/components/calls/format';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { BackArrow } from '@/components/ui/arrow';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { listCallAwards } from '@/lib/data/awards';
import { Link } from '@/lib/i18n/navigation';
import { uuidPattern } from '@/lib/validations/zod';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('awards.admin');
  return { title: t('title') };
}

const tones = { offered: 'warning', accepted: 'success', declined: 'danger', lapsed: 'neutral' } as const;

/** A call's awards after publication: answers, lapsed offers and the reserve list. */
export default async function CallAwardsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('award:manage', `/admin/calls/${id}/awards`);
  if (!uuidPattern.test(id)) notFound();
  const data = await listCallAwards(user, id);
  if (!data) notFound();
  const t = await getTranslations('awards.admin');
  const tw = await getTranslations('awards');
  const tc = await getTranslations('common');
  const tcd = await getTranslations('callDashboard');
  const format = await getFormatter();
  const { call } = data;
  const referenceOf = new Map(data.awards.map((a) => [a.award.id, a.reference ?? a.title]));
  return (
    <ClientMessages namespaces={['awards']}>
      <div className="space-y-6">
        <Link href={`/admin/calls/${id}`} className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {tcd('backToCall')}
        </Link>
        <PageHeader title={`${tc('label', { label: t('title') })} ${call.title}`} intro={t('intro')} />
        {!data.published && <Alert tone="info">{t('notPublished')}</Alert>}
        {data.published && (
          <Alert tone="info" data-testid="next-reserve">
            {data.nextReserve
              ? t('nextReserve', { organisation: data.nextReserve.organisation, reference: data.nextReserve.reference ?? '', rank: data.nextReserve.rank })
              : t('noReserve')}
          </Alert>
        )}
        {data.awards.length ? (
          <Table caption={t('caption')} stacked>
            <thead>
              <tr>
                <Th>{t('rank')}</Th>
                <Th>{t('organisation')}</Th>
                <Th>{t('amount')}</Th>
                <Th>{t('deadline')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('response')}</Th>
                <Th>{t('actions')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.awards.map((a) => (
                <tr key={a.award.id} data-testid="award-row">
                  <Td label={t('rank')}>{a.rank ?? '—'}</Td>
                  <Td label={t('organisation')}>
                    <span className="font-medium">{a.organisation}</span>
                    <span className="block font-mono text-xs text-slate-600">{a.reference}</span>
                    {a.award.replacesAwardId && <span className="block text-xs text-slate-600">{t('replaces', { reference: referenceOf.get(a.award.replacesAwardId) ?? '' })}</span>}
                  </Td>
                  <Td label={t('amount')}>{money(format, a.award.amount, call.currency)}</Td>
                  <Td label={t('deadline')}>
                    <Instant date={a.award.respondBy} timeZone={call.timeZone} showViewerTime={false} />
                    {a.overdue && (
                      <Badge tone="danger" className="ms-2">
                        {t('overdue')}
                      </Badge>
                    )}
                  </Td>
                  <Td label={t('status')}>
                    <Badge tone={tones[a.award.status]} data-testid="award-status">
                      {tw(`statusLabel.${a.award.status}`)}
                    </Badge>
                  </Td>
                  <Td label={t('response')}>
                    {a.award.respondedAt && (
                      <span className="block text-xs">{t.rich('answeredOn', { date: () => <Instant date={a.award.respondedAt!} timeZone={call.timeZone} showViewerTime={false} /> })}</span>
                    )}
                    {a.award.declineReason && <span className="block">{t('reason', { reason: a.award.declineReason })}</span>}
                  </Td>
                  <Td label={t('actions')}>
                    {(a.overdue || a.replaceable) && (
                      <AwardAdminControls
                        awardId={a.award.id}
                        organisation={a.organisation}
                        overdue={a.overdue}
                        replaceable={a.replaceable}
                        reserve={data.nextReserve ? `${data.nextReserve.organisation} (${data.nextReserve.reference ?? ''})` : null}
                        amount={a.award.amount}
                        currency={call.currency}
                        timeZone={call.timeZone}
                        defaultRespondBy={data.defaultRespondBy}
                      />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>{t('empty')}</EmptyState>
        )}
      </div>
    </ClientMessages>
  );
}
