import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CallView } from '@/components/calls/call-view';
import { Alert } from '@/components/ui/alert';
import { requirePermission } from '@/lib/auth/session';
import { publicPhase } from '@/lib/calls/phase';
import { getCallForPreview } from '@/lib/data/calls';

type Props = { params: Promise<{ id: string }> };

export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('call');
  return { title: t('previewTitle') };
}

/** A call as visitors will read it, drafts included: for admins only, never cached. */
export default async function CallPreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission('call:manage', `/admin/calls/${id}/preview`);
  const detail = await getCallForPreview(user, id);
  if (!detail) notFound();
  const t = await getTranslations('call');
  const phase = publicPhase(detail.call);
  return (
    <CallView
      detail={detail}
      phase={phase}
      banner={<Alert tone={detail.call.status === 'draft' ? 'warning' : 'info'}>{detail.call.status === 'draft' ? t('draftPreview') : t('previewNote')}</Alert>}
      applyPanel={<p className="text-sm text-slate-600">{t('previewApply')}</p>}
      questionsPanel={null}
    />
  );
}
