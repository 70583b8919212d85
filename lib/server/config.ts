import { databaseKind } from '@/db';
import { authSecret, ConfigurationError } from '@/lib/auth/secret';
import { sessionLifetimes } from '@/lib/auth/sessions';
import { isThrowawayE2eDatabase } from '@/lib/e2e/guard';
import { trustedProxyCount } from '@/lib/security/client-address';

/**
 * Refuses, before serving anything, a configuration that cannot work, with a message that
 * says what to set.
 */
export function checkConfiguration(env: NodeJS.ProcessEnv = process.env): void {
  authSecret();
  if (databaseKind() === 'postgres' && !env.AUTH_URL && !['true', '1'].includes(env.AUTH_TRUST_HOST ?? '')) {
    throw new ConfigurationError(
      'Neither AUTH_URL nor AUTH_TRUST_HOST is set. With DATABASE_URL set (a real deployment) sign-in needs to know ' +
        'the public address: set AUTH_URL to it, for example AUTH_URL=https://eoi.example.org, or, behind a reverse ' +
        'proxy that sets the Host or X-Forwarded-Host header, set AUTH_TRUST_HOST=true.',
    );
  }
  if (env.AUTH_URL) {
    let url: URL | null = null;
    try {
      url = new URL(env.AUTH_URL);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      throw new ConfigurationError(`AUTH_URL must be the public address, like https://eoi.example.org, not "${env.AUTH_URL}".`);
    }
  }
  try {
    trustedProxyCount(env.TRUSTED_PROXY);
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
  sessionLifetimes();
  if (env.E2E_FIXTURES_SECRET && !isThrowawayE2eDatabase(env)) {
    throw new ConfigurationError(
      'E2E_FIXTURES_SECRET is set, but it is for the end-to-end tests only, on the throwaway database that ' +
        'e2e/support/serve.mjs makes: unset it.',
    );
  }
}
