import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { demo, DEMO_PASSWORD, expect, signInViaApi, test } from './support/fixtures';
import { localePath, locales } from './support/locales';

/**
 * axe (WCAG 2.2 A and AA rules) on every page, as every persona who can open it: 0
 * violations. Every page in English; in French and Arabic every public and applicant page
 * (the people who apply in those languages); in Arabic a sample of the staff pages, one of
 * each layout (lists, tables, the ranking, the forms), since what a language changes there
 * is its text, direction and `lang`, not the page's structure, and French changes neither
 * direction nor layout. One visit per page, to keep CI within its time.
 */
type Persona = 'visitor' | 'applicant' | 'reviewer' | 'admin';

const OPEN_CALL = 'diaspora-climate-resilience-2027';
const REVIEW_CALL = 'diaspora-health-workers-2026';
const RESULTS_CALL = 'diaspora-covid-recovery-2022';

async function contextFor(browser: Browser, persona: Persona): Promise<BrowserContext> {
  const context = await browser.newContext();
  const emails = { applicant: demo.applicant, reviewer: demo.reviewer, admin: demo.admin } as const;
  if (persona !== 'visitor') await signInViaApi(context.request, emails[persona], DEMO_PASSWORD);
  return context;
}

async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.map((h) => h.match(pattern)).find(Boolean);
  if (!found) throw new Error(`no link matching ${pattern} on ${path}`);
  return found[0];
}

async function pagesOf(persona: Persona, page: Page, locale: string): Promise<string[]> {
  const publicPages = ['/', '/partners', `/calls/${OPEN_CALL}`, `/calls/${REVIEW_CALL}`, `/calls/${RESULTS_CALL}`, `/calls/${RESULTS_CALL}/results`, `/calls/${RESULTS_CALL}/impact`, `/calls/${RESULTS_CALL}/report`];
  if (persona === 'visitor') return [...publicPages, '/sign-in', '/sign-up', '/forgot-password', '/reset-password/not-a-real-token'];
  if (persona === 'applicant') {
    const application = await firstHref(page, '/dashboard', /\/applications\/[0-9a-f-]{36}$/);
    return ['/dashboard', '/organisation', application, `/calls/${OPEN_CALL}/apply`, `/calls/${OPEN_CALL}`];
  }
  if (persona === 'reviewer') {
    const assignment = await firstHref(page, '/review', /\/review\/[0-9a-f-]{36}$/);
    return ['/review', assignment];
  }
  if (locale !== 'en') {
    await page.goto('/admin/calls');
    const call = (await page.getByRole('link', { name: /Diaspora health professionals/ }).first().getAttribute('href'))!;
    return ['/admin', '/admin/users', `${call}/ranking`, `${call}/selection`, '/admin/calls/new'];
  }
  await page.goto('/admin/calls');
  const call = (await page.getByRole('link', { name: /Diaspora health professionals/ }).first().getAttribute('href'))!;
  const openCall = (await page.getByRole('link', { name: /climate resilience/i }).first().getAttribute('href'))!;
  const detail = await firstHref(page, `${call}/ranking`, /\/admin\/calls\/[0-9a-f-]{36}\/ranking\/[0-9a-f-]{36}$/);
  // A message, if any is queued yet (the demo queues none by itself).
  const mail = await firstHref(page, '/admin/outbox', /\/admin\/outbox\/[^?/]+$/).catch(() => null);
  return [
    '/admin',
    '/admin/calls',
    '/admin/calls/new',
    '/admin/users',
    '/admin/outbox',
    ...(mail ? [mail] : []),
    '/admin/audit',
    call,
    `${openCall}/edit`,
    `${openCall}/questions`,
    `${call}/screening`,
    `${call}/assignments`,
    `${call}/ranking`,
    detail,
    `${call}/selection`,
  ];
}

// One test per persona and language, so the walk spreads over the workers and a failure names its part.
for (const persona of ['visitor', 'applicant', 'reviewer', 'admin'] as const) {
  const staff = persona === 'reviewer' || persona === 'admin';
  for (const locale of locales.filter((l) => !(staff && l === 'fr'))) {
    test(`[a11y] axe finds no WCAG 2.2 AA violation on the ${persona}'s pages in ${locale}`, async ({ browser }) => {
      const failures: string[] = [];
      const context = await contextFor(browser, persona);
      const page = await context.newPage();
      const paths = await pagesOf(persona, page, locale);
      // A page and its axe run take 3-20 s on two busy cores: the admin has fifteen pages.
      test.setTimeout(60_000 + 25_000 * paths.length);
      for (const path of paths) {
        await page.goto(localePath(locale, path));
        // The header's island (the language switcher) is there once the page is interactive.
        await page.locator('header nav li a[hreflang], header nav li a[aria-current]').first().waitFor();
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          // Only what fails: computing every rule that passes doubles the time of a page.
          .options({ resultTypes: ['violations'] })
          .analyze();
        for (const v of violations) {
          failures.push(`${locale} ${path}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')}: ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
        }
      }
      await context.close();
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
}
