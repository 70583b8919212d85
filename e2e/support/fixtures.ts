import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'eoi-demo-2026';
export const demo = {
  admin: 'admin@example.org',
  reviewer: 'reviewer@example.org',
  applicant: 'applicant@example.org',
} as const;

let counter = 0;
/** A fresh address per call, so tests never share a user. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.net`;
}

/**
 * Signs in through Auth.js's own credentials endpoint (no form), sharing the cookie jar
 * of the given context, so the pages that follow are signed in.
 */
export async function signInViaApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect(response.status(), 'the credentials endpoint answers with a redirect').toBe(302);
  const location = response.headers()['location'] ?? '';
  expect(location, `sign-in of ${email} failed: ${location}`).not.toContain('error=');
}

/**
 * Signs up through the real form, then signs in (sign-up answers "check your e-mail",
 * the same whether or not the address had an account), and returns the new applicant's
 * address and password. The page ends on the dashboard.
 */
export async function signUpApplicant(page: Page, name = 'Test Applicant') {
  const email = uniqueEmail('applicant');
  const password = 'a long enough password';
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { email, password };
}

/**
 * A documentation address (2001:db8::/32) of its own for each test: the app runs as behind
 * one proxy (serve.mjs sets TRUSTED_PROXY=1), so the per-address limits of one test never
 * refuse another's. Counted by /64, so each test gets its own /64.
 */
export function addressFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `2001:db8:${(hash >>> 16).toString(16)}:${(hash & 0xffff).toString(16)}::1`;
}

type Fixtures = {
  /** A page signed in as the demo admin, in a context of its own. */
  adminPage: Page;
};

export const test = base.extend<Fixtures>({
  extraHTTPHeaders: async ({}, use, testInfo) => {
    await use({ 'x-forwarded-for': addressFor(`${testInfo.testId}-${testInfo.retry}-${process.pid}`) });
  },
  adminPage: async ({ browser }, use) => {
    const context: BrowserContext = await browser.newContext();
    await signInViaApi(context.request, demo.admin);
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
