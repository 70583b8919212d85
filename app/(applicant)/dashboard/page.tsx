import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/session';
import { listMyApplications, listMyOrganisations } from '@/lib/data/applications';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const user = await requireRole('applicant', '/dashboard');
  const t = await getTranslations('dashboard');
  const [orgs, apps] = await Promise.all([listMyOrganisations(user), listMyApplications(user)]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      {!orgs.length && <Alert tone="info">{t('noOrganisation')}</Alert>}
      {apps.length ? (
        <ul className="grid gap-4">
          {apps.map((a) => (
            <li key={a.id}>
              <Card>
                <div className="font-medium">{a.title || a.call.title}</div>
                <div className="text-sm text-slate-600">
                  {a.call.title} · {a.organisation} {a.reference && `· ${a.reference}`} · {a.status}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState
          action={
            <Link href="/" className={buttonClass('primary')}>
              {t('browseCalls')}
            </Link>
          }
        >
          {t('empty')}
        </EmptyState>
      )}
    </div>
  );
}
