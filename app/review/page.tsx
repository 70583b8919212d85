import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import { requireRole } from '@/lib/auth/session';
import { listMyAssignments } from '@/lib/data/reviews';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review');
  return { title: t('title') };
}

export default async function ReviewQueuePage() {
  const user = await requireRole('reviewer', '/review');
  const t = await getTranslations('review');
  const assignments = await listMyAssignments(user);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      {assignments.length ? (
        <Table>
          <thead>
            <tr>
              <Th>{t('application')}</Th>
              <Th>{t('call')}</Th>
              <Th>{t('state')}</Th>
              <Th>{t('deadline')}</Th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => {
              const state = a.reviewStatus === 'submitted' ? 'submitted' : a.status;
              return (
                <tr key={a.id}>
                  <Td>
                    <div className="font-medium">{a.reference}</div>
                    {a.status === 'accepted' && <div className="text-slate-600">{a.title}</div>}
                  </Td>
                  <Td>{a.call.title}</Td>
                  <Td>
                    <Badge tone={state === 'submitted' ? 'success' : state === 'conflict' ? 'neutral' : 'warning'}>
                      {t(`assignmentStatus.${state}`)}
                    </Badge>
                  </Td>
                  <Td>{a.call.reviewDeadline ? <Instant date={a.call.reviewDeadline} timeZone={a.call.timeZone} /> : '—'}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : (
        <EmptyState>{t('empty')}</EmptyState>
      )}
    </div>
  );
}
