import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CallForm } from '@/components/admin/call-form';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { requirePermission } from '@/lib/auth/session';
import { getCallDashboard, getCallForEditor } from '@/lib/data/call-editor';
import { BackArrow } from '@/components/ui/arrow';
import { uuidPattern } from '@/lib/validations/zod';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('callEditor');
  return { title: t('editTitle') };
}

export default async function EditCallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('call:manage', `/admin/calls/${id}/edit`);
  if (!uuidPattern.test(id)) notFound();
  const [call, dashboard] = await Promise.all([getCallForEditor(user, id), getCallDashboard(user, id)]);
  if (!call || !dashboard) notFound();
  const t = await getTranslations('callDashboard');
  const { status, ...initial } = call;
  const frozen = status === 'published' || status === 'cancelled';
  const hasApplications = dashboard.applications.draft + dashboard.applications.submitted > 0;
  return (
    <ClientMessages namespaces={['callEditor', 'languages', 'picker', 'themes', 'validation']}>
      <div className="space-y-6">
        <Link href={`/admin/calls/${id}`} className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {t('backToCall')}
        </Link>
        <PageHeader title={call.title} />
        {frozen ? <Alert tone="warning">{t('frozen')}</Alert> : <CallForm initial={initial} hasApplications={hasApplications} />}
      </div>
    </ClientMessages>
  );
}
