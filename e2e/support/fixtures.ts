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

/** Signs up through the real form and returns the new applicant's address. */
export async function signUpApplicant(page: Page, name = 'Test Applicant') {
  const email = uniqueEmail('applicant');
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Choose a password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { email, password: 'a long enough password' };
}

type Fixtures = {
  /** A page signed in as the demo admin, in a context of its own. */
  adminPage: Page;
};

export const test = base.extend<Fixtures>({
  adminPage: async ({ browser }, use) => {
    const context: BrowserContext = await browser.newContext();
    await signInViaApi(context.request, demo.admin);
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
