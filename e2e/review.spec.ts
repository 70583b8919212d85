import type { Browser, Page } from '@playwright/test';
import { answerConfirmation, answerOfPage, demo, expect, signInViaApi, test, uniqueEmail } from './support/fixtures';
import { firstAppLink, readLatestMail } from './support/outbox';

/** The demo call under review, which the specs below only read. */
const DEMO_CALL = 'diaspora-health-workers-2026';
const PASSWORD = 'reviewer password 2026';

/** The admin invites a reviewer; they set a password from the mailed link. Returns a page signed in as them. */
async function inviteReviewer(adminPage: Page, browser: Browser, name: string, prefix = '00-review-e2e') {
  // "00-" sorts these reviewers first among equally loaded ones, so automatic assignment picks them
  // even when other tests add reviewers at the same time.
  const email = uniqueEmail(prefix);
  await adminPage.goto('/admin/users');
  const form = adminPage.getByRole('form', { name: 'Invite a reviewer or admin' });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText(`Invitation queued for ${email}.`)).toBeVisible();
  const link = firstAppLink(await readLatestMail(adminPage, email, 'You are invited to EOI Portal'));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await expect(page).toHaveURL(/\/review$/);
  return { email, page };
}

/**
 * The admin gives the reviewer one application of the demo call in review, by hand; the
 * reviewer declares no conflict and lands on its score card.
 */
async function openScoreCardByHand(adminPage: Page, page: Page, name: string) {
  await adminPage.goto(`/admin/calls/${DEMO_CALL}/assignments`);
  const assign = adminPage.getByRole('button', { name: new RegExp(`^Assign ${name} to `) }).first();
  const reference = (await assign.getAttribute('aria-label'))!.replace(`Assign ${name} to `, '');
  await assign.click();
  await expect(adminPage.getByRole('button', { name: `Remove ${name} from ${reference}` })).toBeVisible();

  await page.goto('/review');
  await page.getByRole('link', { name: `Declare conflicts for ${reference}` }).click();
  await page.getByLabel('I have no conflict of interest with this applicant').check();
  await page.getByRole('button', { name: 'Confirm declaration' }).click();
  await expect(page.getByRole('heading', { name: 'Score card' })).toBeVisible();
}

/** Scores every criterion of the demo call and submits; returns after the review is locked. */
async function scoreAndSubmit(page: Page, scores: number[], overall: string) {
  const criteria = ['Health impact', 'Qualifications of the team', 'Safety and logistics', 'Cost'];
  for (const [i, name] of criteria.entries()) {
    await page.getByLabel(`Score for ${name}`).selectOption(String(scores[i]));
    await page.getByLabel(`Comment on ${name}`).fill(`Comment on ${name.toLowerCase()}: é, ü, عربي.`);
  }
  await page.getByLabel('Overall comment').fill(overall);
  await page.getByLabel('Recommend', { exact: true }).check();
  // The draft saves itself.
  await expect(page.getByTestId('save-state')).toContainText('Draft saved at');
  await page.getByRole('button', { name: 'Submit review' }).click();
  await answerConfirmation(page, 'Submit your review?');
  await expect(page.getByText(/Submitted on .*Your review is locked/)).toBeVisible();
}

