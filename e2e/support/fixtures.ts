import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import type { E2eAwardsCall, E2eFixtureRequest, E2eReporting, E2eReviewCall, E2eUser } from '../../lib/e2e/fixtures';
import { SignInPage } from './pages';

export { answerConfirmation } from './pages';

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
  await new SignInPage(page).signIn(email, password);
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

/**
 * With Cache Components, Next keeps recently visited pages mounted but hidden (React's
 * Activity), so the previous page's fields and texts are still in the DOM. A person sees
 * only the current page, and so do these tests: every text-, label- and test-id-based
 * locator keeps only visible elements (getByRole already ignores hidden ones).
 */
const visibleOnly = ['getByLabel', 'getByText', 'getByTestId', 'getByPlaceholder', 'getByTitle', 'getByAltText'] as const;
const patched = new WeakSet<object>();
function seeOnlyVisible(target: object) {
  if (patched.has(target)) return;
  patched.add(target);
  type Filterable = { filter: (o: { visible: boolean }) => Filterable };
  const proto = target as Record<string, (...args: unknown[]) => Filterable>;
  for (const name of visibleOnly) {
    const original = proto[name];
    proto[name] = function (this: unknown, ...args: unknown[]): Filterable {
      return original.apply(this, args).filter({ visible: true });
    };
  }
}

export type { E2eAwardsCall, E2eReporting, E2eReviewCall, E2eUser };

/**
 * Creates a test's own data through the app's test-only route (app/api/e2e/fixtures). It
 * answers only the server playwright.config.ts starts, on its throwaway database, to
 * requests carrying the secret drawn for the run (lib/e2e/guard.ts).
 */
