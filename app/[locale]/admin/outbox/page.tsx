import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { DeliveryBanner } from '@/components/mail/delivery-banner';
import { RetryAllFailedButton } from '@/components/mail/outbox-controls';
import { statusTone } from '@/components/mail/status-tone';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { countOutboxByStatus, isOutboxStatus, isTemplateName, listOutbox, outboxStatuses } from '@/lib/data/outbox';
import { instantFormat } from '@/lib/i18n/formats';
import { mailTemplateNames } from '@/lib/mail/templates';
import { FilterForm, FilterSelect, FilterText } from '@/components/layout/filter-form';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ status?: string; to?: string; template?: string; page?: string }> };

export default async function OutboxPage({ searchParams }: Props) {
  const user = await requirePermission('outbox:read', '/admin/outbox');
  const params = await searchParams;
  const { to, page } = params;
  const status = isOutboxStatus(params.status) ? params.status : undefined;
  const template = isTemplateName(params.template) ? params.template : undefined;
  const t = await getTranslations('outbox');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const [result, counts] = await Promise.all([
    listOutbox(user, { status, to, template, page: Number(page) || 1 }),
    countOutboxByStatus(user),
  ]);
  return (
    <ClientMessages namespaces={['outbox']}>
      <div className="space-y-6">
        <PageHeader title={t('title')} intro={t('intro')} />
        <DeliveryBanner />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <ul aria-label={t('countsLabel')} className="flex flex-wrap gap-2 text-sm" data-testid="outbox-counts">
            {outboxStatuses.map((s) => (
              <li key={s}>
                <Link href={`/admin/outbox?status=${s}`} aria-current={status === s ? 'page' : undefined} className="hover:underline">
                  <Badge tone={statusTone(s)}>{t('count', { status: t(`statuses.${s}`), count: counts[s] })}</Badge>
                </Link>
              </li>
            ))}
          </ul>
          {counts.failed > 0 && <RetryAllFailedButton count={counts.failed} />}
        </div>
        <FilterForm submit={tc('filter')}>
          <FilterText id="to" name="to" label={t('searchLabel')} value={to} wide />
          <FilterSelect id="status" name="status" label={t('status')} value={status} allLabel={tc('all')} options={outboxStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          <FilterSelect id="template" name="template" label={t('template')} value={template} allLabel={tc('all')} options={mailTemplateNames.map((name) => ({ value: name, label: t(`templates.${name}`) }))} />
        </FilterForm>
        {result.rows.length ? (
          <Table caption={t('title')}>
            <thead>
              <tr>
                <Th>{t('to')}</Th>
                <Th>{t('subject')}</Th>
                <Th>{t('template')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('queuedAt')}</Th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((m) => (
                <tr key={m.id}>
                  <Td>{m.toAddress}</Td>
                  <Td>
                    <Link href={`/admin/outbox/${m.id}`} className="text-brand-700 hover:underline">
                      {m.subject}
                    </Link>
                  </Td>
                  <Td>{isTemplateName(m.template) ? t(`templates.${m.template}`) : m.template}</Td>
                  <Td>
                    <Badge tone={statusTone(m.status)}>{t(`statuses.${m.status}`)}</Badge>
                    {m.attempts > 0 && (
                      <span className="ms-2 text-xs text-slate-600">
                        {tc('label', { label: t('attempts') })} {m.attempts}
                      </span>
                    )}
                  </Td>
                  <Td>{format.dateTime(m.createdAt, instantFormat('UTC', 'short'))}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>{t('empty')}</EmptyState>
        )}
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          basePath="/admin/outbox"
          params={{ status, to, template }}
        />
      </div>
    </ClientMessages>
  );
}
