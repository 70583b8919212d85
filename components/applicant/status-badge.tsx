import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ApplicationStatus } from '@/db/schema/applications';

/**
 * An application's status in words; a draft that was submitted before says it was
 * reopened; once the call's results are published, the outcome is the status (never
 * "Submitted" beside "Selected").
 */
export function StatusBadge({
  status,
  reopened = false,
  outcome = null,
}: {
  status: ApplicationStatus;
  reopened?: boolean;
  outcome?: 'selected' | 'reserve' | 'not_selected' | null;
}) {
  const t = useTranslations('applicationStatus.statuses');
  const to = useTranslations('outcome.kind');
  if (status === 'submitted' && outcome) {
    return (
      <Badge tone={outcome === 'selected' ? 'success' : outcome === 'reserve' ? 'info' : 'neutral'} data-testid="status-badge">
        {to(outcome)}
      </Badge>
    );
  }
  if (status === 'submitted') return <Badge tone="success" data-testid="status-badge">{t('submitted')}</Badge>;
  if (status === 'withdrawn') return <Badge tone="danger" data-testid="status-badge">{t('withdrawn')}</Badge>;
  return <Badge tone="warning" data-testid="status-badge">{reopened ? t('reopened') : t('draft')}</Badge>;
}
