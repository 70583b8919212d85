import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { AssignmentCellControl, AutoAssignButton } from '@/components/review/assignment-controls';
import { CallReviewNav } from '@/components/review/call-review-nav';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { getAssignmentMatrix } from '@/lib/data/assignments';
import { getCallForAdmin } from '@/lib/data/screening';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assignments');
  return { title: t('title') };
}

const tones = { pending: 'warning', accepted: 'info', draft: 'info', submitted: 'success', conflict: 'danger' } as const;

export default async function AssignmentsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission('assignment:manage', `/admin/calls/${id}/assignments`);
  const call = await getCallForAdmin(user, id, 'assignment:manage');
  if (!call) notFound();
  const { page } = await searchParams;
  const t = await getTranslations('assignments');
  const tc = await getTranslations('common');
  const matrix = await getAssignmentMatrix(user, call, { page: Number(page) || 1 });
  const cellOf = new Map(matrix.cells.map((c) => [`${c.applicationId}|${c.reviewerId}`, c]));
  const closed = ['published', 'cancelled', 'draft'].includes(call.status);

  return (
    <ClientMessages namespaces={['assignments']}>
      <div className="space-y-6">
        <CallReviewNav callId={call.id} current="assignments" />
        <PageHeader title={`${tc('label', { label: t('title') })} ${call.title}`} intro={t('intro')} />
        <Card className="flex flex-wrap items-start justify-between gap-4">
          <div className="space-y-1 text-sm">
            <p className="font-medium">{t('perApplication', { count: call.reviewersPerApplication })}</p>
            <p data-testid="assignment-summary">{t('summary', { under: matrix.underAssigned, total: matrix.eligibleCount })}</p>
          </div>
          <AutoAssignButton callId={call.id} disabled={closed || !matrix.eligibleCount || !matrix.reviewers.some((r) => r.active)} />
        </Card>
        {!matrix.reviewers.length ? (
          <EmptyState>{t('noReviewers')}</EmptyState>
        ) : !matrix.applications.length ? (
          <EmptyState>{t('noApplications')}</EmptyState>
        ) : (
          <>
            <p className="text-xs text-slate-600">{t('legend')}</p>
            <Table caption={t('title')}>
              <thead>
                <tr>
                  <Th className="sticky start-0 z-10 min-w-56">{t('application')}</Th>
                  {matrix.reviewers.map((r) => (
                    <Th key={r.id} className="min-w-36 align-bottom">
                      <div>{r.name ?? r.email}</div>
                      <div className="text-xs font-normal text-slate-600">{r.email}</div>
                      <div className="text-xs font-normal text-slate-600" data-testid={`load-${r.email}`}>
                        {t('load', { count: r.load })}
                        {!r.active && ` · ${t('inactive')}`}
                      </div>
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.applications.map((a) => (
                  <tr key={a.id} data-testid={`matrix-${a.reference}`}>
                    <Th scope="row" className="sticky start-0 z-10 bg-white font-normal">
                      <div className="font-medium">{a.reference}</div>
                      <div className="text-xs text-slate-600">{a.title}</div>
                      <div className="text-xs text-slate-600">{a.organisation}</div>
                    </Th>
                    {matrix.reviewers.map((r) => {
                      const cell = cellOf.get(`${a.id}|${r.id}`);
                      const state = cell ? (cell.status === 'conflict' ? 'conflict' : (cell.reviewStatus ?? cell.status)) : null;
                      const reviewer = r.name ?? r.email;
                      return (
                        <Td key={r.id} className="space-y-1">
                          {state && <Badge tone={tones[state]}>{t(`status.${state}`)}</Badge>}
                          {cell?.likelyConflict && cell.status !== 'conflict' && (
                            <div>
                              <Badge tone="danger">{t('likelyConflict', { domain: cell.likelyConflict })}</Badge>
                            </div>
                          )}
                          {cell?.status === 'conflict' && cell.conflictReason && <p className="text-xs text-slate-700">{t('conflictReason', { reason: cell.conflictReason })}</p>}
                          {!closed && (r.active || cell) && cell?.status !== 'conflict' && cell?.reviewStatus !== 'submitted' && (
                            <AssignmentCellControl
                              applicationId={a.id}
                              reviewerId={r.id}
                              assignmentId={cell?.id ?? null}
                              reviewer={reviewer}
                              reference={a.reference ?? ''}
                              hasDraft={cell?.reviewStatus === 'draft'}
                            />
                          )}
                        </Td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination page={matrix.page} pageSize={matrix.pageSize} total={matrix.total} basePath={`/admin/calls/${call.id}/assignments`} params={{}} />
          </>
        )}
      </div>
    </ClientMessages>
  );
}
