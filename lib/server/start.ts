import { databaseKind, pgliteDataDir, prepareDatabase } from '@/db';
import { authSecret } from '@/lib/auth/secret';
import { demoAccounts, seedDemo, shouldSeedDemo } from '@/db/seed';

/** Start-up: configuration check, migrations, demo data. Stops the process with a clear message when misconfigured. */
export async function startServer() {
  try {
    authSecret();
    const kind = databaseKind();
    console.log(`[eoi] database: ${kind === 'pglite' ? `embedded PGlite in ${pgliteDataDir()}` : 'PostgreSQL (DATABASE_URL)'}`);
    await prepareDatabase();
    if (shouldSeedDemo()) {
      const seeded = await seedDemo();
      console.log(seeded ? '[eoi] demo data loaded' : '[eoi] demo data already present');
      console.log('[eoi] demo accounts (password: %s):', demoAccounts.password);
      for (const account of demoAccounts.users) console.log(`[eoi]   ${account.role.padEnd(9)} ${account.email}`);
    }
  } catch (error) {
    console.error(`\n[eoi] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
