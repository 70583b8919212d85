import crypto from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);

/**
 * A new secret for each run, for the test-only fixtures route (app/api/e2e/fixtures, guarded
 * by lib/e2e/guard.ts): the server started below and the test workers inherit it; nobody
 * else knows it.
 */
process.env.E2E_FIXTURES_SECRET ??= crypto.randomBytes(32).toString('hex');
export const baseURL = `http://localhost:${port}`;

/**
 * A system Chromium (Debian's /usr/bin/chromium) when there is one, else the browser
 * `npx playwright install chromium` downloads. CHROMIUM_PATH overrides both.
 */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath(),
    // The network here is closed: keep Chromium from reaching out on its own.
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  },
};

/**
 * Specs whose subject is the browser or the page, not the data: axe, the
 * Content-Security-Policy, widths at 390 px, typing on a slowed CPU or a slow 3G line, the
 * keyboard alone, the ticking countdown, the languages' rendering and the pages' guidance
 * (portal, steps). CI runs them on the embedded database only and sets
 * E2E_SKIP_BROWSER_ONLY=1 for its second run, on PostgreSQL, to stay within its time; what
 * they store is covered on PostgreSQL by the integration tests (languages, applications).
 */
const browserOnly = /(a11y|csp|phone|typing|slow-network|keyboard|countdown|languages|portal|steps)\.spec\.ts/;
const skipBrowserOnly = process.env.E2E_SKIP_BROWSER_ONLY === '1';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    timezoneId: 'Europe/Paris',
    locale: 'en-GB',
  },
  // No spec changes demo data another reads (those that must, on data of their own: the
  // fixtures in e2e/support/fixtures.ts), so they run in any order, side by side.
  projects: [{ name: 'chromium', testIgnore: skipBrowserOnly ? [browserOnly] : [], use: browser }],
  webServer: {
    // Builds when needed and serves the app on a database of its own (e2e/support/serve.mjs).
    command: 'node e2e/support/serve.mjs',
    url: `${baseURL}/api/health/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    // SIGTERM, so serve.mjs can drop its throwaway PostgreSQL database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(port), E2E_FIXTURES_SECRET: process.env.E2E_FIXTURES_SECRET },
  },
});
