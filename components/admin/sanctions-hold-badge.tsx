import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { DiligenceHold } from '@/lib/data/diligence';
import { Link } from '@/lib/i18n/navigation';

/** Where decisions are made: the organisation has an open (or confirmed) sanctions match; links to it. */
export async function SanctionsHoldBadge({ hold }: { hold: (DiligenceHold & { organisationId: string }) | undefined }) {
  if (!hold) return null;
  const t = await getTranslations('diligence');
  const href = `/admin/sanctions?org=${hold.organisationId}&status=all`;
  return (
    <span className="flex flex-wrap gap-1">
      {hold.openMatches + hold.confirmedMatches > 0 && (
        <Link href={href} className="hover:underline" data-testid="sanctions-hold">
          <Badge tone="danger">{hold.openMatches > 0 ? t('holdBadge') : t('confirmedBadge')}</Badge>
        </Link>
      )}
      {hold.redFlags > 0 && (
        <Link href={href} className="hover:underline">
          <Badge tone="danger">{t('flagLevels.red')}</Badge>
        </Link>
      )}
      {hold.yellowFlags > 0 && (
        <Link href={href} className="hover:underline">
          <Badge tone="warning">{t('flagLevels.yellow')}</Badge>
        </Link>
      )}
    </span>
  );
}
