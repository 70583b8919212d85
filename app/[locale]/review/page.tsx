import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import { requirePermission } from '@/lib/auth/session';
import { listMyAssignments } from '@/lib/data/reviews';
import type { Locale } from '@/lib/i18n/config';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ declared?: string; page?: string }> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const user = await requirePermission('review:write', '/review');
  const { declared, page } = await searchParams;
  const t = await getTranslations('review');
  const queue = await listMyAssignments(user, { page: Number(page) || 1, locale: (await getLocale()) as Locale });
  const assignments = queue.rows;
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      {declared === 'conflict' && <Alert tone="success">{t('declaredConflictNotice')}</Alert>}
      {assignments.length ? (
        <Table caption={t('title')}>
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
              const state =
                a.status === 'conflict' ? 'conflict' : a.reviewStatus === 'submitted' ? 'submitted' : a.reviewStatus === 'draft' ? 'draft' : a.status;
              const reference = a.reference ?? '';
              return (
                <tr key={a.id} data-testid={`assignment-${reference}`}>
                  <Td>
                    {state === 'conflict' ? (
                      <div className="font-medium">{reference}</div>
                    ) : (
                      <Link
                        href={`/review/${a.id}`}
                        className="font-medium text-brand-700 hover:underline"
                        aria-label={state === 'pending' ? t('declare', { reference }) : t('open', { reference })}
                      >
                        {reference}
                      </Link>
                    )}
                    {/* The title is content: shown only once the reviewer has declared no conflict. */}
                    {a.status === 'accepted' && <div className="text-slate-600">{a.title}</div>}
                    {a.likelyConflict && a.status === 'pending' && (
                      <Badge tone="warning" className="mt-1">
                        {t('likelyConflictBadge')}
                      </Badge>
                    )}
                  </Td>
                  <Td>{a.call.title}</Td>
                  <Td>
                    <Badge tone={state === 'submitted' ? 'success' : state === 'conflict' ? 'neutral' : state === 'pending' ? 'warning' : 'info'}>
                      {t(`assignmentStatus.${state}`)}
                    </Badge>
                  </Td>
                  <Td>{a.call.reviewDeadline ? <Instant date={a.call.reviewDeadline} timeZone={a.call.timeZone} /> : t('noDeadline')}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : (
        <EmptyState>{t('empty')}</EmptyState>
      )}
      {queue.total > queue.pageSize && (
        <Pagination page={queue.page} pageSize={queue.pageSize} total={queue.total} basePath="/review" params={{}} />
      )}
    </div>
  );
}
