import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { getTranslations } from 'next-intl/server';
import { InviteUserForm } from '@/components/admin/invite-user-form';
import { UserControls } from '@/components/admin/user-controls';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/layout/pagination';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { Role } from '@/db/schema';
import { requirePermission } from '@/lib/auth/session';
import { listUsers } from '@/lib/data/accounts';
import { FilterForm, FilterSelect, FilterText } from '@/components/layout/filter-form';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('users');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ q?: string; role?: string; page?: string }> };

export default async function UsersPage({ searchParams }: Props) {
  const user = await requirePermission('user:manage', '/admin/users');
  const { q, role, page } = await searchParams;
  const t = await getTranslations('users');
  const tr = await getTranslations('roles');
  const tc = await getTranslations('common');
  const roleFilter = (['admin', 'reviewer', 'applicant'] as const).find((r) => r === role) as Role | undefined;
  const result = await listUsers(user, { query: q, role: roleFilter, page: Number(page) || 1 });
  return (
    <ClientMessages namespaces={['locales', 'roles', 'users', 'validation']}>
      <div className="space-y-8">
        <PageHeader title={t('title')} intro={t('intro')} />
        <Card className="space-y-4">
          <h2>{t('inviteTitle')}</h2>
          <p className="text-sm text-slate-600">{t('inviteIntro')}</p>
          <InviteUserForm />
        </Card>
        <section className="space-y-4" aria-labelledby="user-list">
          <h2 id="user-list" className="sr-only">
            {t('title')}
          </h2>
          <FilterForm submit={tc('search')}>
            <FilterText id="q" name="q" label={t('searchLabel')} value={q} wide />
            <FilterSelect
              id="role"
              name="role"
              label={t('roleFilter')}
              value={roleFilter}
              allLabel={tc('all')}
              options={(['admin', 'reviewer', 'applicant'] as const).map((r) => ({ value: r, label: tr(r) }))}
            />
          </FilterForm>
          {result.rows.length ? (
            <Table caption={t('title')}>
              <thead>
                <tr>
                  <Th>{t('email')}</Th>
                  <Th>{t('status')}</Th>
                  <Th>{t('roles')}</Th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((u) => (
                  <tr key={u.id} data-testid={`user-${u.email}`}>
                    <Td>
                      <div className="font-medium">{u.email}</div>
                      <div className="text-slate-600">
                        {u.name} {u.id === user.id && `(${t('you')})`}
                      </div>
                    </Td>
                    <Td>
                      {u.disabled ? (
                        <Badge tone="danger">{t('disabled')}</Badge>
                      ) : u.invited ? (
                        <Badge tone="warning">{t('invited')}</Badge>
                      ) : (
                        <Badge tone="success">{t('active')}</Badge>
                      )}
                    </Td>
                    <Td>
                      <UserControls userId={u.id} email={u.email} roles={u.roles} disabled={u.disabled} isSelf={u.id === user.id} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <EmptyState>{t('empty')}</EmptyState>
          )}
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/admin/users" params={{ q, role: roleFilter }} />
        </section>
      </div>
    </ClientMessages>
  );
}
