import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { mailConfig } from '@/lib/mail/config';

/** Says whether this instance sends mail, and through which server (never its password). */
export async function DeliveryBanner() {
  const t = await getTranslations('outbox');
  let config: ReturnType<typeof mailConfig> | null;
  try {
    config = mailConfig();
  } catch {
    config = null;
  }
  return config?.enabled ? (
    <Alert tone="info" data-testid="delivery-status">
      {t('deliveryOn', { server: config.server, from: config.from, maxAttempts: config.delivery.maxAttempts })}
    </Alert>
  ) : (
    <Alert tone="warning" data-testid="delivery-status">
      {t('deliveryOff')}
    </Alert>
  );
}
