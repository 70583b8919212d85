import { answerConfirmation, answerOfPage, demo, DEMO_PASSWORD, expect, signInViaApi, signUpApplicant, test, uniqueEmail } from './support/fixtures';
import { firstAppLink, readLatestMail } from './support/outbox';
import { SignInPage } from './support/pages';

test('[public] the liveness check answers, and the readiness check says the database answers with every migration applied', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(['pglite', 'postgres']).toContain(body.database);

  const ready = await request.get('/api/health/ready');
  expect(ready.status()).toBe(200);
  const state = await ready.json();
  expect(state).toMatchObject({ status: 'ready', ready: true, databaseAnswers: true, draining: false, database: body.database });
  expect(state.migrations.current).toBe(true);
  expect(state.migrations.applied).toBeGreaterThanOrEqual(state.migrations.expected);
  expect(state.migrations.expected).toBeGreaterThan(0);
});

test('[public] a visitor sees the open demo call on the home page and opens it', async ({ page }) => {
  await page.goto('/');
  const open = page.getByRole('region', { name: 'Open and upcoming calls' });
  await expect(open.getByRole('link', { name: 'Diaspora partnerships for climate resilience 2027' })).toBeVisible();
  await open.getByRole('link', { name: 'Diaspora partnerships for climate resilience 2027' }).click();
  await expect(page).toHaveURL(/\/calls\/diaspora-climate-resilience-2027$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diaspora partnerships for climate resilience 2027');
  // Criteria with weights, dates in the call's zone (Zurich) and, the visitor's clock
  // (Paris) showing the same time, not repeated in theirs; and the FAQ.
  await expect(page.getByRole('cell', { name: /Relevance to climate risks/ })).toBeVisible();
  await expect(page.getByText(/CET|GMT\+1/).first()).toBeVisible();
  await expect(page.getByTestId('viewer-time')).toHaveCount(0);
  await expect(page.getByText('Can two organisations apply together?')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in to apply' })).toBeVisible();
});

test('[public] the 2022 call shows its funder, countries and published results link', async ({ page }) => {
  await page.goto('/calls/diaspora-covid-recovery-2022');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('COVID-19 recovery');
  await expect(page.getByText("USAID's Bureau for Humanitarian Assistance (BHA)")).toBeVisible();
  await expect(page.getByText('Lebanon, Tunisia, Zimbabwe')).toBeVisible();
  await expect(page.getByText('Results published').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'See the results' })).toBeVisible();
});

for (const [role, email, home, heading] of [
  ['applicant', demo.applicant, '/dashboard', 'My applications'],
  ['reviewer', demo.reviewer, '/review', 'Review queue'],
  ['admin', demo.admin, '/admin', 'Admin'],
] as const) {
  test(`[auth] the demo ${role} signs in with the form and lands on their home`, async ({ page }) => {
    await page.goto('/sign-in');
    await new SignInPage(page).signIn(email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
  });
}

test('[auth] a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  await new SignInPage(page).signIn(demo.admin, 'not the password');
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText(
    'That e-mail address and password do not match an account.',
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test('[auth] a visitor asking for a role home is sent to sign in, then back', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
  await new SignInPage(page).signIn(demo.admin, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/users$/);
});

test('[auth] an applicant asking for the admin or review pages is refused', async ({ page }) => {
  await signInViaApi(page.request, demo.applicant);
  for (const path of ['/admin', '/admin/users', '/admin/outbox', '/review']) {
    expect(await answerOfPage(page, path), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  }
});

test('[auth] a new applicant signs up, signs out and signs in again', async ({ page }) => {
  const { email, password } = await signUpApplicant(page, 'Amina Diallo');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Amina Diallo');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
  await new SignInPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('[auth] signing up with an address that has an account answers as for a new one; its owner is told by mail', async ({ page, browser, adminPage }) => {
  const { email } = await signUpApplicant(page, 'First Owner');
  const context = await browser.newContext();
  const other = await context.newPage();
  const answers: string[] = [];
  for (const address of [email, uniqueEmail('fresh')]) {
    await other.goto('/sign-up');
    await other.getByLabel('Your name').fill('Someone Else');
    await other.getByLabel('E-mail address').fill(address);
    await other.getByLabel('Choose a password').fill('another long password');
    await other.getByRole('button', { name: 'Create account' }).click();
    await expect(other.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
    answers.push((await other.getByRole('status').filter({ hasText: 'We sent a message' }).textContent())!.replace(address, 'ADDRESS'));
  }
  expect(answers[0]).toBe(answers[1]);
  await context.close();
  const text = await readLatestMail(adminPage, email, 'Someone tried to create an account with your address');
  expect(text).toContain('No new account was created and nothing changed on yours.');
});

test('[admin] invites a reviewer, who sets a password from the mailed link and lands on the review queue', async ({ adminPage, browser }) => {
  const email = uniqueEmail('reviewer');
  await adminPage.goto('/admin/users');
  const form = adminPage.getByRole('form', { name: 'Invite a reviewer or admin' });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Name').fill('Invited Reviewer');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText(`Invitation queued for ${email}.`)).toBeVisible();

  const text = await readLatestMail(adminPage, email, 'You are invited to EOI Portal');
  expect(text).toContain('as Reviewer');
  const link = firstAppLink(text);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await page.getByLabel('Choose a password').fill('reviewer password 2026');
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await expect(page).toHaveURL(/\/review$/);

  // The link is single-use.
  await page.goto(link);
  await expect(page.getByText('This invitation link is invalid, already used or expired.')).toBeVisible();
  await context.close();
});

test('[admin] disabling a user ends their session at once; re-enabling lets them back', async ({ adminPage, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email, password } = await signUpApplicant(page);

  await adminPage.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = adminPage.getByTestId(`user-${email}`);
  await row.getByRole('button', { name: 'Disable' }).click();
  await answerConfirmation(adminPage, /^Please confirm.*Disable .*\?/);
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();

  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
  await new SignInPage(page).signIn(email, password);
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toContainText('This account has been disabled.');

  await row.getByRole('button', { name: 'Re-enable' }).click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await context.close();
});

test('[admin] a role change ends the user\'s session; they come back with the new role', async ({ adminPage, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email, password } = await signUpApplicant(page);

  await adminPage.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = adminPage.getByTestId(`user-${email}`);
  await row.getByLabel(`Reviewer (${email})`).check();
  await row.getByRole('button', { name: 'Save roles' }).click();
  await expect(row.getByText('Roles saved.')).toBeVisible();

  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
  await signInViaApi(page.request, email, password);
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review queue');
  await context.close();
});
