import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import type { listCallsForAdmin } from '@/lib/data/admin';

export async function CallsTable({ rows }: { rows: Awaited<ReturnType<typeof listCallsForAdmin>> }) {
  const t = await getTranslations('admin');
  const ts = await getTranslations('callStatus');
  if (!rows.length) return <EmptyState>{t('callsEmpty')}</EmptyState>;
  return (
    <Table caption={t('calls')}>
      <thead>
        <tr>
          <Th>{t('calls')}</Th>
          <Th>{t('status')}</Th>
          <Th>{t('closes')}</Th>
          <Th className="text-end">{t('drafts')}</Th>
          <Th className="text-end">{t('applications')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <Td>
              <Link href={`/admin/calls/${c.id}`} className="font-medium text-brand-700 hover:underline">
                {c.title}
              </Link>
              <div className="text-xs text-slate-500">/calls/{c.slug}</div>
            </Td>
            <Td>
              <Badge tone={c.status === 'open' ? 'success' : c.status === 'cancelled' ? 'danger' : c.status === 'draft' ? 'warning' : 'info'}>
                {ts(c.status)}
              </Badge>
            </Td>
            <Td>{c.closesAt ? <Instant date={c.closesAt} timeZone={c.timeZone} showViewerTime={false} /> : '—'}</Td>
            <Td className="text-end tabular-nums">{c.drafts}</Td>
            <Td className="text-end tabular-nums">{c.submitted}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
