import type { Browser, Page } from '@playwright/test';
import { demo, expect, signInViaApi, test } from './support/fixtures';
import { localePath } from './support/locales';

/**
 * Time left, by the browser's clock fixed with Playwright's `page.clock` (public pages are
 * cached by the server; the time left is always counted by the browser): rounded down, in
 * the unit that matters, ticking, and the same on the home page, the call's page and the
 * admin's call page.
 */
const OPEN_CALL = 'diaspora-climate-resilience-2027';

/** The open call's closing instant, as its page writes it. */
async function closingOf(page: Page): Promise<number> {
  await page.goto(`/calls/${OPEN_CALL}`);
  const iso = await page.getByTestId('countdown').locator('xpath=ancestor::dd[1]//time').getAttribute('datetime');
  return new Date(iso!).getTime();
}

async function at(browser: Browser, time: number, options: { admin?: boolean; timezoneId?: string } = {}) {
  const context = await browser.newContext({ timezoneId: options.timezoneId ?? 'Europe/Paris', locale: 'en-GB' });
  if (options.admin) await signInViaApi(context.request, demo.admin);
  const page = await context.newPage();
  // The clock stands still at `time` (no drift while pages load); runFor moves it on.
  await page.clock.install({ time: time - 1000 });
  await page.clock.pauseAt(time);
  return { page, close: () => context.close() };
}

const card = (page: Page) => page.locator('article, div').filter({ has: page.getByRole('link', { name: /Diaspora partnerships for climate resilience 2027/ }) }).last();

test('[visitor] four and a half minutes before closing, every page says "4 minutes left", then ticks down to the seconds and closes', async ({ page, browser }) => {
  const closes = await closingOf(page);
  const { page: home, close } = await at(browser, closes - (4 * 60 + 30) * 1000);
  await home.goto('/');
  const countdown = card(home).getByTestId('countdown');
  await expect(countdown).toHaveText('4 minutes left');
  await expect(countdown).toHaveAttribute('data-urgency', 'imminent');
  await home.clock.runFor(31_000);
  await expect(countdown).toHaveText('3 minutes left');
  await home.clock.runFor(3 * 60_000);
  await expect(countdown).toHaveText('59 seconds left');
  await home.clock.runFor(58_000);
  await expect(countdown).toHaveText('1 second left');
  await home.clock.runFor(2_000);
  await expect(countdown).toHaveText('closed');

  // The call's own page, at the same instant as the start: the same words.
  const call = await at(browser, closes - (4 * 60 + 30) * 1000);
  await call.page.goto(`/calls/${OPEN_CALL}`);
  await expect(call.page.getByTestId('countdown')).toHaveText('4 minutes left');
  await call.close();
  await close();
});

test('[admin] the admin\'s call page and the public pages agree: "3 hours 20 minutes left", "1 day 5 hours left", "2 days left"', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const closes = await closingOf(page);
  const admin = await at(browser, Date.now(), { admin: true });
  await admin.page.goto('/admin/calls');
  const href = await admin.page.getByRole('link', { name: 'Diaspora partnerships for climate resilience 2027' }).first().getAttribute('href');
  await admin.close();

  for (const [before, words] of [
    [(3 * 3600 + 20 * 60 + 30) * 1000, '3 hours 20 minutes left'],
    [(29 * 3600 + 59 * 60) * 1000, '1 day 5 hours left'],
    [(2 * 24 + 23) * 3600 * 1000, '2 days left'],
  ] as const) {
    const a = await at(browser, closes - before, { admin: true });
    await a.page.goto(href!);
    await expect(a.page.getByTestId('countdown')).toHaveText(words);
    await a.page.goto('/');
    await expect(card(a.page).getByTestId('countdown')).toHaveText(words);
    await a.close();
  }
});

test('[visitor] the deadline is written once, in the call\'s zone, with the visitor\'s time beside it only when their clocks differ', async ({ page, browser }) => {
  const closes = await closingOf(page);
  // Europe/Berlin shows the same time as the call's Europe/Zurich: nothing beside it.
  const berlin = await at(browser, closes - 10 * 24 * 3600 * 1000, { timezoneId: 'Europe/Berlin' });
  await berlin.page.goto(`/calls/${OPEN_CALL}`);
  await expect(berlin.page.getByTestId('countdown')).toHaveText('10 days left');
  await expect(berlin.page.getByTestId('viewer-time')).toHaveCount(0);
  await berlin.close();
  // New York does not: its own time follows, once.
  const newYork = await at(browser, closes - 10 * 24 * 3600 * 1000, { timezoneId: 'America/New_York' });
  await newYork.page.goto('/');
  const times = card(newYork.page).getByTestId('viewer-time');
  await expect(times).toHaveCount(1);
  await expect(times).toContainText('your time');
  await newYork.close();
});

test('[visitor] in Arabic, the time left takes its plural form', async ({ page, browser }) => {
  const closes = await closingOf(page);
  const ar = await at(browser, closes - (2 * 3600 + 30) * 1000);
  await ar.page.goto(localePath('ar', `/calls/${OPEN_CALL}`));
  await expect(ar.page.getByTestId('countdown')).toHaveText('تتبقى ساعتان');
  await ar.page.clock.runFor(31_000);
  await expect(ar.page.getByTestId('countdown')).toHaveText('تتبقى ساعة واحدة و59 دقيقة');
  await ar.close();
});
