import { answerConfirmation, demo, expect, signInViaApi, test } from './support/fixtures';
import { readLatestMail } from './support/outbox';

// Runs after every other spec (see playwright.config.ts): it publishes the demo call under review.
test('[admin] runs the suggested slate on the demo call in review, adjusts it, decides and publishes; the world sees the partners', async ({
  adminPage: page,
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = 'Diaspora health professionals for primary care 2026';
  await page.goto('/admin/calls');
  await page.getByRole('link', { name: title }).click();
  if ((await page.getByTestId('call-status').textContent()) === 'In review') {
    await page.getByRole('button', { name: 'Move to selection' }).click();
    await answerConfirmation(page, 'Move this call to selection?');
    await expect(page.getByTestId('call-status')).toHaveText('Selection');
  }
  await page.getByRole('link', { name: /Selection and results/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Selection');

  // The optimiser's defaults are feasible for the call: a slate at the first try.
  await page.getByRole('button', { name: 'Suggest a slate' }).click();
  await expect(page.getByTestId('slate-summary')).toBeVisible();
  await page.getByRole('button', { name: 'Apply to the board' }).click();
  await expect(page.getByText('Applied. Review the rationales')).toBeVisible();
  await expect(page.getByTestId('selection-warnings')).toHaveCount(0);

  // Adjust by hand: put the demo applicant's project on the reserve list instead.
  const horizon = page.getByRole('row').filter({ hasText: 'Horizon Diaspora Network' });
  const reference = (await horizon.locator('td').nth(1).locator('div').first().textContent())!.trim();
  await horizon.getByRole('combobox', { name: `Decision for ${reference}` }).selectOption('not_selected');
  await horizon.getByRole('textbox', { name: 'Rationale' }).fill('Good idea, but the budget is better spent on projects with more reach.');

  await page.getByRole('button', { name: 'Save decisions' }).click();
  await expect(page.getByText(/decisions saved\./)).toBeVisible();

  await page.getByRole('button', { name: 'Publish the results' }).click();
  await answerConfirmation(page, 'Publish the results now?');
  await expect(page.getByText(/^Published: /)).toBeVisible();

  // The public results page, the partners register and the open data.
  await page.goto('/calls/diaspora-health-workers-2026/results');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  const partnerRows = page.getByRole('row');
  expect(await partnerRows.count()).toBeGreaterThan(1);
  const json = await (await request.get('/calls/diaspora-health-workers-2026/results.json')).json();
  expect(json.call.slug).toBe('diaspora-health-workers-2026');
  expect(json.partners.length).toBeGreaterThan(0);
  for (const p of json.partners) {
    expect(p.organisation.name).toBeTruthy();
    expect(p.organisation.countryOfRegistration).toMatch(/^[A-Z]{2}$/);
    expect(p.project.title).toBeTruthy();
    expect(p.awardedAmount).toBeGreaterThan(0);
    expect(p.currency).toBe('USD');
  }
  await expect(page.getByRole('cell', { name: json.partners[0].organisation.name })).toBeVisible();
  await page.goto('/partners');
  await expect(page.getByRole('cell', { name: json.partners[0].organisation.name })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Syrian American Medical Society' })).toBeVisible();
  expect(json.partners.map((p: { organisation: { name: string } }) => p.organisation.name)).not.toContain('Horizon Diaspora Network');

  // The unsuccessful demo applicant's letter, with feedback against the cohort.
  const letter = await readLatestMail(page, demo.applicant, /Outcome of your application/);
  expect(letter).toContain('Remote mentoring for midwives in Hargeisa');
  expect(letter).toMatch(/Health impact: [\d.]+ \(average of all: [\d.]+\) out of 5/);

  // ... and their feedback on the application's status page.
  const context = await browser.newContext();
  const applicant = await context.newPage();
  await signInViaApi(applicant.request, demo.applicant);
  await applicant.goto('/dashboard');
  // The status is the outcome, never "Submitted" beside "Not selected".
  const row = applicant.getByRole('row').filter({ hasText: 'Remote mentoring for midwives in Hargeisa' }).first();
  await expect(row.getByTestId('status-badge')).toHaveText('Not selected');
  await applicant.getByRole('link', { name: /Remote mentoring for midwives in Hargeisa/ }).first().click();
  const outcome = applicant.getByTestId('outcome');
  await expect(outcome.getByText('Not selected', { exact: true })).toBeVisible();
  await expect(applicant.getByTestId('status-badge')).toHaveText('Not selected');
  await expect(outcome.getByRole('cell', { name: 'Health impact' })).toBeVisible();
  await context.close();
});

test('[visitor] results.json and results.csv of the 2022 call list its six partners; unpublished calls have none', async ({ request }) => {
  const json = await (await request.get('/calls/diaspora-covid-recovery-2022/results.json')).json();
  expect(json.partners).toHaveLength(6);
  expect(json.publishedAt).toBe('2022-04-14T15:00:00.000Z');
  const csv = await request.get('/calls/diaspora-covid-recovery-2022/results.csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('Fédération des Tunisiens pour une Citoyenneté des deux Rives');
  expect(text.trim().split('\r\n')).toHaveLength(7);
  expect((await request.get('/calls/diaspora-climate-resilience-2027/results.json')).status()).toBe(404);
});
