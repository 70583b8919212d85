import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { DiligenceHold } from '@/lib/data/diligence';
import { Link } from '@/lib/i18n/navigation';

/** Where decisions are made: the organisation has an open (or confirmed) sanctions match; links to it. */
export async function SanctionsHoldBadge({ hold }: { hold: (DiligenceHold & { organisationId: string }) | undefined }) {
  if (!hold) return null;
  const t = await getTranslations('diligence');
  return (
    <Link href={`/admin/sanctions?org=${hold.organisationId}&status=all`} className="hover:underline" data-testid="sanctions-hold">
      <Badge tone="danger">{hold.openMatches > 0 ? t('holdBadge') : t('confirmedBadge')}</Badge>
    </Link>
  );
}
