import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { localePath, type Locale } from './support/locales';
import { appRoutes } from './support/routes';
import { demo, expect, firstMatchOn, signInViaApi, signUpApplicant, test } from './support/fixtures';

/**
 * Every page of every persona on a phone (390 × 844): nothing wider than the screen, wide
 * tables that say they scroll, a header folded into a menu, the application's form on the
 * first screen. Screenshots of the home page, the dashboard and a results table go to
 * SCREENS_DIR (default /work/wt/screens) for a person to look at.
 *
 * The same walk checks the Content-Security-Policy: not one violation (scripts, styles,
 * images, connections, frames) on any page, and the page's scripts ran (Next.js started in
 * the browser). One walk for both keeps CI within its time: each visit costs the same.
 */
const PHONE = { width: 390, height: 844 };
const phone = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SCREENS = process.env.SCREENS_DIR ?? '/work/wt/screens';

const REVIEW_CALL = 'diaspora-health-workers-2026';
const OPEN_CALL = 'diaspora-climate-resilience-2027';
const PUBLISHED_CALL = 'diaspora-covid-recovery-2022';
const BAD_TOKEN = 'not-a-real-token-0000000000000000';

/** `partner`: the applicant of a test's own call with an accepted award (the reporting fixture). */
type Persona = 'visitor' | 'applicant' | 'newApplicant' | 'reviewer' | 'admin' | 'partner';

async function phoneContext(browser: Browser, persona: Persona, locale: Locale = 'en', partner?: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ ...phone, locale: locale === 'ar' ? 'ar' : locale === 'fr' ? 'fr-FR' : 'en-GB' });
  const emails: Partial<Record<Persona, string>> = { applicant: demo.applicant, reviewer: demo.reviewer, admin: demo.admin };
  if (persona === 'partner' && partner) await signInViaApi(context.request, partner.email, partner.password);
  else if (emails[persona]) await signInViaApi(context.request, emails[persona]!);
  return context;
}

/** Records the page's Content-Security-Policy violations, for cspProblems(). */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
}

/** The CSP violations of the page just loaded (reported to the page or its console), and whether Next.js started. */
async function cspProblems(page: Page, fromConsole: string[]): Promise<string[]> {
  const started = await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next === 'object');
  const seen = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return [...seen, ...fromConsole.splice(0), ...(started ? [] : ['Next.js did not start in the browser (its scripts were blocked?)'])];
}

/** A new applicant's organisation and draft application to the open call, as in e2e/applicant.spec.ts; ends in its editor. */
async function startDraft(page: Page, organisation: string) {
  await page.goto(`/calls/${OPEN_CALL}/apply`);
  await page.getByRole('link', { name: 'Create your organisation' }).click();
  await page.getByLabel('Legal name').fill(organisation);
  await page.getByLabel('Country of registration').selectOption('FR');
  await page.getByLabel('Countries of heritage').selectOption('SN');
  await page.getByRole('button', { name: 'Create the organisation' }).click();
  await expect(page).toHaveURL(/\/apply$/);
  await page.getByRole('button', { name: 'Start the application' }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/edit/);
}

