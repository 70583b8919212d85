import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import { requireRole } from '@/lib/auth/session';
import { listCallsForAdmin } from '@/lib/data/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminHomePage() {
  const user = await requireRole('admin', '/admin');
  const t = await getTranslations('admin');
  const ts = await getTranslations('callStatus');
  const rows = await listCallsForAdmin(user);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <section aria-labelledby="admin-calls" className="space-y-3">
        <h2 id="admin-calls">{t('calls')}</h2>
        {rows.length ? (
          <Table>
            <thead>
              <tr>
                <Th>{t('calls')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('closes')}</Th>
                <Th className="text-end">{t('applications')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <Td>
                    <Link href={`/calls/${c.slug}`} className="font-medium text-brand-700 hover:underline">
                      {c.title}
                    </Link>
                  </Td>
                  <Td>
                    <Badge>{ts(c.status)}</Badge>
                  </Td>
                  <Td>{c.closesAt ? <Instant date={c.closesAt} timeZone={c.timeZone} showViewerTime={false} /> : '—'}</Td>
                  <Td className="text-end tabular-nums">{c.submitted}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>{t('callsEmpty')}</EmptyState>
        )}
      </section>
    </div>
  );
}