test('[review] an admin screens and assigns; reviewers declare a conflict and score; the admin sees the ranking and downloads the CSV', async ({
  adminPage,
  browser,
  reviewCall: world,
}) => {
  test.setTimeout(180_000);
  // A call in review of this test's own, shaped like the demo's: the screening, assignments,
  // conflict and scores below change no data another spec reads.
  const CALL = world.call.slug;
  const first = await inviteReviewer(adminPage, browser, 'First E2E Reviewer');
  const second = await inviteReviewer(adminPage, browser, 'Second E2E Reviewer');

  // 1. Screening: the application screened ineligible in the demo is found eligible after all.
  await adminPage.goto(`/admin/calls/${CALL}/screening`);
  await expect(adminPage.getByRole('heading', { level: 1 })).toContainText('Eligibility screening');
  await expect(adminPage.getByRole('link', { name: 'Back to the call' })).toHaveAttribute('href', /\/admin\/calls\/[0-9a-f-]{36}$/);
  const row = adminPage.getByRole('row').filter({ hasText: 'Trauma care skills for district hospitals' });
  await expect(row.getByTestId('eligibility-badge')).toHaveText('Ineligible');
  const reference = (await row.locator('td').first().locator('div').first().textContent())!.trim();
  expect(reference).toMatch(/^EOI-\d{4}-\d{4}$/);
  const screening = row.getByRole('form', { name: `Eligibility of ${reference}` });
  // Ineligible needs a reason: emptying it is refused next to the field.
  await screening.getByLabel(`Reason ${reference} is ineligible`).fill('');
  await screening.getByRole('button', { name: 'Save' }).click();
  await expect(screening.getByText('Give the reason the application is ineligible.')).toBeVisible();
  await screening.getByLabel(`Eligibility of ${reference}`).selectOption('eligible');
  await screening.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByTestId('eligibility-badge')).toHaveText('Eligible');

  // 2. Assignment: automatically, then one more by hand.
  await adminPage.getByRole('navigation', { name: 'Review stages of this call' }).getByRole('link', { name: 'Assignments' }).click();
  await expect(adminPage.getByTestId('assignment-summary')).toHaveText('1 of 9 eligible applications needs more reviewers.');
  await adminPage.getByRole('button', { name: 'Assign automatically' }).click();
  await expect(adminPage.getByText('3 assignments made; 3 reviewers notified.')).toBeVisible();
  await expect(adminPage.getByTestId('assignment-summary')).toHaveText('Every eligible application has its reviewers.');
  const matrixRow = adminPage.getByTestId(`matrix-${reference}`);
  await expect(matrixRow.getByText('Assigned', { exact: true })).toHaveCount(3);
  await expect(matrixRow.getByRole('button', { name: `Remove First E2E Reviewer from ${reference}` })).toBeVisible();
  await expect(matrixRow.getByRole('button', { name: `Remove Second E2E Reviewer from ${reference}` })).toBeVisible();
  // The first reviewer is also given another application, by hand.
  const other = adminPage.getByRole('row').filter({ hasText: 'Emergency obstetric care training in Baidoa' });
  const otherReference = (await other.getByRole('rowheader').locator('div').first().textContent())!.trim();
  await other.getByRole('button', { name: `Assign First E2E Reviewer to ${otherReference}` }).click();
  await expect(other.getByRole('button', { name: `Remove First E2E Reviewer from ${otherReference}` })).toBeVisible();
  const assignmentMail = await readLatestMail(adminPage, first.email, `Applications to review: ${world.call.title}`);
  expect(assignmentMail).toContain('declare any conflict of interest');

  // 3. The first reviewer: a conflict on one, before seeing its content...
  const r1 = first.page;
  await r1.goto('/review');
  await r1.getByRole('link', { name: `Declare conflicts for ${otherReference}` }).click();
  await expect(r1.getByTestId('declare-organisation')).toHaveText(world.applications[1].organisation);
  await expect(r1.getByText('Emergency obstetric care training in Baidoa')).toHaveCount(0);
  await r1.getByLabel('I have a conflict of interest').check();
  await r1.getByLabel('What is the conflict?').fill('I volunteered for this organisation last year.');
  await r1.getByRole('button', { name: 'Confirm declaration' }).click();
  await answerConfirmation(r1, 'Declare the conflict?');
  await expect(r1.getByText('Your conflict is recorded.')).toBeVisible();
  await expect(r1.getByTestId(`assignment-${otherReference}`).getByText('Conflict declared')).toBeVisible();
  // ...and the admins are told.
  const conflictMail = await readLatestMail(adminPage, demo.admin, `Conflict of interest declared on ${otherReference}`);
  expect(conflictMail).toContain('I volunteered for this organisation last year.');

  // ...then no conflict on the other, which it scores.
  await r1.getByRole('link', { name: `Declare conflicts for ${reference}` }).click();
  await r1.getByLabel('I have no conflict of interest with this applicant').check();
  await r1.getByRole('button', { name: 'Confirm declaration' }).click();
  await expect(r1.getByRole('heading', { name: 'Trauma care skills for district hospitals' })).toBeVisible();
  await expect(r1.getByRole('heading', { name: 'Score card' })).toBeVisible();
  // 40*5/5 + 30*4/5 + 20*4/5 + 10*3/5 = 86
  await scoreAndSubmit(r1, [5, 4, 4, 3], 'Strong trauma curriculum.');
  await expect(r1.getByTestId('review-total')).toContainText('86 out of 100');
  // The call, like the demo's, does not show peer scores.
  await expect(r1.getByText("Other reviewers' scores are not shown in this call.")).toBeVisible();

  // 4. The second reviewer scores it too: 40*3/5 + 30*3/5 + 20*2/5 + 10*2/5 = 54.
  const r2 = second.page;
  await r2.goto('/review');
  await r2.getByRole('link', { name: `Declare conflicts for ${reference}` }).click();
  await r2.getByLabel('I have no conflict of interest with this applicant').check();
  await r2.getByRole('button', { name: 'Confirm declaration' }).click();
  await scoreAndSubmit(r2, [3, 3, 2, 2], 'Logistics are thin.');

  // 5. The ranking: both scores, the mean (70) and the calibrated score beside it.
  await adminPage.goto(`/admin/calls/${CALL}/ranking`);
  await expect(adminPage.getByTestId('ranking-order')).toContainText('then the highest mean, then the highest calibrated score');
  const ranked = adminPage.getByTestId(`ranking-${reference}`);
  await expect(ranked.getByText('2 of 3')).toBeVisible();
  await expect(ranked.getByTestId('mean')).toHaveText('70.0');
  // Each reviewer has a single review in the call: too little to calibrate, so the calibrated score is the raw one.
  await expect(ranked.getByTestId('calibrated')).toHaveText('70.0');
  await expect(ranked.getByText('54.0–86.0')).toBeVisible();
  await expect(ranked.getByText('Discuss')).toBeVisible(); // range 32 > 25
  await ranked.getByRole('link', { name: reference }).click();
  await expect(adminPage.getByTestId(`review-by-${first.email}`)).toContainText('86.0');
  await expect(adminPage.getByTestId(`review-by-${first.email}`)).toContainText('Strong trauma curriculum.');
  await expect(adminPage.getByTestId(`review-by-${second.email}`)).toContainText('54.0');

  // 6. The CSV downloads, UTF-8 with BOM, one row per review.
  await adminPage.goto(`/admin/calls/${CALL}/ranking`);
  const [download] = await Promise.all([adminPage.waitForEvent('download'), adminPage.getByRole('link', { name: 'Download all reviews (CSV)' }).click()]);
  const bytes = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(bytes as Buffer[]);
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = csv.toString('utf8');
  const mine = text.split('\r\n').filter((line) => line.includes(first.email) || line.includes(second.email));
  expect(mine.filter((line) => line.startsWith(`${reference},`))).toHaveLength(2);
  expect(text).toContain('"Comment on health impact: é, ü, عربي."');
  expect(text).toContain(',86,');
  expect(text).toContain(',54,');

  await r1.context().close();
  await r2.context().close();
});

