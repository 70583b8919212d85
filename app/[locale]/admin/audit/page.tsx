import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { listAudit } from '@/lib/data/admin';
import { FilterForm, FilterText } from '@/components/layout/filter-form';
import { ForwardArrow } from '@/components/ui/arrow';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ action?: string; actor?: string; page?: string }> };

function brief(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePermission('audit:read', '/admin/audit');
  const { action, actor, page } = await searchParams;
  const t = await getTranslations('audit');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const result = await listAudit(user, { action, actor, page: Number(page) || 1 });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <FilterForm submit={tc('filter')}>
        <FilterText id="action" name="action" type="text" label={t('actionFilter')} value={action} placeholder="application." />
        <FilterText id="actor" name="actor" type="text" label={t('actorFilter')} value={actor} />
      </FilterForm>
      {result.rows.length ? (
        <Table caption={t('title')}>
          <thead>
            <tr>
              <Th>{t('at')}</Th>
              <Th>{t('actor')}</Th>
              <Th>{t('action')}</Th>
              <Th>{t('entity')}</Th>
              <Th>{t('change')}</Th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap tabular-nums">
                  {format.dateTime(row.at, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' })}
                </Td>
                <Td>{row.actorEmail ?? t('anonymous')}</Td>
                <Td className="font-mono text-xs">{row.action}</Td>
                <Td className="font-mono text-xs">
                  {row.entityType}
                  {row.entityId ? ` ${row.entityId.slice(0, 8)}` : ''}
                </Td>
                <Td className="font-mono text-xs break-all">
                  {brief(row.before)}
                  {row.before !== null || row.after !== null ? (
                    <>
                      {' '}
                      <ForwardArrow />{' '}
                    </>
                  ) : null}
                  {brief(row.after)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState>{t('empty')}</EmptyState>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/admin/audit" params={{ action, actor }} />
    </div>
  );
}
