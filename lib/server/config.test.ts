import { describe, expect, it } from 'vitest';
import { checkConfiguration } from './config';

/** Start-up refuses a configuration that cannot work, saying what to set. */
describe('start-up configuration', () => {
  const withDatabase = (env: Record<string, string | undefined>, fn: () => void) => {
    const saved = { ...process.env };
    Object.assign(process.env, { DATABASE_URL: 'postgres://db.invalid/eoi', AUTH_SECRET: 'x'.repeat(40) }, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    try {
      fn();
    } finally {
      process.env = saved;
    }
  };

  it('PostgreSQL without AUTH_URL or AUTH_TRUST_HOST is refused with what to set', () => {
    withDatabase({ AUTH_URL: undefined, AUTH_TRUST_HOST: undefined }, () => {
      expect(() => checkConfiguration()).toThrow(/set AUTH_URL to it, for example AUTH_URL=https:\/\/eoi\.example\.org.*AUTH_TRUST_HOST=true/);
    });
    withDatabase({ AUTH_URL: undefined, AUTH_TRUST_HOST: 'false' }, () => expect(() => checkConfiguration()).toThrow(/AUTH_URL/));
  });

  it('PostgreSQL with AUTH_URL, or with AUTH_TRUST_HOST=true, starts', () => {
    withDatabase({ AUTH_URL: 'https://eoi.example.org', AUTH_TRUST_HOST: undefined }, () => expect(() => checkConfiguration()).not.toThrow());
    withDatabase({ AUTH_URL: undefined, AUTH_TRUST_HOST: 'true' }, () => expect(() => checkConfiguration()).not.toThrow());
  });

  it('a malformed AUTH_URL, TRUSTED_PROXY or session lifetime is refused with what it must be', () => {
    withDatabase({ AUTH_URL: 'eoi.example.org' }, () => expect(() => checkConfiguration()).toThrow(/AUTH_URL must be the public address/));
    withDatabase({ AUTH_URL: 'https://eoi.example.org', TRUSTED_PROXY: 'nginx' }, () =>
      expect(() => checkConfiguration()).toThrow(/TRUSTED_PROXY must be the number of reverse proxies/),
    );
    withDatabase({ AUTH_URL: 'https://eoi.example.org', SESSION_IDLE_MINUTES: '-5' }, () =>
      expect(() => checkConfiguration()).toThrow(/SESSION_IDLE_MINUTES must be a positive number/),
    );
  });

  it('E2E_FIXTURES_SECRET on any database but a throwaway end-to-end one is refused', () => {
    const secret = 's'.repeat(40);
    withDatabase({ AUTH_TRUST_HOST: 'true', E2E_FIXTURES_SECRET: secret }, () =>
      expect(() => checkConfiguration()).toThrow(/E2E_FIXTURES_SECRET is set, but it is for the end-to-end tests only/),
    );
    withDatabase({ AUTH_TRUST_HOST: 'true', E2E_FIXTURES_SECRET: secret, DATABASE_URL: 'postgres://db.invalid/eoi_e2e_1765000000000_a1b2c3' }, () =>
      expect(() => checkConfiguration()).not.toThrow(),
    );
  });
});
