import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { CallsTable } from '@/components/admin/calls-table';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClass } from '@/components/ui/button';
import { requirePermission } from '@/lib/auth/session';
import { listCallsForAdmin } from '@/lib/data/admin';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminHomePage() {
  const user = await requirePermission('call:manage', '/admin');
  const t = await getTranslations('admin');
  const rows = await listCallsForAdmin(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          <Link href="/admin/calls/new" className={buttonClass('primary')}>
            {t('newCall')}
          </Link>
        }
      />
      <section aria-labelledby="admin-calls" className="space-y-3">
        <h2 id="admin-calls">{t('calls')}</h2>
        <CallsTable rows={rows} />
      </section>
    </div>
  );
}
