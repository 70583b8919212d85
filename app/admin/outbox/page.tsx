import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Table, Td, Th } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/session';
import { listOutbox } from '@/lib/data/admin';
import { instantFormat } from '@/lib/i18n/formats';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ status?: string; to?: string; page?: string }> };
const statuses = ['pending', 'sending', 'sent', 'failed'] as const;

export default async function OutboxPage({ searchParams }: Props) {
  const user = await requireRole('admin', '/admin/outbox');
  const { status, to, page } = await searchParams;
  const t = await getTranslations('outbox');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const result = await listOutbox(user, { status, to, page: Number(page) || 1 });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-64 flex-1">
          <label htmlFor="to" className="text-sm font-medium">
            {t('searchLabel')}
          </label>
          <Input id="to" name="to" type="search" defaultValue={to ?? ''} />
        </div>
        <div>
          <label htmlFor="status" className="text-sm font-medium">
            {t('status')}
          </label>
          <Select id="status" name="status" defaultValue={status ?? ''}>
            <option value="">{tc('all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {tc('filter')}
        </Button>
      </form>
      {result.rows.length ? (
        <Table>
          <thead>
            <tr>
              <Th>{t('to')}</Th>
              <Th>{t('subject')}</Th>
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
                <Td>
                  <Badge tone={m.status === 'sent' ? 'success' : m.status === 'failed' ? 'danger' : 'warning'}>
                    {t(`statuses.${m.status}`)}
                  </Badge>
                </Td>
                <Td>
                  {format.dateTime(m.createdAt, instantFormat('UTC', 'short'))}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState>{t('empty')}</EmptyState>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/admin/outbox" params={{ status, to }} />
    </div>
  );
}
