import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/**
 * Mail delivery settings, read from the environment (documented in the README's
 * configuration table). Without SMTP settings nothing is sent: messages stay in the
 * outbox, readable by admins.
 */
export type DeliverySettings = {
  /** Retries before a message is marked failed. */
  maxAttempts: number;
  /** Messages claimed per round trip. */
  batchSize: number;
  /** How long a claimed message belongs to one worker; after it, another may retry it. */
  leaseSeconds: number;
  /** How often the worker looks for due messages. */
  pollMs: number;
  /** First retry delay; it doubles with every attempt (plus up to 25 % jitter), up to maxRetryMs. */
  retryBaseMs: number;
  maxRetryMs: number;
  /** How often the scheduled reminders are computed. */
  scheduleMs: number;
};

export type MailConfig =
  | { enabled: false; delivery: DeliverySettings }
  | {
      enabled: true;
      from: string;
      /** Where mail goes, for display: host and port, never the password. */
      server: string;
      transport: SMTPTransport.Options;
      delivery: DeliverySettings;
    };

export class MailConfigError extends Error {}

/** The environment, or any set of variables (tests). */
type Env = Record<string, string | undefined>;

function number(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new MailConfigError(`${name} must be a number of at least ${min} (got "${raw}").`);
  return value;
}

/** Timeouts of one SMTP conversation; the lease is always longer than their sum. */
export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export function deliverySettings(env: Env = process.env): DeliverySettings {
  return {
    maxAttempts: Math.floor(number(env, 'MAIL_MAX_ATTEMPTS', 8, 1)),
    batchSize: 10,
    leaseSeconds: number(env, 'MAIL_LEASE_SECONDS', 300, 1),
    pollMs: number(env, 'MAIL_POLL_SECONDS', 5, 0.01) * 1000,
    retryBaseMs: number(env, 'MAIL_RETRY_SECONDS', 60, 0.001) * 1000,
    maxRetryMs: 6 * 3600 * 1000,
    scheduleMs: 10 * 60 * 1000,
  };
}

/** The mail settings of this process. Throws MailConfigError on a half-done configuration. */
export function mailConfig(env: Env = process.env): MailConfig {
  const delivery = deliverySettings(env);
  const url = env.SMTP_URL?.trim();
  const host = env.SMTP_HOST?.trim();
  if (!url && !host) return { enabled: false, delivery };

  const from = env.MAIL_FROM?.trim();
  if (!from) throw new MailConfigError('SMTP is configured but MAIL_FROM is not: set it to the sender, e.g. MAIL_FROM="EOI Portal <noreply@example.org>".');

  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new MailConfigError('SMTP_URL is not a valid address; expected smtp://user:password@host:587 or smtps://user:password@host:465.');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
      throw new MailConfigError('SMTP_URL must start with smtp:// or smtps://.');
    }
    const secure = parsed.protocol === 'smtps:';
    const port = Number(parsed.port || (secure ? 465 : 587));
    return {
      enabled: true,
      from,
      server: `${parsed.hostname}:${port}`,
      transport: {
        host: parsed.hostname,
        port,
        secure,
        auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
        ...SMTP_TIMEOUTS,
      },
      delivery,
    };
  }

  const port = env.SMTP_PORT ? Number(env.SMTP_PORT) : 587;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new MailConfigError(`SMTP_PORT must be a port number (got "${env.SMTP_PORT}").`);
  const secureRaw = env.SMTP_SECURE?.trim().toLowerCase();
  if (secureRaw && !['true', 'false', '1', '0'].includes(secureRaw)) throw new MailConfigError('SMTP_SECURE must be true or false.');
  const secure = secureRaw ? secureRaw === 'true' || secureRaw === '1' : port === 465;
  const user = env.SMTP_USER?.trim();
  return {
    enabled: true,
    from,
    server: `${host}:${port}`,
    transport: {
      host,
      port,
      secure,
      auth: user ? { user, pass: env.SMTP_PASSWORD ?? '' } : undefined,
      ...SMTP_TIMEOUTS,
    },
    delivery,
  };
}
