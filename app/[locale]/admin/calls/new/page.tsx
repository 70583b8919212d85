import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { getTranslations } from 'next-intl/server';
import { CallForm, emptyCall } from '@/components/admin/call-form';
import { PageHeader } from '@/components/layout/page-header';
import { requirePermission } from '@/lib/auth/session';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('callEditor');
  return { title: t('newTitle') };
}

export default async function NewCallPage() {
  await requirePermission('call:manage', '/admin/calls/new');
  const t = await getTranslations('callEditor');
  return (
    <ClientMessages namespaces={['callEditor', 'languages', 'picker', 'themes', 'validation']}>
      <div className="space-y-6">
        <PageHeader title={t('newTitle')} intro={t('newIntro')} />
        <CallForm initial={emptyCall} />
      </div>
    </ClientMessages>
  );
}
