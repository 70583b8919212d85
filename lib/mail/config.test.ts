import { describe, expect, it } from 'vitest';
import { mailConfig, MailConfigError } from './config';

describe('mail settings', () => {
  it('without SMTP settings delivery is off', () => {
    expect(mailConfig({}).enabled).toBe(false);
    expect(mailConfig({ MAIL_FROM: 'x@example.org' }).enabled).toBe(false);
  });

  it('SMTP_URL gives host, port, security and credentials; the display never shows the password', () => {
    const config = mailConfig({ SMTP_URL: 'smtps://mailer:s%40cret@smtp.example.org', MAIL_FROM: 'EOI <noreply@example.org>' });
    expect(config).toMatchObject({
      enabled: true,
      from: 'EOI <noreply@example.org>',
      server: 'smtp.example.org:465',
      transport: { host: 'smtp.example.org', port: 465, secure: true, auth: { user: 'mailer', pass: 's@cret' } },
    });
    expect(JSON.stringify(config.enabled && config.server)).not.toContain('cret');
    expect(mailConfig({ SMTP_URL: 'smtp://relay.internal:2525', MAIL_FROM: 'a@b.org' })).toMatchObject({
      transport: { host: 'relay.internal', port: 2525, secure: false, auth: undefined },
    });
  });

  it('SMTP_HOST and friends work too; port 465 means TLS unless SMTP_SECURE says otherwise', () => {
    const env = { SMTP_HOST: 'smtp.example.org', SMTP_USER: 'u', SMTP_PASSWORD: 'p', MAIL_FROM: 'a@b.org' };
    expect(mailConfig(env)).toMatchObject({ transport: { port: 587, secure: false, auth: { user: 'u', pass: 'p' } } });
    expect(mailConfig({ ...env, SMTP_PORT: '465' })).toMatchObject({ transport: { port: 465, secure: true } });
    expect(mailConfig({ ...env, SMTP_PORT: '465', SMTP_SECURE: 'false' })).toMatchObject({ transport: { secure: false } });
  });

  it('a half-done configuration is refused with a message that says what to set', () => {
    expect(() => mailConfig({ SMTP_URL: 'smtp://relay.internal' })).toThrow(/MAIL_FROM/);
    expect(() => mailConfig({ SMTP_URL: 'http://relay.internal', MAIL_FROM: 'a@b.org' })).toThrow(MailConfigError);
    expect(() => mailConfig({ SMTP_HOST: 'h', SMTP_PORT: 'abc', MAIL_FROM: 'a@b.org' })).toThrow(/SMTP_PORT/);
    expect(() => mailConfig({ MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });

  it('MAIL_MAX_ATTEMPTS, MAIL_RETRY_SECONDS and MAIL_POLL_SECONDS tune delivery', () => {
    const { delivery } = mailConfig({ MAIL_MAX_ATTEMPTS: '3', MAIL_RETRY_SECONDS: '10', MAIL_POLL_SECONDS: '1' });
    expect(delivery).toMatchObject({ maxAttempts: 3, retryBaseMs: 10_000, pollMs: 1000 });
    // The lease outlives one SMTP conversation's timeouts, so a slow send is not taken over.
    expect(delivery.leaseSeconds * 1000).toBeGreaterThan(15_000 + 15_000 + 30_000);
  });

  it('MAIL_LEASE_SECONDS sets how long a claimed message belongs to one worker', () => {
    expect(mailConfig({ MAIL_LEASE_SECONDS: '5' }).delivery.leaseSeconds).toBe(5);
    expect(() => mailConfig({ MAIL_LEASE_SECONDS: '0' })).toThrow(/MAIL_LEASE_SECONDS/);
    expect(() => mailConfig({ MAIL_LEASE_SECONDS: 'soon' })).toThrow(/MAIL_LEASE_SECONDS/);
  });
});
