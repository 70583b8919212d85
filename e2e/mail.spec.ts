import { expect, signUpApplicant, test, uniqueEmail } from './support/fixtures';
import { firstAppLink, readLatestMail } from './support/outbox';
import { SignInPage } from './support/pages';

test('[applicant] signs up and confirms the address with the link from the mail', async ({ page, adminPage }) => {
  const { email } = await signUpApplicant(page, 'Chipo Moyo');
  const notice = page.getByTestId('verify-email-notice');
  await expect(notice).toContainText(`Please confirm your e-mail address: we sent a link to ${email}.`);
  // The sign-up mail went out a moment ago: "send again" is refused for now.
  await notice.getByRole('button', { name: 'Send the link again' }).click();
  await expect(notice.getByText('You asked for a new link a moment ago.', { exact: false })).toBeVisible();

  const text = await readLatestMail(adminPage, email, 'Confirm your e-mail address');
  expect(text).toContain('Hello Chipo Moyo,');
  const link = firstAppLink(text);
  expect(link).toMatch(/^\/verify-email\/[A-Za-z0-9_-]{20,}$/);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your e-mail address' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByText(`Thank you: ${email} is confirmed.`)).toBeVisible();
  await expect(page.getByTestId('verify-email-notice')).toHaveCount(0);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('verify-email-notice')).toHaveCount(0);

  // Opened again, the link only says the address is confirmed; a made-up one is refused.
  await page.goto(link);
  await expect(page.getByText(`Thank you: ${email} is confirmed.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm my address' })).toHaveCount(0);
  await page.goto(`/verify-email/${'x'.repeat(43)}`);
  await expect(page.getByText('This link is invalid, already used or expired.', { exact: false })).toBeVisible();
});

test('[visitor] resets a forgotten password with the mailed link; the old password stops working', async ({ browser, adminPage }) => {
  const signUpContext = await browser.newContext();
  const { email, password: oldPassword } = await signUpApplicant(await signUpContext.newPage());
  await signUpContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const form = page.getByRole('form', { name: 'Reset your password' });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByRole('button', { name: 'Send the link' }).click();
  await expect(form.getByText(`If an account uses ${email}, a link to choose a new password is on its way.`, { exact: false })).toBeVisible();

  const text = await readLatestMail(adminPage, email, 'Reset your EOI Portal password');
  const link = firstAppLink(text);
  expect(link).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{20,}$/);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByText(`For the account ${email}.`, { exact: false })).toBeVisible();
  await page.getByLabel('Choose a password').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await page.getByLabel('Choose a password').fill('my new reset password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(page.getByText('Your password has been changed. Sign in with the new one.')).toBeVisible();

  await new SignInPage(page).signIn(email, oldPassword);
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('That e-mail address and password do not match an account.');
  await page.getByLabel('Password').fill('my new reset password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  // The mail reached its owner, so the address counts as confirmed.
  await expect(page.getByTestId('verify-email-notice')).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await expect(page.getByText('This link is invalid, already used or expired. Ask for a new one.')).toBeVisible();
  await context.close();
});

test('[visitor] asking to reset the password of an unknown address gets the same answer, and no mail is queued', async ({ page, adminPage }) => {
  const email = uniqueEmail('nobody');
  await page.goto('/forgot-password');
  const form = page.getByRole('form', { name: 'Reset your password' });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByRole('button', { name: 'Send the link' }).click();
  await expect(form.getByText(`If an account uses ${email}, a link to choose a new password is on its way.`, { exact: false })).toBeVisible();

  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
  await expect(adminPage.getByText('No mail matches.')).toBeVisible();
});

test('[admin] the outbox says delivery is off, counts messages by state and filters by kind', async ({ adminPage, browser }) => {
  const context = await browser.newContext();
  const { email } = await signUpApplicant(await context.newPage());
  await context.close();

  await adminPage.goto('/admin/outbox');
  await expect(adminPage.getByTestId('delivery-status')).toContainText('Delivery is off: no SMTP server is configured');
  const counts = adminPage.getByRole('list', { name: 'Messages by state' });
  await expect(counts.getByText(/^Pending: \d+$/)).toBeVisible();
  await expect(counts.getByText('Failed: 0')).toBeVisible();
  await expect(adminPage.getByRole('button', { name: /Retry all failed/ })).toHaveCount(0);

  await adminPage.getByLabel('Kind').selectOption({ label: 'E-mail confirmation' });
  await adminPage.getByLabel('Recipient contains').fill(email);
  await adminPage.getByRole('button', { name: 'Filter' }).click();
  await expect(adminPage).toHaveURL(/template=emailVerification/);
  const rows = adminPage.getByRole('row').filter({ hasText: email });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole('cell', { name: 'E-mail confirmation' })).toBeVisible();
  await expect(rows.getByText('Pending')).toBeVisible();
  await rows.getByRole('link', { name: 'Confirm your e-mail address' }).click();
  await expect(adminPage.getByTestId('mail-status')).toHaveText('Pending');
  await expect(adminPage.getByRole('button', { name: 'Retry this message' })).toHaveCount(0);
  // The HTML part, as the recipient will see it: laid out from the message's content (no HTML is stored for it).
  const preview = adminPage.frameLocator('iframe[sandbox]');
  await expect(preview.getByRole('link', { name: 'Confirm my address' })).toBeVisible();
  await expect(preview.getByText('Hello Test Applicant,')).toBeVisible();
});
