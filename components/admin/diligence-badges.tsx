import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { DiligenceHold } from '@/lib/data/diligence';
import { Link } from '@/lib/i18n/navigation';

/**
 * Where decisions are made (screening, ranking, the selection board): what due diligence
 * found on the application's organisation, each badge a link to it. A sanctions match and a
 * red flag hold the award; a yellow flag and an expired document are there to be seen.
 * (No hooks but translations: it renders in server and client components alike.)
 */
export function DiligenceBadges({ hold, organisationId }: { hold: DiligenceHold | null | undefined; organisationId: string }) {
  const t = useTranslations('diligence');
  if (!hold) return null;
  const href = `/admin/sanctions?org=${organisationId}&status=all`;
  return (
    <>
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
      {hold.expiredDocuments > 0 && (
        <Link href={`${href}#documents`} className="hover:underline" data-testid="expired-documents">
          <Badge tone="warning">{t('expiredBadge', { count: hold.expiredDocuments })}</Badge>
        </Link>
      )}
    </>
  );
}
