import type { Browser, BrowserContext, Page } from '@playwright/test';
import { appRoutes } from './support/routes';
import { demo, DEMO_PASSWORD, expect, signInViaApi, test } from './support/fixtures';

/**
 * Every page, in a real browser, as a persona who may see it: not one Content-Security-
 * Policy violation (scripts, styles, images, connections, frames), and the page's scripts
 * ran (Next.js started in the browser). A new page without a row fails.
 */
type Who = 'visitor' | 'applicant' | 'reviewer' | 'admin' | 'partner';

/** `partner`: the applicant of a test's own call with an accepted award (the reporting fixture). */
async function contextFor(browser: Browser, who: Who, partner: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext();
  const emails = { applicant: demo.applicant, reviewer: demo.reviewer, admin: demo.admin } as const;
  if (who === 'partner') await signInViaApi(context.request, partner.email, partner.password);
  else if (who !== 'visitor') await signInViaApi(context.request, emails[who], DEMO_PASSWORD);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  return context;
}

async function violationsOn(page: Page, path: string): Promise<string[]> {
  const fromConsole: string[] = [];
  const listener = (message: { text(): string }) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) fromConsole.push(message.text());
  };
  page.on('console', listener);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const started = await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next === 'object');
  const seen = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  page.off('console', listener);
  return [...seen, ...fromConsole, ...(started ? [] : ['Next.js did not start in the browser (its scripts were blocked?)'])];
}

