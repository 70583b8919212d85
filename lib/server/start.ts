import { databaseKind, pgliteDataDir, prepareDatabase } from '@/db';
import { installConnectionAddress } from '@/lib/security/edge';
import { demoAccounts, seedDemo, shouldSeedDemo } from '@/db/seed';
import { mailConfig } from '@/lib/mail/config';
import { startMailWorker, stopMailWorker } from '@/lib/mail/worker';
import { checkConfiguration } from './config';

/** Start-up: configuration check, migrations, demo data, the mail worker. Stops the process with a clear message when misconfigured. */
export async function startServer() {
  // First, before any request is handled: the client address for rate limits (lib/security/client-address.ts).
  installConnectionAddress();
  try {
    checkConfiguration();
    const mail = mailConfig();
    const kind = databaseKind();
    console.log(`[eoi] database: ${kind === 'pglite' ? `embedded PGlite in ${pgliteDataDir()}` : 'PostgreSQL (DATABASE_URL)'}`);
    await prepareDatabase();
    if (shouldSeedDemo()) {
      const seeded = await seedDemo();
      console.log(seeded ? '[eoi] demo data loaded' : '[eoi] demo data already present');
      console.log('[eoi] demo accounts (password: %s):', demoAccounts.password);
      for (const account of demoAccounts.users) console.log(`[eoi]   ${account.role.padEnd(9)} ${account.email}`);
    }
    console.log(
      mail.enabled
        ? `[eoi] mail: delivered through ${mail.server} as ${mail.from}`
        : '[eoi] mail: no SMTP settings, so nothing is sent; admins read queued mail at /admin/outbox',
    );
    startMailWorker();
    // Ours runs before Next's own handler: the message being sent finishes, the rest of
    // the claimed batch goes back to the queue. A message cut off anyway is retried once
    // its lease runs out.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.prependOnceListener(signal, () => {
        void stopMailWorker().catch((error) => console.error('[mail] stopping the worker failed', error));
      });
    }
  } catch (error) {
    console.error(`\n[eoi] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