test('[review] reviewers and applicants are kept out: 403 on admin pages, 404 on assignments and exports not theirs', async ({ browser }) => {
  const reviewer = await browser.newContext();
  await signInViaApi(reviewer.request, demo.reviewer);
  const page = await reviewer.newPage();
  for (const path of [`/admin/calls/${DEMO_CALL}/screening`, `/admin/calls/${DEMO_CALL}/assignments`, `/admin/calls/${DEMO_CALL}/ranking`]) {
    expect(await answerOfPage(page, path), path).toBe(403);
  }
  expect((await reviewer.request.get(`/admin/calls/${DEMO_CALL}/export.csv`)).status()).toBe(404);
  // An assignment id that is not the reviewer's own is not found.
  expect(await answerOfPage(page, '/review/00000000-0000-4000-8000-000000000000')).toBe(404);
  expect((await reviewer.request.get('/api/review/00000000-0000-4000-8000-000000000000/files/00000000-0000-4000-8000-000000000000')).status()).toBe(404);

  // The demo reviewer's own draft is there, restored into the score card.
  await page.goto('/review');
  const draft = page.getByRole('row').filter({ hasText: 'Draft saved' }).first();
  await draft.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Score card' })).toBeVisible();
  await expect(page.getByLabel('Score for Health impact')).not.toHaveValue('');
  await reviewer.close();

  const applicant = await browser.newContext();
  await signInViaApi(applicant.request, demo.applicant);
  const applicantPage = await applicant.newPage();
  expect(await answerOfPage(applicantPage, '/review')).toBe(403);
  expect((await applicant.request.get(`/admin/calls/${DEMO_CALL}/export.csv`)).status()).toBe(404);
  await applicant.close();
});

