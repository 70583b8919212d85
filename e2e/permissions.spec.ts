import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { demo, DEMO_PASSWORD, expect, signInViaApi, signUpApplicant, softStatusOf, test } from './support/fixtures';

/**
 * Every page and download against every persona, with the answer each must get:
 *   200      the page
 *   sign-in  a visitor is sent to sign in (and back)
 *   403      signed in, without the role the page needs
 *   404      the record exists, but not for this persona (another organisation's
 *            application, another reviewer's assignment): it is not found, never "forbidden"
 */
type Persona = 'visitor' | 'applicant' | 'otherApplicant' | 'reviewer' | 'otherReviewer' | 'admin';
type Answer = 200 | 'sign-in' | 403 | 404;
const personas: Persona[] = ['visitor', 'applicant', 'otherApplicant', 'reviewer', 'otherReviewer', 'admin'];

const REVIEW_CALL = 'diaspora-health-workers-2026';

async function contextFor(browser: Browser, persona: Persona): Promise<BrowserContext> {
  const context = await browser.newContext();
  const emails: Partial<Record<Persona, string>> = {
    applicant: demo.applicant,
    reviewer: demo.reviewer,
    otherReviewer: 'reviewer2@example.org',
    admin: demo.admin,
  };
  if (persona === 'otherApplicant') {
    const page = await context.newPage();
    await signUpApplicant(page, 'Matrix Applicant');
    await page.close();
  } else if (emails[persona]) {
    await signInViaApi(context.request, emails[persona]!, DEMO_PASSWORD);
  }
  return context;
}

/** The first href on a page that matches. */
async function findHref(request: APIRequestContext, path: string, pattern: RegExp): Promise<string> {
  const html = await (await request.get(path)).text();
  const match = html.match(pattern);
  if (!match) throw new Error(`nothing matching ${pattern} on ${path}`);
  return match[1];
}

/**
 * What a persona gets. A visitor without a session is redirected by the proxy (a real 307).
 * Otherwise pages stream (Cache Components), so a refusal found while rendering cannot
 * change the status any more: it answers 200 with the not-found or forbidden page (marked
 * data-status, and noindex) or a redirect the browser follows; files answer real statuses.
 */
async function answerOf(request: APIRequestContext, path: string): Promise<Answer | number> {
  const response = await request.get(path, { maxRedirects: 0 });
  const status = response.status();
  if (status === 307 || status === 303 || status === 302) {
    const location = response.headers()['location'] ?? '';
    if (location.includes('/sign-in')) return 'sign-in';
  }
  if (status === 200 && (response.headers()['content-type'] ?? '').includes('text/html')) {
    const html = await response.text();
    if (/NEXT_REDIRECT;[a-z]+;\/sign-in/.test(html)) return 'sign-in';
    const soft = softStatusOf(html);
    if (soft) {
      expect(html, `${path} is kept out of search engines`).toContain('name="robots" content="noindex"');
      return soft;
    }
  }
  return status;
}

test('[permissions] every page and download answers each persona as it should', async ({ browser }) => {
  test.setTimeout(180_000);
  const contexts = Object.fromEntries(await Promise.all(personas.map(async (p) => [p, await contextFor(browser, p)] as const))) as Record<
    Persona,
    BrowserContext
  >;

  // Find the records the matrix is about, as their owners would.
  const admin = contexts.admin.request;
  const callId = await findHref(admin, '/admin/calls', /href="\/admin\/calls\/([0-9a-f-]{36})"[^>]*>Diaspora health professionals/);
  const applicationId = await findHref(contexts.applicant.request, '/dashboard', /href="\/applications\/([0-9a-f-]{36})(?:\/edit)?"/);
  const assignmentId = await findHref(contexts.reviewer.request, '/review', /href="\/review\/([0-9a-f-]{36})"/);

  const adminOnly: Record<Persona, Answer> = { visitor: 'sign-in', applicant: 403, otherApplicant: 403, reviewer: 403, otherReviewer: 403, admin: 200 };
  const applicantHome: Record<Persona, Answer> = { visitor: 'sign-in', applicant: 200, otherApplicant: 200, reviewer: 403, otherReviewer: 403, admin: 403 };
  const everyone: Record<Persona, Answer> = { visitor: 200, applicant: 200, otherApplicant: 200, reviewer: 200, otherReviewer: 200, admin: 200 };
  const hiddenExceptAdmin: Record<Persona, Answer> = { visitor: 404, applicant: 404, otherApplicant: 404, reviewer: 404, otherReviewer: 404, admin: 200 };

  const matrix: [string, Record<Persona, Answer>][] = [
    ['/', everyone],
    ['/partners', everyone],
    [`/calls/${REVIEW_CALL}`, everyone],
    ['/calls/diaspora-covid-recovery-2022/results', everyone],
    ['/calls/diaspora-covid-recovery-2022/results.json', everyone],
    // Nothing unpublished is reachable as results.
    [`/calls/${REVIEW_CALL}/results.json`, { visitor: 404, applicant: 404, otherApplicant: 404, reviewer: 404, otherReviewer: 404, admin: 404 }],
    ['/admin', adminOnly],
    ['/admin/calls', adminOnly],
    ['/admin/calls/new', adminOnly],
    ['/admin/users', adminOnly],
    ['/admin/outbox', adminOnly],
    ['/admin/audit', adminOnly],
    [`/admin/calls/${callId}`, adminOnly],
    [`/admin/calls/${callId}/edit`, adminOnly],
    [`/admin/calls/${callId}/questions`, adminOnly],
    [`/admin/calls/${callId}/screening`, adminOnly],
    [`/admin/calls/${callId}/assignments`, adminOnly],
    [`/admin/calls/${callId}/ranking`, adminOnly],
    [`/admin/calls/${callId}/selection`, adminOnly],
    [`/admin/calls/${callId}/export.csv`, hiddenExceptAdmin],
    ['/review', { visitor: 'sign-in', applicant: 403, otherApplicant: 403, reviewer: 200, otherReviewer: 200, admin: 403 }],
    [`/review/${assignmentId}`, { visitor: 'sign-in', applicant: 403, otherApplicant: 403, reviewer: 200, otherReviewer: 404, admin: 403 }],
    ['/dashboard', applicantHome],
    ['/organisation', applicantHome],
    [`/applications/${applicationId}`, { visitor: 'sign-in', applicant: 200, otherApplicant: 404, reviewer: 404, otherReviewer: 404, admin: 200 }],
  ];

  const wrong: string[] = [];
  for (const [path, expected] of matrix) {
    for (const persona of personas) {
      const answer = await answerOf(contexts[persona].request, path);
      if (answer !== expected[persona]) wrong.push(`${path} as ${persona}: expected ${expected[persona]}, got ${answer}`);
    }
  }
  expect(wrong, wrong.join('\n')).toEqual([]);
  await Promise.all(Object.values(contexts).map((c) => c.close()));
});
