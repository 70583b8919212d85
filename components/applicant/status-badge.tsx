import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ApplicationStatus } from '@/db/schema/applications';

/** An application's status in words; a draft that was submitted before says it was reopened. */
export function StatusBadge({ status, reopened = false }: { status: ApplicationStatus; reopened?: boolean }) {
  const t = useTranslations('applicationStatus.statuses');
  if (status === 'submitted') return <Badge tone="success">{t('submitted')}</Badge>;
  if (status === 'withdrawn') return <Badge tone="danger">{t('withdrawn')}</Badge>;
  return <Badge tone="warning">{reopened ? t('reopened') : t('draft')}</Badge>;
}
