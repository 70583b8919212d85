import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signInViaApi, signUpApplicant, test } from './support/fixtures';

/** Posts a sign-in to Auth.js's own endpoint and returns where it sends the browser. */
async function trySignIn(request: APIRequestContext, email: string, password: string): Promise<string> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response.headers()['location'] ?? '';
}

test('[sessions] a copied session cookie stops working once its owner signs out', async ({ page, browser }) => {
  await signUpApplicant(page, 'Careful Owner');
  const thief = await browser.newContext();
  await thief.addCookies(await page.context().cookies());
  const stolen = await thief.newPage();
  await stolen.goto('/dashboard');
  await expect(stolen).toHaveURL(/\/dashboard$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  // The same cookie, replayed: the session ended on the server.
  await stolen.goto('/dashboard');
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
});

test('[sessions] "sign out of all devices" ends every session; a password change ends the others', async ({ page, browser }) => {
  const { email, password } = await signUpApplicant(page, 'Two Devices');
  const phone = await browser.newContext();
  await signInViaApi(phone.request, email, password);
  const phonePage = await phone.newPage();

  // A password change from the laptop: the phone is signed out, the laptop stays.
  await page.goto('/account');
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  await expect(page.getByText('(This device)')).toHaveCount(1);
  const form = page.getByRole('form', { name: 'Change your password' });
  await form.getByLabel('Current password').fill('not my password at all');
  await form.getByLabel('New password').fill('a brand new long password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Your current password is not right.').first()).toBeVisible();
  await form.getByLabel('Current password').fill(password);
  await form.getByLabel('New password').fill('password1234');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('This password is on a list of common passwords')).toBeVisible();
  await form.getByLabel('New password').fill('a brand new long password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Your other session was signed out.')).toBeVisible();
  await phonePage.goto('/dashboard');
  await expect(phonePage).toHaveURL(/\/sign-in/);

  // Both devices again, then "sign out of all devices".
  await signInViaApi(phone.request, email, 'a brand new long password');
  await phonePage.goto('/dashboard');
  await expect(phonePage).toHaveURL(/\/dashboard$/);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=all/);
  await expect(page.getByText('You are signed out on every device.')).toBeVisible();
  await phonePage.goto('/dashboard');
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await phone.close();
});

test('[sign-in] wrong passwords lock the guessing address out of the account, never its owner', async ({ page, browser }) => {
  const { email, password } = await signUpApplicant(page, 'Targeted Owner');
  const attacker = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.66' } });
  for (let i = 0; i < 10; i++) {
    expect(await trySignIn(attacker.request, email, `guess number ${i}`)).toContain('code=invalid');
  }
  // Locked: even the right password is refused from there, with how long to wait…
  const locked = await trySignIn(attacker.request, email, password);
  expect(locked).toMatch(/code=throttled-\d+/);
  const lockedPage = await attacker.newPage();
  await lockedPage.goto(new URL(locked).pathname + new URL(locked).search);
  await expect(lockedPage.getByRole('alert').filter({ hasText: 'Too many failed attempts for this account from your network' })).toBeVisible();
  // …and writing another address to the left of X-Forwarded-For changes nothing.
  const spoofing = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.200, 203.0.113.66' } });
  expect(await trySignIn(spoofing.request, email, password)).toMatch(/code=throttled-\d+/);

  // The owner, from their own address, signs in as usual.
  const owner = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.23' } });
  await signInViaApi(owner.request, email, password);
  await Promise.all([attacker.close(), spoofing.close(), owner.close()]);
});

/** The id of a server action, from the browser code of a page that uses it. */
async function actionId(page: Page, path: string, name: string): Promise<string> {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/_next/static/chunks/')) scripts.push(response.url());
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  for (const url of scripts) {
    const text = await (await page.request.get(url)).text();
    const match = text.match(new RegExp(`"([0-9a-f]{40,})",[^"]{0,120}"${name}"`));
    if (match) return match[1];
  }
  throw new Error(`no server action ${name} found in the scripts of ${path}`);
}

test('[input] bad input gets a clear answer, never a 500', async ({ adminPage, page }) => {
  const admin = adminPage.request;
  const callId = (await (await admin.get('/admin/calls')).text()).match(/href="\/admin\/calls\/([0-9a-f-]{36})"/)![1];
  const strange = ['page=1e400', 'page=-3', 'page=abc', 'page=99999999999999999999', 'q=%25_%5C', 'role=root', 'status=nope', 'sort=zzz&dir=sideways', 'country=ZZZZ&theme=%20'];
  const lists = ['/admin/users', '/admin/audit', '/admin/outbox', '/admin/calls', `/admin/calls/${callId}/ranking`, `/admin/calls/${callId}/screening`, `/admin/calls/${callId}/assignments`, '/partners', '/'];
  const failures: string[] = [];
  for (const list of lists) {
    for (const query of strange) {
      const status = (await admin.get(`${list}?${query}`)).status();
      if (status >= 500) failures.push(`${list}?${query}: ${status}`);
    }
  }
  // Malformed addresses: 400, not 500.
  for (const path of ['/calls/%zz', '/calls/%E0%A4%A', `/admin/calls/${callId}/ranking/%C0%AF`, '/applications/%', '/partners?q=%00', '/review?page=%01']) {
    const status = (await admin.get(path)).status();
    if (status !== 400) failures.push(`${path}: expected 400, got ${status}`);
  }
  // Ids that are not ids: not found.
  for (const path of [`/admin/calls/not-an-id`, '/applications/not-an-id', '/admin/outbox/not-an-id', '/api/review/x/files/y', '/api/applications/x/files/y']) {
    const status = (await admin.get(path)).status();
    if (status >= 500) failures.push(`${path}: ${status}`);
  }

  // Server action bodies: not JSON, too large, of the wrong shape.
  const id = await actionId(page, '/forgot-password', 'requestPasswordResetAction');
  const post = (data: string | Buffer, type = 'text/plain;charset=UTF-8') =>
    page.request.post('/forgot-password', { headers: { 'Next-Action': id, 'Content-Type': type }, data, maxRedirects: 0 });
  const bodies: [string, string | Buffer, number, string?][] = [
    ['not JSON', '{not json', 400],
    ['a bare string', '"hello"', 400],
    ['React references to parts that do not exist', '["$K1","$@2","$Q9"]', 400],
    ['too large', Buffer.alloc(1024 * 1024 + 10, 'a'), 413],
    ['multipart that is not', 'garbage', 400, 'multipart/form-data; boundary=xyz'],
  ];
  for (const [what, data, expected, type] of bodies) {
    const status = (await post(data, type)).status();
    if (status !== expected) failures.push(`action body ${what}: expected ${expected}, got ${status}`);
  }
  // The wrong shape inside a valid body: the action answers with a message.
  const wrongShape = await post('[{"email":"a@example.org","isAdmin":true}]');
  expect(wrongShape.status()).toBe(200);
  expect(await wrongShape.text()).toContain('Unexpected fields were sent: isAdmin.');
  expect(failures, failures.join('\n')).toEqual([]);
});