async function createFixture<T>(request: APIRequestContext, body: E2eFixtureRequest): Promise<T> {
  const secret = process.env.E2E_FIXTURES_SECRET;
  if (!secret) throw new Error('E2E_FIXTURES_SECRET is not set: run the tests through playwright.config.ts');
  const response = await request.post('/api/e2e/fixtures', { data: body, headers: { 'x-e2e-fixtures-secret': secret } });
  expect(response.status(), `fixture ${body.kind}: ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
}

type Fixtures = {
  /** A page signed in as the demo admin, in a context of its own. */
  adminPage: Page;
  visibleLocators: void;
  /** Users of the test's own (as cal.com's `users` fixture): `await users.create(['reviewer'])`. */
  users: { create(roles: ('applicant' | 'reviewer' | 'admin')[], name?: string): Promise<E2eUser> };
  /**
   * A call in review of the test's own, shaped like the demo's (db/seed.ts insertReviewCall),
   * with its admin, applicant, organisations, panel of three and nine applications: a test
   * may move it on, publish it or declare conflicts on it without touching the demo data.
   */
  reviewCall: E2eReviewCall;
  /** A published call of the test's own (lib/e2e/fixtures.ts createE2eAwardsCall): two selected with offers, two on the reserve list. */
  awardsCall: E2eAwardsCall;
  /** A published call of the test's own with one accepted award (its applicant's) and an interim reporting period due in ten days, with its admin. */
  reporting: E2eReporting;
  /** A page signed in (through the API) as `user`, in a context of its own, closed after the test. */
  pageAs: (user: { email: string; password: string }) => Promise<Page>;
  requestsInFlight: void;
};

/**
 * The requests each browser context of a test was still waiting for when the test ended
 * (or when its context was closed). A failed test prints them: it tells a server that never
 * answered from a browser that never moved on (a click whose navigation never finished, seen
 * in CI, left no trace but the old page).
 */
class RequestWatch {
  private readonly pending = new Map<Request, number>();
  private readonly atClose: string[] = [];

  watch(context: BrowserContext) {
    context.on('request', (request) => this.pending.set(request, Date.now()));
    const settled = (request: Request) => this.pending.delete(request);
    context.on('requestfinished', settled);
    context.on('requestfailed', settled);
    // Closing a context aborts what it waits for: note it first.
    const close = context.close.bind(context);
    context.close = async (...args) => {
      this.atClose.push(...this.describe(context));
      return close(...args);
    };
  }

  describe(context?: BrowserContext): string[] {
    const now = Date.now();
    return [...this.pending]
      .filter(([request]) => !context || request.frame().page().context() === context)
      .map(([request, started]) => {
        const headers = request.headers();
        const kind = headers['next-router-prefetch'] ? ' (RSC prefetch)' : headers['rsc'] ? ' (RSC)' : headers['next-action'] ? ' (server action)' : '';
        return `${request.method()} ${request.url()}${kind}, from ${request.frame().page().url()}, for ${now - started} ms`;
      });
  }

  report(): string[] {
    return [...new Set([...this.atClose, ...this.describe()])];
  }
}

/**
 * React throws the server's HTML away when the browser's first render differs from it
 * (minified errors 418-425), and with it whatever the person had typed: every test's
 * pages are watched, and a test whose page hit one fails.
 */
function watchHydration(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (page: Page) =>
    page.on('pageerror', (error) => {
      if (/Minified React error #4(1[89]|2[0-5])\b|Hydration failed/.test(error.message)) errors.push(`${page.url()}: ${error.message.slice(0, 200)}`);
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return errors;
}

export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    const errors = watchHydration(context);
    await use(context);
    expect(errors, 'the page hydrated without a mismatch').toEqual([]);
  },
  extraHTTPHeaders: async ({}, use, testInfo) => {
    await use({ 'x-forwarded-for': addressFor(`${testInfo.testId}-${testInfo.retry}-${process.pid}`) });
  },
  visibleLocators: [
    async ({ page }, use) => {
      seeOnlyVisible(Object.getPrototypeOf(page));
      seeOnlyVisible(Object.getPrototypeOf(page.locator('body')));
      await use();
    },
    { auto: true },
  ],
  requestsInFlight: [
    async ({ browser, context }, use, testInfo) => {
      const watch = new RequestWatch();
      watch.watch(context);
      const newContext = browser.newContext;
      browser.newContext = async function (this: Browser, ...args: Parameters<Browser['newContext']>) {
        const created = await newContext.apply(this, args);
        watch.watch(created);
        return created;
      };
      await use();
      browser.newContext = newContext;
      const waiting = watch.report();
      if (testInfo.status !== testInfo.expectedStatus && waiting.length > 0) {
        console.log(`[${testInfo.title}] still waiting when it ended:\n  ${waiting.join('\n  ')}`);
      }
    },
    { auto: true },
  ],
  adminPage: async ({ pageAs }, use) => {
    await use(await pageAs({ email: demo.admin, password: DEMO_PASSWORD }));
  },
  users: async ({ request }, use) => {
    await use({ create: (roles, name) => createFixture<E2eUser>(request, { kind: 'user', roles, name }) });
  },
  reviewCall: async ({ request }, use) => {
    await use(await createFixture<E2eReviewCall>(request, { kind: 'review-call' }));
  },
  awardsCall: async ({ request }, use) => {
    await use(await createFixture<E2eAwardsCall>(request, { kind: 'awards-call' }));
  },
  reporting: async ({ request }, use) => {
    await use(await createFixture<E2eReporting>(request, { kind: 'reporting' }));
  },
  pageAs: async ({ browser }, use) => {
    const opened: { context: BrowserContext; errors: string[] }[] = [];
    await use(async (user) => {
      const { context, errors } = await signedInContext(browser, user);
      opened.push({ context, errors });
      return context.newPage();
    });
    for (const { context } of opened) await context.close();
    expect(opened.flatMap((o) => o.errors), 'the page hydrated without a mismatch').toEqual([]);
  },
});

/** A browser context signed in as `user` through the API, its pages watched for hydration errors. */
export async function signedInContext(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext();
  await signInViaApi(context.request, user.email, user.password);
  return { context, errors: watchHydration(context) };
}

export { expect };

/** The first group of the first match of `pattern` in the HTML of `path` (e.g. a demo record's id in a link). */
export async function firstMatchOn(request: APIRequestContext, path: string, pattern: RegExp): Promise<string> {
  const html = await (await request.get(path)).text();
  const match = html.match(pattern);
  if (!match) throw new Error(`nothing matching ${pattern} on ${path}`);
  return match[1];
}

/** The refusal a streamed page carries (Next's digest for forbidden() / notFound()), if any. */
export function softStatusOf(html: string): 403 | 404 | null {
  const match = html.match(/NEXT_HTTP_ERROR_FALLBACK;(403|404)/);
  return match ? (Number(match[1]) as 403 | 404) : null;
}

/**
 * The answer a page gave: 403 or 404 from the forbidden / not-found page, else the HTTP
 * status. Pages stream (Cache Components), so a refusal found while rendering keeps the
 * status 200, is marked noindex and shows its page (data-status); the proxy redirects
 * visitors with a real 307, and files answer real statuses.
 */
export async function answerOfPage(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  const soft = response ? softStatusOf(await response.text()) : null;
  if (soft) {
    await expect(page.locator('meta[name="robots"][content="noindex"]')).toHaveCount(1);
    await expect(page.locator(`[data-status="${soft}"]`)).toBeVisible();
    return soft;
  }
  return response?.status() ?? 0;
}
