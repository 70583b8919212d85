import { demo, expect, signInViaApi, test } from './support/fixtures';

/**
 * Public pages are cached and the same for everyone (Cache Components). What must hold:
 * a change an admin makes is there on the very next request; a personal part (who is signed
 * in) never leaks into the cached page; what depends on the clock follows the clock.
 */
const SLUG = 'diaspora-climate-resilience-2027';
const TITLE = 'Diaspora partnerships for climate resilience 2027';

test("[cache] a cached call page and the home page show an admin's edit on the next request", async ({ adminPage, browser }) => {
  const visitor = await browser.newContext();
  await visitor.request.get(`/calls/${SLUG}`);
  const cached = await visitor.request.get(`/calls/${SLUG}`);
  expect(cached.headers()['x-nextjs-cache'], 'the second visit is served from the cache').toBe('HIT');

  const marker = `Now also open to youth-led groups (${Date.now().toString(36)}).`;
  await adminPage.goto('/admin/calls');
  await adminPage.getByRole('link', { name: TITLE }).click();
  await adminPage.getByRole('link', { name: 'Edit the call' }).click();
  const form = adminPage.getByRole('form', { name: 'Edit the call' });
  const summary = form.getByRole('textbox', { name: 'Summary', exact: true });
  const before = await summary.inputValue();
  await summary.fill(`${before} ${marker}`);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();

  expect(await (await visitor.request.get(`/calls/${SLUG}`)).text()).toContain(marker);
  expect(await (await visitor.request.get('/')).text()).toContain(marker);
  await visitor.close();

  await summary.fill(before);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();

  // Saving changed nothing else: the call keeps its time zone (a select the form fills in
  // once interactive was once taken for a choice made before, and saved as UTC).
  await adminPage.reload();
  await expect(adminPage.getByRole('form', { name: 'Edit the call' }).getByLabel("The call's time zone")).toHaveValue('Europe/Zurich');
});

test('[cache] a signed-in visitor sees their name on a cached page; the cached page itself names nobody', async ({ browser }) => {
  const signedIn = await browser.newContext();
  await signInViaApi(signedIn.request, demo.applicant);
  const page = await signedIn.newPage();
  await page.goto(`/calls/${SLUG}`);
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Demo Applicant');
  await expect(page.getByRole('link', { name: 'Apply to this call' })).toBeVisible();

  // The HTML the applicant was served is the cached page every visitor gets.
  const html = await (await signedIn.request.get(`/calls/${SLUG}`)).text();
  expect(html).not.toContain('Demo Applicant');

  const visitor = await browser.newContext();
  const other = await visitor.newPage();
  await other.goto(`/calls/${SLUG}`);
  await expect(other.getByRole('link', { name: 'Sign in to apply' })).toBeVisible();
  await expect(other.getByTestId('signed-in-as')).toHaveCount(0);
  await expect(other.getByText('Demo Applicant')).toHaveCount(0);
  await signedIn.close();
  await visitor.close();
});

test('[cache] past its closing instant, a call page served from the cache no longer offers to apply', async ({ page }) => {
  await page.goto(`/calls/${SLUG}`);
  await expect(page.getByRole('link', { name: 'Sign in to apply' })).toBeVisible();
  const closes = await page.locator('dt:text-is("Closes") + dd time').getAttribute('datetime');
  expect(closes).toBeTruthy();

  // The same cached page, read by a browser whose clock is one minute past the closing.
  await page.clock.install({ time: new Date(new Date(closes!).getTime() + 60_000) });
  await page.reload();
  await expect(page.getByText('This call no longer accepts applications.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in to apply' })).toHaveCount(0);
});
