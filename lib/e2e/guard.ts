import crypto from 'node:crypto';
import path from 'node:path';

/**
 * The end-to-end tests' fixtures route (app/api/e2e/fixtures) creates users, organisations
 * and calls without any sign-in. It answers only when all of these hold, and "not found"
 * otherwise, as for any path that does not exist:
 *
 * - E2E_FIXTURES_SECRET is set (playwright.config.ts draws a new one for each run and
 *   hands it to the server it starts and to the tests, nowhere else), and the request
 *   carries it in the x-e2e-fixtures-secret header;
 * - the database is a throwaway one made by e2e/support/serve.mjs: the embedded database
 *   in .data/e2e (wiped at each run) or a PostgreSQL database named eoi_e2e_<time>_<hex>
 *   (created for the run and dropped after it).
 *
 * And a server started with E2E_FIXTURES_SECRET on any other database refuses to start
 * (lib/server/config.ts), so the variable cannot open the route on real data by mistake.
 */
export const E2E_FIXTURES_HEADER = 'x-e2e-fixtures-secret';

type Env = Record<string, string | undefined>;

const throwawayPostgres = /^eoi_e2e_\d+_[0-9a-f]{6}$/;

/** True for the databases e2e/support/serve.mjs makes and throws away. */
export function isThrowawayE2eDatabase(env: Env = process.env): boolean {
  if (env.DATABASE_URL) {
    try {
      return throwawayPostgres.test(decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1)));
    } catch {
      return false;
    }
  }
  const dir = env.PGLITE_DATA_DIR;
  return !!dir && !dir.startsWith('memory://') && path.resolve(dir) === path.join(process.cwd(), '.data', 'e2e');
}

/** Why the fixtures are refused on this server, or null when they are on. */
export function e2eFixturesRefusal(env: Env = process.env): string | null {
  const secret = env.E2E_FIXTURES_SECRET;
  if (!secret) return 'E2E_FIXTURES_SECRET is not set';
  if (secret.length < 32) return 'E2E_FIXTURES_SECRET is shorter than 32 characters';
  if (!isThrowawayE2eDatabase(env)) return 'the database is not a throwaway end-to-end database (e2e/support/serve.mjs)';
  return null;
}

/** Whether this request may use the fixtures: the server allows them and it carries the secret. */
export function e2eFixturesAllowed(presented: string | null, env: Env = process.env): boolean {
  if (e2eFixturesRefusal(env) || !presented) return false;
  const expected = crypto.createHash('sha256').update(env.E2E_FIXTURES_SECRET!).digest();
  const given = crypto.createHash('sha256').update(presented).digest();
  return crypto.timingSafeEqual(expected, given);
}
