import { closeDatabase, databaseKind, pgliteDataDir, prepareDatabase } from '@/db';
import { installConnectionAddress } from '@/lib/security/edge';
import { demoAccounts, seedDemo, shouldSeedDemo } from '@/db/seed';
import { log, routeConsoleToLogger } from '@/lib/log';
import { mailConfig } from '@/lib/mail/config';
import { startMailWorker, stopMailWorker } from '@/lib/mail/worker';
import { checkConfiguration } from './config';
import { beforeExit, installShutdown, onShutdown } from './shutdown';

/** Start-up: configuration check, migrations, demo data, the mail worker. Stops the process with a clear message when misconfigured. */
export async function startServer() {
  // First, before any request is handled: the client address for rate limits (lib/security/client-address.ts).
  installConnectionAddress();
  // Everything the server prints from here on (Next's messages too) is one JSON object a line.
  routeConsoleToLogger();
  try {
    checkConfiguration();
    const mail = mailConfig();
    const kind = databaseKind();
    log.info({ database: kind, dataDir: kind === 'pglite' ? pgliteDataDir() : undefined }, kind === 'pglite' ? 'database: embedded PGlite' : 'database: PostgreSQL (DATABASE_URL)');
    await prepareDatabase();
    if (shouldSeedDemo()) {
      const seeded = await seedDemo();
      log.info(seeded ? 'demo data loaded' : 'demo data already present');
      // The demo accounts and their shared password are public (README); real accounts never are logged.
      log.info({ accounts: demoAccounts.users.map((a) => `${a.role} ${a.email}`), demoPassword: demoAccounts.password }, 'demo accounts');
      // On a terminal (the README's `npm start`), the same in plain lines a person can read.
      if (process.stdout.isTTY) {
        const lines = demoAccounts.users.map((a) => `  ${a.role.padEnd(10)} ${a.email}`);
        process.stdout.write(`\nDemo accounts (password for all: ${demoAccounts.password})\n${lines.join('\n')}\n\n`);
      }
    }
    log.info(
      mail.enabled
        ? { server: mail.server, from: mail.from, leaseSeconds: mail.delivery.leaseSeconds }
        : {},
      mail.enabled ? 'mail: delivered through SMTP' : 'mail: no SMTP settings, so nothing is sent; admins read queued mail at /admin/outbox',
    );
    startMailWorker();
    // On SIGTERM: the worker finishes the message being sent and gives the rest of its
    // claimed batch back while Next lets the requests in flight finish; then the database
    // closes and the process exits (lib/server/shutdown.ts). A message cut off anyway is
    // retried once its lease runs out.
    onShutdown(() => stopMailWorker());
    beforeExit(() => closeDatabase());
    installShutdown();
    log.info('ready');
  } catch (error) {
    log.fatal({ err: error }, `cannot start: ${(error as Error).message}`);
    log.flush?.();
    process.exit(1);
  }
}