/** How wide the page is, and the elements that stick out of the screen (outside any scrolling box). */
async function widthOf(page: Page) {
  return page.evaluate((limit) => {
    const scrolls = (el: Element) => {
      const style = getComputedStyle(el);
      return /(auto|scroll|hidden|clip)/.test(style.overflowX) && el !== document.documentElement && el !== document.body;
    };
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || (box.right <= limit + 0.5 && box.left >= -0.5)) continue;
      let parent = el.parentElement;
      let clipped = false;
      while (parent) {
        if (scrolls(parent)) clipped = true;
        parent = parent.parentElement;
      }
      if (clipped) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.getAttribute('class') ?? '').split(' ').slice(0, 3).join('.')}`;
      culprits.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}] "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5) };
  }, PHONE.width);
}

/**
 * In Arabic, every page of the people who apply, and of the staff pages one of each layout
 * (a form, lists, wide tables, the ranking, a record): what the language changes there is
 * the direction and the text, not the page's structure. Every page is walked in English.
 */
const STAFF = new Set<Persona>(['reviewer', 'admin']);
const STAFF_SAMPLE = new Set([
  '/review/[assignmentId]',
  '/admin',
  '/admin/calls',
  '/admin/calls/[id]/edit',
  '/admin/calls/[id]/ranking',
  '/admin/calls/[id]/selection',
  '/admin/calls/[id]/reporting/[reportId]',
  '/admin/outbox/[id]',
  '/applications/[id]',
]);

test.describe.configure({ mode: 'serial' });

test('[phone] no page of any persona is wider than a 390 px screen or breaks the Content-Security-Policy, in English and Arabic', async ({ browser, reporting }) => {
  test.setTimeout(480_000);
  const personas: Persona[] = ['visitor', 'applicant', 'newApplicant', 'reviewer', 'admin', 'partner'];
  const contexts = Object.fromEntries(
    await Promise.all(personas.map(async (p) => [p, await phoneContext(browser, p, 'en', reporting.applicant)] as const)),
  ) as Record<Persona, BrowserContext>;
  await Promise.all(Object.values(contexts).map(watchCsp));

  // A new applicant with an organisation and a draft: the application's editor.
  const fresh = await contexts.newApplicant.newPage();
  await signUpApplicant(fresh, 'Phone Applicant');
  await startDraft(fresh, 'Phone Diaspora Network');
  const draftId = fresh.url().match(/applications\/([0-9a-f-]{36})/)![1];
  await fresh.close();

  const admin = contexts.admin.request;
  const callId = await firstMatchOn(admin, '/admin/calls', /href="\/admin\/calls\/([0-9a-f-]{36})"[^>]*>Diaspora health professionals/);
  const rankedId = await firstMatchOn(admin, `/admin/calls/${callId}/ranking`, /href="\/admin\/calls\/[0-9a-f-]{36}\/ranking\/([0-9a-f-]{36})"/);
  const outboxId = await firstMatchOn(admin, '/admin/outbox', /href="\/admin\/outbox\/([0-9a-f-]{36})"/);
  const applicationId = await firstMatchOn(contexts.applicant.request, '/dashboard', /href="\/applications\/([0-9a-f-]{36})(?:\/edit)?"/);
  const assignmentId = await firstMatchOn(contexts.reviewer.request, '/review', /href="\/review\/([0-9a-f-]{36})"/);
  const covidCallId = await firstMatchOn(admin, '/admin/calls', /href="\/admin\/calls\/([0-9a-f-]{36})"[^>]*>Diaspora organisations in COVID-19 recovery/);
  const reportId = await firstMatchOn(admin, `/admin/calls/${covidCallId}/reporting`, /href="\/admin\/calls\/[0-9a-f-]{36}\/reporting\/([0-9a-f-]{36})"/);

  /** pattern -> the persona who sees it and its address. */
  const pages: Record<string, [Persona, string][]> = {
    '/': [['visitor', '/'], ['applicant', '/']],
    '/partners': [['visitor', '/partners']],
    '/account': [['applicant', '/account']],
    '/sign-in': [['visitor', '/sign-in']],
    '/sign-up': [['visitor', '/sign-up']],
    '/forgot-password': [['visitor', '/forgot-password']],
    '/invitation/[token]': [['visitor', `/invitation/${BAD_TOKEN}`]],
    '/reset-password/[token]': [['visitor', `/reset-password/${BAD_TOKEN}`]],
    '/verify-email/[token]': [['visitor', `/verify-email/${BAD_TOKEN}`]],
    '/organisation/join/[token]': [['applicant', `/organisation/join/${BAD_TOKEN}`], ['visitor', `/organisation/join/${BAD_TOKEN}`]],
    '/calls/[slug]': [['visitor', `/calls/${OPEN_CALL}`], ['visitor', `/calls/${REVIEW_CALL}`], ['visitor', `/calls/${PUBLISHED_CALL}`], ['visitor', '/calls/no-such-call']],
    '/calls/[slug]/apply': [['newApplicant', `/calls/${OPEN_CALL}/apply`]],
    '/calls/[slug]/results': [['visitor', `/calls/${PUBLISHED_CALL}/results`]],
    '/calls/[slug]/impact': [['visitor', `/calls/${PUBLISHED_CALL}/impact`]],
    '/calls/[slug]/report': [['visitor', `/calls/${PUBLISHED_CALL}/report`]],
    '/dashboard': [['applicant', '/dashboard'], ['newApplicant', '/dashboard']],
    '/organisation': [['applicant', '/organisation']],
    '/applications/[id]': [['applicant', `/applications/${applicationId}`], ['admin', `/applications/${applicationId}`]],
    '/applications/[id]/edit': [['newApplicant', `/applications/${draftId}/edit`]],
    // The demo applicant has no award (its call is not published): these show their "not found" page; the
    // award and report pages with data are in e2e/awards.spec.ts and e2e/reports.spec.ts.
    '/applications/[id]/award': [['applicant', `/applications/${applicationId}/award`]],
    '/applications/[id]/reports/[periodId]': [
      ['applicant', `/applications/${applicationId}/reports/${applicationId}`],
      ['partner', `/applications/${reporting.application.id}/reports/${reporting.period.id}`],
    ],
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
  expect({ missing: routes.filter((r) => !pages[r]), stale: Object.keys(pages).filter((r) => !routes.includes(r)) }, 'every page has a row').toEqual({
    missing: [],
    stale: [],
  });

  const tabs = Object.fromEntries(await Promise.all(personas.map(async (p) => [p, await contexts[p].newPage()] as const))) as Record<Persona, Page>;
  const cspFromConsole: Record<string, string[]> = {};
  for (const persona of personas) {
    const messages = (cspFromConsole[persona] = [] as string[]);
    tabs[persona].on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) messages.push(message.text());
    });
  }
  const wide: string[] = [];
  const widths: string[] = [];
  const csp: string[] = [];
  let visited = 0;
  for (const locale of ['en', 'ar'] as const) {
    for (const [pattern, rows] of Object.entries(pages)) {
      for (const [persona, path] of rows) {
        if (locale !== 'en' && STAFF.has(persona) && !STAFF_SAMPLE.has(pattern)) continue;
        const page = tabs[persona];
        const address = locale === 'en' ? path : localePath(locale, path);
        await page.goto(address);
        await page.waitForLoadState('networkidle');
        const { scrollWidth, culprits } = await widthOf(page);
        visited += 1;
        widths.push(`${scrollWidth}\t${locale}\t${persona}\t${path}`);
        if (scrollWidth > PHONE.width) wide.push(`${address} as ${persona}: ${scrollWidth} px wide\n    ${culprits.join('\n    ')}`);
        for (const problem of await cspProblems(page, cspFromConsole[persona])) csp.push(`${address} as ${persona}: ${problem}`);
      }
    }
  }
  test.info().annotations.push({ type: 'widths', description: `${visited} pages; widest ${widths.map((w) => Number(w.split('\t')[0])).sort((a, b) => b - a)[0]} px` });
  expect(wide, wide.join('\n')).toEqual([]);
  expect(csp, csp.join('\n')).toEqual([]);
  expect(visited).toBeGreaterThan(70);
  await Promise.all(Object.values(contexts).map((c) => c.close()));
});

const MENU_BUTTON = 'header button[popovertarget]';

/** Whether the browser tells assistive technology that the element at `selector` is expanded (its own accessibility tree, not an attribute). */
async function announcedExpanded(page: Page, selector: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return nodes[0].properties?.find((p) => p.name === 'expanded')?.value.value === true;
  } finally {
    await cdp.detach();
  }
}

for (const locale of ['en', 'ar'] as const) {
  test(`[phone] the header folds into a menu on a 390 px screen (${locale})`, async ({ browser }) => {
    const context = await phoneContext(browser, 'applicant', locale);
    const page = await context.newPage();
    await page.goto(locale === 'en' ? '/' : localePath(locale, '/'));
    const header = page.locator('header').first();
    const menu = page.locator(MENU_BUTTON);
    const panel = page.locator(`[id="${await menu.getAttribute('popovertarget')}"]`);
    await expect(menu).toBeVisible();
    await expect(header.getByTestId('signed-in-as')).toBeHidden();
    // One line: the brand, the language and the menu button side by side (it wrapped to three lines).
    const middle = async (l: ReturnType<Page['locator']>) => {
      const box = (await l.boundingBox())!;
      return box.y + box.height / 2;
    };
    const brand = header.getByRole('link').first();
    expect(Math.abs((await middle(brand)) - (await middle(menu)))).toBeLessThan(8);
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(90);
    expect(await announcedExpanded(page, MENU_BUTTON)).toBe(false);
    await menu.click();
    const nav = panel.getByRole('navigation');
    await expect(nav).toBeVisible();
    expect(await announcedExpanded(page, MENU_BUTTON)).toBe(true);
    await expect(header.getByTestId('signed-in-as')).toBeVisible();
    // The panel opens below the header's line, never over the button that closes it.
    expect((await panel.boundingBox())!.y).toBeGreaterThanOrEqual((await menu.boundingBox())!.y + (await menu.boundingBox())!.height);
    for (const link of await nav.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Escape closes it and leaves the focus on the button; the button opens it again.
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(nav).toBeVisible();
    // A link followed from the open menu lands on a page with the menu closed.
    await nav.getByRole('link').nth(2).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(nav).toBeHidden();
    expect(await announcedExpanded(page, MENU_BUTTON)).toBe(false);
    await context.close();
  });
}

test('[phone] before any JavaScript, the menu button opens the menu and its links lead on', async ({ browser }) => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  await signInViaApi(context.request, demo.applicant);
  const page = await context.newPage();
  await page.goto('/partners');
  const header = page.locator('header').first();
  const nav = header.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeHidden();
  await header.getByRole('button', { name: 'Menu' }).click();
  await expect(nav).toBeVisible();
  await nav.getByRole('link', { name: 'Calls' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('header').first().getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await context.close();
});

test('[phone] a table too wide for the screen says it scrolls, and its scrolling box is named and takes the focus', async ({ browser }) => {
  const context = await phoneContext(browser, 'admin');
  const page = await context.newPage();
  await page.goto('/admin/calls');
  await page.waitForLoadState('networkidle');
  const regions = page.locator('[role="group"]:has(> table)');
  expect(await regions.count()).toBeGreaterThan(0);
  let scrolling = 0;
  for (const region of await regions.all()) {
    const overflows = await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    await expect(region).toHaveAttribute('tabindex', '0');
    await expect(region).toHaveAccessibleName(/.+/);
    if (overflows) {
      scrolling += 1;
      await expect(region.locator('xpath=..').getByTestId('scroll-hint')).toBeVisible();
    }
  }
  expect(scrolling, 'the calls table is wider than a phone').toBeGreaterThan(0);
  await context.close();
});

test('[phone] the application form starts on the first screen, below a folded step list', async ({ page, browser }) => {
  await page.setViewportSize(PHONE);
  await signUpApplicant(page, 'Phone Steps');
  await startDraft(page, 'Phone Steps Network');
  const field = page.getByLabel('Project title');
  await expect(field).toBeVisible();
  const box = (await field.boundingBox())!;
  expect(box.y + box.height, 'the first field is on the first screen').toBeLessThanOrEqual(PHONE.height);
  void browser;
});

test('[phone] screenshots at 390 px: home, dashboard, results, in English and Arabic', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const locale of ['en', 'ar'] as const) {
    const at = (path: string) => (locale === 'en' ? path : localePath(locale, path));
    const visitor = await phoneContext(browser, 'visitor', locale);
    const page = await visitor.newPage();
    await page.goto(at('/'));
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SCREENS}/home-${locale}.png`, fullPage: true });
    await page.goto(at(`/calls/${PUBLISHED_CALL}/results`));
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SCREENS}/results-${locale}.png`, fullPage: true });
    await visitor.close();
    const applicant = await phoneContext(browser, 'applicant', locale);
    const dashboard = await applicant.newPage();
    await dashboard.goto(at('/dashboard'));
    await dashboard.waitForLoadState('networkidle');
    await dashboard.screenshot({ path: `${SCREENS}/dashboard-${locale}.png`, fullPage: true });
    await applicant.close();
  }
});
