import { answerConfirmation, demo, expect, signInViaApi, test } from './support/fixtures';

function localInput(daysFromNow: number) {
  // The call is written in UTC here, so the wall time equals the ISO time.
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 16);
}

test('[admin] creates a call from scratch, opens it, and it is public on / and at its address', async ({ adminPage: page }) => {
  const title = `Call for youth centres ${Date.now().toString(36)}`;
  await page.goto('/admin/calls');
  await page.getByRole('link', { name: 'New call' }).click();
  const form = page.getByRole('form', { name: 'New call' });

  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Title').blur();
  await expect(form.getByLabel('Web address')).toHaveValue(/^call-for-youth-centres-/);
  await form.getByLabel('Summary').fill('Diaspora organisations run youth centres.');
  await form.getByLabel('Full description').fill('We fund **youth centres**. <script>alert(1)</script>');
  await form.getByLabel('Implementation countries').selectOption({ label: 'Lebanon' });
  await form.getByLabel('Implementation countries').selectOption({ label: 'Jordan' });
  await expect(form.getByRole('button', { name: 'Remove Jordan' })).toBeVisible();
  await form.getByLabel('Youth development').check();
  await form.getByLabel('Maximum per project').fill('50000');
  await form.getByLabel('Minimum per project').fill('10000');
  await form.getByLabel("The call's time zone").selectOption('UTC');
  await form.getByLabel('Opens').fill(localInput(-1));
  await form.getByLabel('Closes').fill(localInput(20));

  // Criteria: the form tells how far off 100 the weights are, as you type.
  await form.getByRole('button', { name: 'Add a criterion' }).click();
  const first = form.getByRole('listitem', { name: 'Criterion 1' });
  await first.getByLabel('Name').fill('Relevance');
  await first.getByLabel('Weight').fill('70');
  await expect(form.getByTestId('weight-balance')).toHaveText('The weights add up to 70: 30 short of 100.');
  await form.getByRole('button', { name: 'Add a criterion' }).click();
  const second = form.getByRole('listitem', { name: 'Criterion 2' });
  await second.getByLabel('Name').fill('Feasibility');
  await second.getByLabel('Weight').fill('40');
  await expect(form.getByTestId('weight-balance')).toHaveText('The weights add up to 110: 10 over 100.');
  await second.getByLabel('Weight').fill('30');
  await expect(form.getByTestId('weight-balance')).toHaveText('The weights add up to 100.');

  await form.getByRole('button', { name: 'Add a declaration' }).click();
  await form.getByRole('listitem', { name: 'Declaration 1' }).getByLabel('Statement').fill('We work with young people.');
  for (const [n, name] of [
    [1, 'Project proposal'],
    [2, 'Budget'],
  ] as const) {
    await form.getByRole('button', { name: 'Add a document' }).click();
    await form.getByRole('listitem', { name: `Document ${n}` }).getByLabel('Name').fill(name);
  }
  await form.getByRole('listitem', { name: 'Document 2' }).getByLabel('XLSX').check();
  await form.getByRole('button', { name: 'Create the call' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('call-status')).toHaveText('Draft');
  await page.getByRole('button', { name: 'Open the call' }).click();
  await answerConfirmation(page, 'Open this call?');
  await expect(page.getByTestId('call-status')).toHaveText('Open');

  await page.goto('/');
  await page.getByRole('region', { name: 'Open and upcoming calls' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('youth centres', { exact: true })).toBeVisible();
  // Raw HTML in the description is never run or rendered.
  await expect(page.locator('article script')).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'Relevance' })).toBeVisible();
  await expect(page.getByText('Jordan, Lebanon')).toBeVisible();
  await expect(page.getByText('We work with young people.')).toBeVisible();
  await expect(page.getByText('Project proposal')).toBeVisible();
});

test('[admin] saving dates out of order is refused next to the field', async ({ adminPage: page }) => {
  await page.goto('/admin/calls/new');
  const form = page.getByRole('form', { name: 'New call' });
  await form.getByLabel('Title').fill('Dates in the wrong order');
  await form.getByLabel('Title').blur();
  await form.getByLabel('Opens').fill(localInput(10));
  await form.getByLabel('Closes').fill(localInput(5));
  await form.getByRole('button', { name: 'Create the call' }).click();
  await expect(form.getByText('Must be later than the opening date.')).toBeVisible();
  await expect(form.getByLabel('Closes')).toHaveAttribute('aria-invalid', 'true');
});

test('[applicant] asks a question; [admin] answers it anonymised; it shows in the public FAQ', async ({ page, adminPage }) => {
  const slug = 'diaspora-climate-resilience-2027';
  const marker = Date.now().toString(36);
  await signInViaApi(page.request, demo.applicant);
  await page.goto(`/calls/${slug}`);
  const ask = page.getByRole('form', { name: 'Ask a question' });
  await ask.getByLabel('Your question').fill(`This is Demo Applicant of Horizon: may the budget include vehicles (${marker})?`);
  await ask.getByRole('button', { name: 'Send the question' }).click();
  await expect(ask.getByText('Thank you. Your question has been sent')).toBeVisible();
  await expect(page.getByText(/waiting for an answer/).first()).toBeVisible();

  await adminPage.goto('/admin/calls');
  await adminPage.getByRole('link', { name: 'Diaspora partnerships for climate resilience 2027' }).click();
  await adminPage.getByRole('link', { name: /Questions and answers/ }).click();
  const card = adminPage.getByTestId('question').filter({ hasText: marker });
  await card.getByRole('textbox', { name: 'The question as published', exact: true }).fill(`May the budget include vehicles (${marker})?`);
  await card.getByRole('textbox', { name: 'Answer', exact: true }).fill('Yes, if they are needed for the activities and justified in the budget.');
  await card.getByRole('button', { name: 'Publish the answer' }).click();
  await expect(card.getByText(/Published\. .*notified/)).toBeVisible();

  await page.goto(`/calls/${slug}`);
  const faq = page.getByRole('region', { name: 'Questions and answers' });
  await expect(faq.getByText(`May the budget include vehicles (${marker})?`, { exact: true })).toBeVisible();
  await expect(faq.getByText('Yes, if they are needed for the activities')).toBeVisible();
  await expect(page.getByText('This is Demo Applicant of Horizon')).toHaveCount(1); // only in the asker's own list
});
