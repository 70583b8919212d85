import { expect, test } from './support/fixtures';
import { readLatestMail } from './support/outbox';
import { AdminCallPage } from './support/pages';

// Publishes a call in review of its own (the reviewCall fixture), so it may run at any
// time beside the specs that read the demo call under review.
test('[admin] runs the suggested slate on a call in review, adjusts it, decides and publishes; the world sees the partners, the register once they accept', async ({
  reviewCall: world,
  pageAs,
  request,
}) => {
  test.setTimeout(120_000);
  const page = await pageAs(world.admin);
  const call = await new AdminCallPage(page).open(world.call.title);
  await expect(call.status).toHaveText('In review');
  await call.moveToSelection();
  const selection = await call.openSelection();

  // The optimiser's defaults are feasible for the call: a slate at the first try.
  await selection.suggestSlate();
  await selection.applySlate();
  await expect(page.getByTestId('selection-warnings')).toHaveCount(0);

  // Adjust by hand: the applicant's project is not selected after all.
  await selection.decide(world.applicant.organisation, 'not_selected', 'Good idea, but the budget is better spent on projects with more reach.');
  await selection.saveDecisions();
  await selection.publish();

  // The public results page, the partners register and the open data.
  await page.goto(`/calls/${world.call.slug}/results`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(world.call.title);
  const partnerRows = page.getByRole('row');
  expect(await partnerRows.count()).toBeGreaterThan(1);
  const json = await (await request.get(`/calls/${world.call.slug}/results.json`)).json();
  expect(json.call.slug).toBe(world.call.slug);
  expect(json.partners.length).toBeGreaterThan(0);
  for (const p of json.partners) {
    expect(p.organisation.name).toBeTruthy();
    expect(p.organisation.countryOfRegistration).toMatch(/^[A-Z]{2}$/);
    expect(p.project.title).toBeTruthy();
    expect(p.awardedAmount).toBeGreaterThan(0);
    expect(p.currency).toBe('USD');
  }
  await expect(page.getByRole('cell', { name: json.partners[0].organisation.name })).toBeVisible();
  // The register lists partners once they have accepted their award (e2e/awards.spec.ts):
  // the demo's 2022 partners have, this call's have not answered yet.
  await page.goto('/partners');
  await expect(page.getByRole('cell', { name: 'Syrian American Medical Society' })).toBeVisible();
  await expect(page.getByRole('cell', { name: json.partners[0].organisation.name })).toHaveCount(0);
  expect(json.sincePublication).toEqual([]);
  expect(json.partners.map((p: { organisation: { name: string } }) => p.organisation.name)).not.toContain(world.applicant.organisation);

  // The unsuccessful applicant's letter, with feedback against the cohort.
  const letter = await readLatestMail(page, world.applicant.email, /Outcome of your application/);
  expect(letter).toContain(world.applicantProject);
  expect(letter).toMatch(/Health impact: [\d.]+ \(average of all: [\d.]+\) out of 5/);

  // ... and their feedback on the application's status page.
  const applicant = await pageAs(world.applicant);
  await applicant.goto('/dashboard');
  // The status is the outcome, never "Submitted" beside "Not selected".
  const row = applicant.getByRole('row').filter({ hasText: world.applicantProject }).first();
  await expect(row.getByTestId('status-badge')).toHaveText('Not selected');
  await applicant.getByRole('link', { name: world.applicantProject }).first().click();
  const outcome = applicant.getByTestId('outcome');
  await expect(outcome.getByText('Not selected', { exact: true })).toBeVisible();
  await expect(applicant.getByTestId('status-badge')).toHaveText('Not selected');
  await expect(outcome.getByRole('cell', { name: 'Health impact' })).toBeVisible();
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
