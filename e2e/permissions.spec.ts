import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { appRoutes } from './support/routes';
import { expect, firstMatchOn, signInViaApi, softStatusOf, test } from './support/fixtures';
import { ReviewQueuePage } from './support/pages';

/**
 * Every page and route handler (read from the app folder: a new one without a row fails)
 * against seven personas, with the answer each must get:
 *   200      the page
 *   sign-in  a visitor is sent to sign in (and back)
 *   home     a signed-in user is sent to their own start page (sign-in, sign-up)
 *   401      an API route refuses a visitor
 *   403      signed in, without the role the page needs
 *   404      the record exists, but not for this persona (another organisation's
 *            application, another reviewer's assignment, an assignment whose reviewer
 *            declared a conflict): it is not found, never "forbidden"
 * The server actions have their own matrix, with the database checked after each refusal
 * (lib/security/permissions.test.ts), as do the file routes' uploads and deletions.
 */
type Persona = 'visitor' | 'applicant' | 'otherApplicant' | 'reviewer' | 'otherReviewer' | 'conflictedReviewer' | 'admin';
type Answer = 200 | 'sign-in' | 'home' | 401 | 403 | 404 | 405;
const personas: Persona[] = ['visitor', 'applicant', 'otherApplicant', 'reviewer', 'otherReviewer', 'conflictedReviewer', 'admin'];

const OPEN_CALL = 'diaspora-climate-resilience-2027';
const PUBLISHED_CALL = 'diaspora-covid-recovery-2022';
const BAD_TOKEN = 'not-a-real-token-0000000000000000';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

type Account = { email: string; password: string } | null;