test('[csp] no page breaks the Content-Security-Policy', async ({ browser, reporting }) => {
  test.setTimeout(300_000);
  const who: Who[] = ['visitor', 'applicant', 'reviewer', 'admin', 'partner'];
  const contexts = Object.fromEntries(await Promise.all(who.map(async (w) => [w, await contextFor(browser, w, reporting.applicant)] as const))) as Record<Who, BrowserContext>;
  const pages = Object.fromEntries(await Promise.all(who.map(async (w) => [w, await contexts[w].newPage()] as const))) as Record<Who, Page>;

  const html = async (w: Who, path: string) => (await contexts[w].request.get(path)).text();
  // A message in the outbox, to have one to open.
  const forgot = pages.visitor;
  await forgot.goto('/forgot-password');
  await forgot.getByLabel('E-mail address').fill(demo.reviewer);
  await forgot.getByRole('button', { name: 'Send the link' }).click();
  await expect(forgot.getByText('a link to choose a new password is on its way')).toBeVisible();
  const callId = (await html('admin', '/admin/calls')).match(/href="\/admin\/calls\/([0-9a-f-]{36})"[^>]*>Diaspora health professionals/)![1];
  const rankedId = (await html('admin', `/admin/calls/${callId}/ranking`)).match(/href="\/admin\/calls\/[0-9a-f-]{36}\/ranking\/([0-9a-f-]{36})"/)![1];
  const outboxId = (await html('admin', '/admin/outbox')).match(/href="\/admin\/outbox\/([0-9a-f-]{36})"/)![1];
  const covidCallId = (await html('admin', '/admin/calls')).match(/href="\/admin\/calls\/([0-9a-f-]{36})"[^>]*>Diaspora organisations in COVID-19 recovery/)![1];
  const reportId = (await html('admin', `/admin/calls/${covidCallId}/reporting`)).match(/href="\/admin\/calls\/[0-9a-f-]{36}\/reporting\/([0-9a-f-]{36})"/)![1];
  const applicationId = (await html('applicant', '/dashboard')).match(/href="\/applications\/([0-9a-f-]{36})(?:\/edit)?"/)![1];
  const assignmentId = (await html('reviewer', '/review')).match(/href="\/review\/([0-9a-f-]{36})"/)![1];
  const token = 'not-a-real-token-0000000000000000';

  const visits: Record<string, [Who, string][]> = {
    '/': [['visitor', '/'], ['admin', '/']],
    '/partners': [['visitor', '/partners']],
    '/account': [['applicant', '/account']],
    '/sign-in': [['visitor', '/sign-in']],
    '/sign-up': [['visitor', '/sign-up']],
    '/forgot-password': [['visitor', '/forgot-password']],
    '/invitation/[token]': [['visitor', `/invitation/${token}`]],
    '/reset-password/[token]': [['visitor', `/reset-password/${token}`]],
    '/verify-email/[token]': [['visitor', `/verify-email/${token}`]],
    '/organisation/join/[token]': [['visitor', `/organisation/join/${token}`]],
    '/calls/[slug]': [['visitor', '/calls/diaspora-climate-resilience-2027'], ['visitor', '/calls/no-such-call']],
    '/calls/[slug]/apply': [['applicant', '/calls/diaspora-climate-resilience-2027/apply']],
    '/calls/[slug]/results': [['visitor', '/calls/diaspora-covid-recovery-2022/results']],
    '/calls/[slug]/impact': [['visitor', '/calls/diaspora-covid-recovery-2022/impact']],
    '/calls/[slug]/report': [['visitor', '/calls/diaspora-covid-recovery-2022/report']],
    '/dashboard': [['applicant', '/dashboard']],
    '/organisation': [['applicant', '/organisation']],
    '/applications/[id]': [['applicant', `/applications/${applicationId}`]],
    '/applications/[id]/edit': [['applicant', `/applications/${applicationId}/edit`]],
    '/applications/[id]/award': [['applicant', `/applications/${applicationId}/award`]],
    '/applications/[id]/reports/[periodId]': [['partner', `/applications/${reporting.application.id}/reports/${reporting.period.id}`]],
    '/review': [['reviewer', '/review']],
    '/review/[assignmentId]': [['reviewer', `/review/${assignmentId}`]],
    '/admin': [['admin', '/admin'], ['applicant', '/admin']],
    '/admin/audit': [['admin', '/admin/audit']],
    '/admin/users': [['admin', '/admin/users']],
    '/admin/outbox': [['admin', '/admin/outbox']],
    '/admin/sanctions': [['admin', '/admin/sanctions']],
    '/admin/outbox/[id]': [['admin', `/admin/outbox/${outboxId}`]],
    '/admin/calls': [['admin', '/admin/calls']],
    '/admin/calls/new': [['admin', '/admin/calls/new']],
    '/admin/calls/[id]': [['admin', `/admin/calls/${callId}`]],
    '/admin/calls/[id]/edit': [['admin', `/admin/calls/${callId}/edit`]],
    '/admin/calls/[id]/questions': [['admin', `/admin/calls/${callId}/questions`]],
    '/admin/calls/[id]/screening': [['admin', `/admin/calls/${callId}/screening`]],
    '/admin/calls/[id]/assignments': [['admin', `/admin/calls/${callId}/assignments`]],
    '/admin/calls/[id]/ranking': [['admin', `/admin/calls/${callId}/ranking`]],
    '/admin/calls/[id]/ranking/[applicationId]': [['admin', `/admin/calls/${callId}/ranking/${rankedId}`]],
    '/admin/calls/[id]/selection': [['admin', `/admin/calls/${callId}/selection`]],
    '/admin/calls/[id]/awards': [['admin', `/admin/calls/${covidCallId}/awards`]],
    '/admin/calls/[id]/reporting': [['admin', `/admin/calls/${covidCallId}/reporting`]],
    '/admin/calls/[id]/reporting/[reportId]': [['admin', `/admin/calls/${covidCallId}/reporting/${reportId}`]],
    '/admin/calls/[id]/preview': [['admin', `/admin/calls/${callId}/preview`]],
    '/[...rest]': [['visitor', '/no-such-page/at-all']],
    '/bench/empty': [['visitor', '/bench/empty']],
  };
  const routes = appRoutes().filter((r) => r.kind === 'page').map((r) => r.pattern);
  expect({ missing: routes.filter((r) => !visits[r]), stale: Object.keys(visits).filter((r) => !routes.includes(r)) }).toEqual({ missing: [], stale: [] });

  const found: string[] = [];
  for (const list of Object.values(visits)) {
    for (const [w, path] of list) {
      for (const violation of await violationsOn(pages[w], path)) found.push(`${path} as ${w}: ${violation}`);
    }
  }
  expect(found, found.join('\n')).toEqual([]);
  await Promise.all(Object.values(contexts).map((c) => c.close()));
});
