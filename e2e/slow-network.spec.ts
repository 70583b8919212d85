import type { CDPSession, Page } from '@playwright/test';
import { expect, signUpApplicant, test } from './support/fixtures';

/**
 * The application form on a phone's slow connection: Chrome DevTools' "Slow 3G" profile
 * (2 s round trip, about 50 kB/s each way) through the DevTools Protocol. The form is typed
 * into as soon as it appears, saved while the network crawls (and says so), moved on a
 * step, and everything typed is there after a reload on the same connection.
 */

const CALL = '/calls/diaspora-climate-resilience-2027';

/** DevTools' own "Slow 3G" preset (front_end/core/sdk/NetworkManager.ts). */
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8 };

async function slow3g(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  return cdp;
}

test('[applicant] on a slow 3G connection, the application form keeps and saves everything typed, and says when it is saving', async ({ page }) => {
  test.setTimeout(180_000);
  await signUpApplicant(page, 'Slow Line Applicant');
  await page.goto('/organisation');
  await page.getByLabel('Legal name').fill('Slow Line Diaspora');
  await page.getByLabel('Country of registration').selectOption('FR');
  await page.getByRole('button', { name: 'Create the organisation' }).click();
  await expect(page.getByText('Your organisation is created.')).toBeVisible();
  await page.goto(CALL);
  await page.getByRole('link', { name: 'Apply to this call' }).click();
  await page.getByRole('button', { name: 'Start the application' }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/edit/);
  const editUrl = page.url().replace(/\?.*$/, '');

  await slow3g(page);
  const started = Date.now();
  // Typed the moment the fields appear, long before the page's JavaScript has arrived.
  await page.goto(`${editUrl}?step=project`, { waitUntil: 'commit', timeout: 60_000 });
  const title = 'Clinics that reach the last village';
  const summary = 'Mobile clinics and trained community health workers in three districts.';
  await page.getByLabel('Project title').pressSequentially(title, { timeout: 60_000 });
  await page.getByLabel('Summary').pressSequentially(summary);
  await page.getByLabel('Senegal').check();
  // The autosave takes seconds on this line: the page says it is saving, then saved.
  await expect(page.getByTestId('save-status')).toHaveText('Saving…', { timeout: 60_000 });
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved at \d\d:\d\d/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 8: Reach' })).toBeVisible({ timeout: 60_000 });
  test.info().annotations.push({ type: 'slow 3G', description: `typed, saved and moved on in ${((Date.now() - started) / 1000).toFixed(1)} s` });

  // Reloaded on the same slow line: every character is there.
  await page.goto(`${editUrl}?step=project`, { timeout: 90_000 });
  await expect(page.getByLabel('Project title')).toHaveValue(title);
  await expect(page.getByLabel('Summary')).toHaveValue(summary);
  await expect(page.getByLabel('Senegal')).toBeChecked();
});