async function contextFor(browser: Browser, account: Account): Promise<BrowserContext> {
  const context = await browser.newContext();
  if (account) await signInViaApi(context.request, account.email, account.password);
  return context;
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
    return location.includes('/sign-in') ? 'sign-in' : 'home';
  }
  if (status === 200 && (response.headers()['content-type'] ?? '').includes('text/html')) {
    const html = await response.text();
    // A redirect decided while streaming arrives inside the page.
    const redirect = html.match(/NEXT_REDIRECT;[a-z]+;([^;"\\]+)/);
    if (redirect) return redirect[1].includes('/sign-in') ? 'sign-in' : 'home';
    const soft = softStatusOf(html);
    if (soft) {
      expect(html, `${path} is kept out of search engines`).toContain('name="robots" content="noindex"');
      return soft;
    }
  }
  return status;
}

const all = (answer: Answer): Record<Persona, Answer> => Object.fromEntries(personas.map((p) => [p, answer])) as Record<Persona, Answer>;
const staff = { reviewer: 403, otherReviewer: 403, conflictedReviewer: 403 } as const;

test('[permissions] every page and route handler answers each of seven personas as it should', async ({ browser, reviewCall: world, users }) => {
  test.setTimeout(240_000);
  // A call in review of the matrix's own (its admin, applicant, panel and applications), so
  // the conflict declared below changes no data another spec reads.
  const accounts: Record<Persona, Account> = {
    visitor: null,
    applicant: world.applicant,
    otherApplicant: await users.create(['applicant'], 'Matrix Applicant'),
    reviewer: world.reviewers[0],
    otherReviewer: world.reviewers[1],
    conflictedReviewer: world.reviewers[2],
    admin: world.admin,
  };
  const contexts = Object.fromEntries(await Promise.all(personas.map(async (p) => [p, await contextFor(browser, accounts[p])] as const))) as Record<
    Persona,
    BrowserContext
  >;

  // The records the matrix is about, found as their owners would find them.
  const admin = contexts.admin.request;
  const REVIEW_CALL = world.call.slug;
  const callId = world.call.id;
  expect(await (await admin.get('/admin/calls')).text(), "the call is in the admin's list").toContain(`href="/admin/calls/${callId}"`);
  const rankedApplicationId = await firstMatchOn(admin, `/admin/calls/${callId}/ranking`, /href="\/admin\/calls\/[0-9a-f-]{36}\/ranking\/([0-9a-f-]{36})"/);
  // A message in the outbox, to have one to open.
  await contexts.visitor.request.get('/forgot-password');
  const outboxId = await firstMatchOn(admin, '/admin/outbox', /href="\/admin\/outbox\/([0-9a-f-]{36})"/).catch(async () => {
    const page = await contexts.visitor.newPage();
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail address').fill(world.reviewers[0].email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByText('a link to choose a new password is on its way')).toBeVisible();
    await page.close();
    return firstMatchOn(admin, '/admin/outbox', /href="\/admin\/outbox\/([0-9a-f-]{36})"/);
  });
  const applicationId = await firstMatchOn(contexts.applicant.request, '/dashboard', /href="\/applications\/([0-9a-f-]{36})(?:\/edit)?"/);
  const assignmentId = await firstMatchOn(contexts.reviewer.request, '/review', /href="\/review\/([0-9a-f-]{36})"/);

  // The conflicted reviewer declares a conflict on one of their assignments, as a person would.
  const conflicted = await contexts.conflictedReviewer.newPage();
  const conflictAssignmentId = await new ReviewQueuePage(conflicted).declareConflictOnFirst("I sit on this organisation's board.");
  await conflicted.close();

  const adminOnly: Record<Persona, Answer> = { ...all(403), visitor: 'sign-in', admin: 200 };
  const applicantOnly: Record<Persona, Answer> = { ...all(403), visitor: 'sign-in', applicant: 200, otherApplicant: 200 };
  const visitorsOnly: Record<Persona, Answer> = { ...all('home'), visitor: 200 };
  const hiddenExceptAdmin: Record<Persona, Answer> = { ...all(404), admin: 200 };

  /** pattern -> [concrete path, answers] (one pattern may have several rows). */
  const matrix: Record<string, [string, Record<Persona, Answer>][]> = {
    '/': [['/', all(200)]],
    '/partners': [['/partners', all(200)]],
    '/account': [['/account', { ...all(200), visitor: 'sign-in' }]],
    '/sign-in': [['/sign-in', visitorsOnly]],
    '/sign-up': [['/sign-up', visitorsOnly]],
    '/forgot-password': [['/forgot-password', all(200)]],
    '/invitation/[token]': [[`/invitation/${BAD_TOKEN}`, all(200)]],
    '/reset-password/[token]': [[`/reset-password/${BAD_TOKEN}`, all(200)]],
    '/verify-email/[token]': [[`/verify-email/${BAD_TOKEN}`, all(200)]],
    '/organisation/join/[token]': [[`/organisation/join/${BAD_TOKEN}`, all(200)]],
    '/calls/[slug]': [
      [`/calls/${REVIEW_CALL}`, all(200)],
      ['/calls/no-such-call', all(404)],
    ],
    '/calls/[slug]/apply': [[`/calls/${OPEN_CALL}/apply`, { ...applicantOnly, ...staff, admin: 403 }]],
    '/calls/[slug]/results': [[`/calls/${PUBLISHED_CALL}/results`, all(200)]],
    '/calls/[slug]/results.json': [
      [`/calls/${PUBLISHED_CALL}/results.json`, all(200)],
      // Nothing unpublished is reachable as results.
      [`/calls/${REVIEW_CALL}/results.json`, all(404)],
    ],
    '/calls/[slug]/results.csv': [
      [`/calls/${PUBLISHED_CALL}/results.csv`, all(200)],
      [`/calls/${REVIEW_CALL}/results.csv`, all(404)],
    ],
    // Public once the results are published: only accepted reports count (lib/data/impact.test.ts).
    '/calls/[slug]/impact': [
      [`/calls/${PUBLISHED_CALL}/impact`, all(200)],
      [`/calls/${REVIEW_CALL}/impact`, all(404)],
    ],
    '/calls/[slug]/impact.json': [
      [`/calls/${PUBLISHED_CALL}/impact.json`, all(200)],
      [`/calls/${REVIEW_CALL}/impact.json`, all(404)],
    ],
    '/calls/[slug]/impact.csv': [
      [`/calls/${PUBLISHED_CALL}/impact.csv`, all(200)],
      [`/calls/${REVIEW_CALL}/impact.csv`, all(404)],
    ],
    '/calls/[slug]/report': [
      [`/calls/${PUBLISHED_CALL}/report`, all(200)],
      [`/calls/${REVIEW_CALL}/report`, all(404)],
    ],
    '/dashboard': [['/dashboard', { ...applicantOnly, admin: 403 }]],
    '/organisation': [['/organisation', { ...applicantOnly, admin: 403 }]],
    '/applications/[id]': [[`/applications/${applicationId}`, { ...all(404), visitor: 'sign-in', applicant: 200, admin: 200 }]],
    // No award for the demo applicant's application (its call is not published): nobody finds one.
    '/applications/[id]/award': [[`/applications/${applicationId}/award`, { ...all(404), visitor: 'sign-in' }]],
    // The applicant's application is submitted: its editor sends its members to the application's page.
    '/applications/[id]/edit': [[`/applications/${applicationId}/edit`, { ...all(404), visitor: 'sign-in', applicant: 'home', admin: 403, ...staff }]],
    '/review': [['/review', { ...all(403), visitor: 'sign-in', reviewer: 200, otherReviewer: 200, conflictedReviewer: 200 }]],
    '/review/[assignmentId]': [
      [`/review/${assignmentId}`, { ...all(403), visitor: 'sign-in', reviewer: 200, otherReviewer: 404, conflictedReviewer: 404 }],
      // The conflicted reviewer's own assignment: withdrawn, the content is not found for anyone.
      [`/review/${conflictAssignmentId}`, { ...all(403), visitor: 'sign-in', reviewer: 404, otherReviewer: 404, conflictedReviewer: 404 }],
    ],
    '/admin': [['/admin', adminOnly]],
    '/admin/audit': [['/admin/audit', adminOnly]],
    '/admin/users': [['/admin/users', adminOnly]],
    '/admin/outbox': [['/admin/outbox', adminOnly]],
    '/admin/sanctions': [['/admin/sanctions', adminOnly]],
    // Upload only (PUT, tested in e2e/diligence.spec.ts and its data function in lib/data/diligence.test.ts): nothing to read.
    '/api/admin/sanctions': [['/api/admin/sanctions', all(405)]],
    '/admin/outbox/[id]': [[`/admin/outbox/${outboxId}`, adminOnly]],
    '/api/outbox/[id]/html': [[`/api/outbox/${outboxId}/html`, { ...all(404), admin: 200 }]],
    '/admin/calls': [['/admin/calls', adminOnly]],
    '/admin/calls/new': [['/admin/calls/new', adminOnly]],
    '/admin/calls/[id]': [[`/admin/calls/${callId}`, adminOnly]],
    '/admin/calls/[id]/edit': [[`/admin/calls/${callId}/edit`, adminOnly]],
    '/admin/calls/[id]/questions': [[`/admin/calls/${callId}/questions`, adminOnly]],
    '/admin/calls/[id]/screening': [[`/admin/calls/${callId}/screening`, adminOnly]],
    '/admin/calls/[id]/assignments': [[`/admin/calls/${callId}/assignments`, adminOnly]],
    '/admin/calls/[id]/ranking': [[`/admin/calls/${callId}/ranking`, adminOnly]],
    '/admin/calls/[id]/ranking/[applicationId]': [[`/admin/calls/${callId}/ranking/${rankedApplicationId}`, adminOnly]],
    '/admin/calls/[id]/selection': [[`/admin/calls/${callId}/selection`, adminOnly]],
    '/admin/calls/[id]/awards': [[`/admin/calls/${callId}/awards`, adminOnly]],
    '/admin/calls/[id]/reporting': [[`/admin/calls/${callId}/reporting`, adminOnly]],
    // Reports with real awards × personas are in e2e/reports.spec.ts and lib/data/reports.test.ts; here, the gates.
    '/admin/calls/[id]/reporting/[reportId]': [[`/admin/calls/${callId}/reporting/${NO_SUCH_ID}`, { ...adminOnly, admin: 404 }]],
    '/applications/[id]/reports/[periodId]': [
      [`/applications/${applicationId}/reports/${NO_SUCH_ID}`, { ...all(403), visitor: 'sign-in', applicant: 404, otherApplicant: 404 }],
    ],
    '/admin/calls/[id]/export.csv': [[`/admin/calls/${callId}/export.csv`, hiddenExceptAdmin]],
    // The call's applications hold no uploaded file: these rows check that nobody gets more than
    // "not found"; uploads, downloads and deletions of real files × seven personas are in
    // lib/security/permissions.test.ts.
    '/api/applications/[id]/files/[slotId]': [[`/api/applications/${applicationId}/files/${NO_SUCH_ID}`, { ...all(404), visitor: 401 }]],
    '/api/review/[assignmentId]/files/[fileId]': [[`/api/review/${assignmentId}/files/${NO_SUCH_ID}`, all(404)]],
    // A report's files: upload only on the list (PUT); a file nobody has is "not found" to all
    // (the real files × members, strangers and admins are in lib/data/reports.test.ts and e2e/reports.spec.ts).
    '/api/awards/[awardId]/reports/[periodId]/files': [[`/api/awards/${NO_SUCH_ID}/reports/${NO_SUCH_ID}/files`, all(405)]],
    '/api/awards/[awardId]/reports/[periodId]/files/[fileId]': [[`/api/awards/${NO_SUCH_ID}/reports/${NO_SUCH_ID}/files/${NO_SUCH_ID}`, { ...all(404), visitor: 401 }]],
    // An organisation's library: upload only on the list (PUT); a document nobody has is "not
    // found" to all (real documents × members, strangers, reviewers and admins: lib/data/verification.test.ts).
    '/api/organisations/[id]/documents': [[`/api/organisations/${NO_SUCH_ID}/documents`, all(405)]],
    '/api/organisations/[id]/documents/[documentId]': [[`/api/organisations/${NO_SUCH_ID}/documents/${NO_SUCH_ID}`, { ...all(404), visitor: 401 }]],
    '/api/health': [['/api/health', all(200)]],
    '/api/health/ready': [['/api/health/ready', all(200)]],
    // Who is signed in, for the header's island: everyone may ask (a visitor is told "nobody").
    '/api/me': [['/api/me', all(200)]],
    '/api/calls/[callId]/questions': [[`/api/calls/${callId}/questions`, all(200)]],
    '/admin/calls/[id]/preview': [[`/admin/calls/${callId}/preview`, adminOnly]],
    '/[...rest]': [['/no-such-page/at-all', all(404)]],
    // The end-to-end tests' own fixtures (lib/e2e/guard.ts): nothing for anyone without the run's secret.
    '/api/e2e/fixtures': [['/api/e2e/fixtures', all(404)]],
    // The benchmark's empty reference page.
    '/bench/empty': [['/bench/empty', all(200)]],
  };
  /** Route handlers that are not pages of ours: Auth.js's own endpoints. */
  const notInMatrix: Record<string, string> = { '/api/auth/[...nextauth]': "Auth.js's endpoints (sign-in is tested in e2e/security.spec.ts)" };

  const routes = appRoutes().map((r) => r.pattern);
  const missing = routes.filter((r) => !matrix[r] && !notInMatrix[r]);
  const stale = Object.keys(matrix).filter((r) => !routes.includes(r));
  expect({ missing, stale }, 'every page and route has a row').toEqual({ missing: [], stale: [] });

  const wrong: string[] = [];
  let checked = 0;
  for (const rows of Object.values(matrix)) {
    for (const [path, expected] of rows) {
      for (const persona of personas) {
        const answer = await answerOf(contexts[persona].request, path);
        checked += 1;
        if (answer !== expected[persona]) wrong.push(`${path} as ${persona}: expected ${expected[persona]}, got ${answer}`);
      }
    }
  }
  // Nor does the fixtures route create anything for a request without the secret.
  for (const persona of personas) {
    const response = await contexts[persona].request.post('/api/e2e/fixtures', { data: { kind: 'user', roles: ['admin'] } });
    checked += 1;
    if (response.status() !== 404) wrong.push(`POST /api/e2e/fixtures as ${persona}: expected 404, got ${response.status()}`);
  }
  expect(wrong, wrong.join('\n')).toEqual([]);
  expect(checked).toBeGreaterThan(300);
  await Promise.all(Object.values(contexts).map((c) => c.close()));
});