test('[review] scores typed while offline: kept in this browser, said to be unsaved, saved when the connection returns; a tab closed offline offers them back', async ({
  adminPage,
  browser,
}) => {
  test.setTimeout(120_000);
  // "zz-" sorts this reviewer last, so the automatic assignment of other tests does not pick them.
  const name = 'Offline E2E Reviewer';
  const { page } = await inviteReviewer(adminPage, browser, name, 'zz-offline-review-e2e');
  const context = page.context();

  await openScoreCardByHand(adminPage, page, name);
  const reviewUrl = page.url();
  const saved = (p: Page) => expect(p.getByTestId('save-state')).toHaveText(/Draft saved at \d\d:\d\d:\d\d/);
  await page.getByLabel('Score for Health impact').selectOption('4');
  await saved(page);

  // The connection drops: the score is not lost, and the card says it is not saved yet.
  await context.setOffline(true);
  await page.getByLabel('Score for Cost').selectOption('2');
  await expect(page.getByTestId('save-state')).toContainText('you seem to be offline');
  // Back online: saved without a click, and there after a reload.
  await context.setOffline(false);
  await saved(page);
  await page.reload();
  await expect(page.getByLabel('Score for Cost')).toHaveValue('2');

  // Offline again, and the tab is closed before the connection returns.
  await context.setOffline(true);
  await page.getByLabel('Score for Safety and logistics').selectOption('5');
  await expect(page.getByTestId('save-state')).toContainText('you seem to be offline');
  // The tab is left for good while offline. (It stays open, offline, to the end: a request a
  // closing tab sends can slip past the browser's offline emulation.) The next tab opens in a
  // new context holding this browser's storage, as after a restart.
  const kept = await context.storageState();
  const later = await browser.newContext({ storageState: kept });
  const again = await later.newPage();
  await again.goto(reviewUrl);
  await expect(again.getByLabel('Score for Safety and logistics')).toHaveValue('');
  await expect(again.getByText(/This browser kept changes you typed/)).toBeVisible();
  await again.getByRole('button', { name: 'Restore my changes' }).click();
  await expect(again.getByLabel('Score for Safety and logistics')).toHaveValue('5');
  await saved(again);
  await again.reload();
  await expect(again.getByLabel('Score for Safety and logistics')).toHaveValue('5');
  await expect(again.getByLabel('Score for Cost')).toHaveValue('2');
  await expect(again.getByLabel('Score for Health impact')).toHaveValue('4');
  await later.close();
  await context.close();
});

test('[review] a score card left open in another tab stops saving and says so, with a way to reload', async ({ adminPage, browser }) => {
  test.setTimeout(120_000);
  const name = 'Stale E2E Reviewer';
  const { page } = await inviteReviewer(adminPage, browser, name, 'zz-stale-review-e2e');
  await openScoreCardByHand(adminPage, page, name);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { name: 'Score card' })).toBeVisible();

  await page.getByLabel('Score for Health impact').selectOption('4');
  await expect(page.getByTestId('save-state')).toContainText('Draft saved at');
  // The other tab still shows the version before that save.
  await other.getByLabel('Score for Cost').selectOption('1');
  await expect(other.getByText('This review was changed in another window.')).toBeVisible();
  await expect(other.getByRole('button', { name: 'Save draft now' })).toBeDisabled();
  await other.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(other.getByLabel('Score for Health impact')).toHaveValue('4');
  // What it typed is kept in this browser and offered back.
  await expect(other.getByText(/This browser kept changes you typed/)).toBeVisible();
  await expect(other.getByText('The review has been saved since')).toBeVisible();
  await page.context().close();
});
