import type { Page } from '@playwright/test';
import { answerConfirmation, answerOfPage, expect, signUpApplicant, test } from './support/fixtures';
import { firstAppLink, readLatestMail } from './support/outbox';
import { ApplicationForm } from './support/pages';

const CALL = '/calls/diaspora-climate-resilience-2027';
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

async function createOrganisation(page: Page, name: string) {
  await page.getByLabel('Legal name').fill(name);
  await page.getByLabel('Country of registration').selectOption('FR');
  await page.getByLabel('Countries of heritage').selectOption('SN');
  await page.getByRole('button', { name: 'Create the organisation' }).click();
}

const startApplication = (page: Page) => ApplicationForm.start(page, CALL);
const next = (page: Page, heading: string) => new ApplicationForm(page).next(heading);
const saved = (page: Page) => new ApplicationForm(page).saved();

test('[applicant] a new user signs up, creates the organisation, applies, reloads, uploads, submits and gets a reference', async ({ page, adminPage }) => {
  // The whole journey, eight steps and three mails: longer than one page's test.
  test.setTimeout(150_000);
  const { email } = await signUpApplicant(page, 'Awa Ndiaye');
  await expect(page.getByTestId('organisation-state')).toContainText('You are not part of an organisation yet');

  // From the open call: no organisation yet, so the apply flow leads through creating it.
  await page.goto(CALL);
  await page.getByRole('link', { name: 'Apply to this call' }).click();
  await expect(page.getByText('You apply on behalf of an organisation.')).toBeVisible();
  await page.getByRole('link', { name: 'Create your organisation' }).click();
  await createOrganisation(page, 'Sahel Climate Diaspora');
  await expect(page).toHaveURL(/\/calls\/diaspora-climate-resilience-2027\/apply$/);
  await page.getByRole('button', { name: 'Start the application' }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/edit/);
  const applicationId = page.url().match(/applications\/([0-9a-f-]{36})/)![1];

  // Step 1: project.
  await expect(page.getByTestId('step-project')).toHaveAttribute('data-complete', 'false');
  await page.getByLabel('Project title').fill('Flood early warning for Saint-Louis fishing families');
  await page.getByLabel('Senegal').check();
  await page.getByLabel('Climate and environment').check();
  await page.getByLabel('Summary').fill('Warnings by SMS and community radio before floods reach the fishing quarters.');
  await page.getByLabel('Objectives').fill('Fewer boats and homes lost to floods.');
  await page.getByLabel('Activities').fill('Install river gauges, train volunteers, run warning drills.');
  await expect(page.getByTestId('step-project')).toHaveAttribute('data-complete', 'true');
  await next(page, 'Step 2 of 8: Reach');

  // Step 2: reach. Then reload: nothing the page showed as saved is lost.
  await page.getByLabel('Target population').fill('Fishing families of Guet Ndar and Goxu Mbacc.');
  await page.getByLabel('Number of people to reach').fill('5000');
  await saved(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Step 2 of 8: Reach' })).toBeVisible();
  await expect(page.getByLabel('Target population')).toHaveValue('Fishing families of Guet Ndar and Goxu Mbacc.');
  await expect(page.getByLabel('Number of people to reach')).toHaveValue('5000');
  await page.getByTestId('step-project').click();
  await expect(page.getByLabel('Project title')).toHaveValue('Flood early warning for Saint-Louis fishing families');
  await expect(page.getByLabel('Senegal')).toBeChecked();
  await page.getByTestId('step-partners').click();

  // Step 3: partners.
  await expect(page.getByRole('heading', { name: 'Step 3 of 8: Partners' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a local partner' }).click();
  await page.getByLabel('Name of partner 1').fill('Pêcheurs Unis de Saint-Louis');
  await page.getByLabel('Country of partner 1').selectOption('SN');
  await page.getByLabel('Role of partner 1').fill('Runs the volunteer network.');
  await next(page, 'Step 4 of 8: Risks');

  // Step 4: risks.
  await page.getByRole('button', { name: 'Add a risk' }).click();
  await page.getByLabel(/^Risk 1/).fill('Power cuts during storms.');
  await page.getByLabel('Mitigation of risk 1').fill('Solar-powered gauges with batteries.');
  await next(page, 'Step 5 of 8: Budget');

  // Step 5: budget; the lines must add up to the amount.
  await page.getByLabel('Duration in months').fill('9');
  await page.getByLabel('Amount requested (USD)').fill('60000');
  await page.getByRole('button', { name: 'Add a budget line' }).click();
  await page.getByLabel('Budget line 1').fill('Gauges and radios');
  await page.getByLabel('Amount of line 1').fill('40000');
  await page.getByRole('button', { name: 'Add a budget line' }).click();
  await page.getByLabel('Budget line 2').fill('Training and coordination');
  await page.getByLabel('Amount of line 2').fill('15000');
  await expect(page.getByTestId('step-budget')).toHaveAttribute('data-complete', 'false');
  await next(page, 'Step 6 of 8: Declarations');
  // Having left the step, its error says why.
  await page.getByTestId('step-budget').click();
  await expect(page.getByText('The budget lines add up to 55,000 USD, not the 60,000 USD requested.')).toBeVisible();
  await page.getByLabel('Amount of line 2').fill('20000');
  await expect(page.getByTestId('step-budget')).toHaveAttribute('data-complete', 'true');
  await next(page, 'Step 6 of 8: Declarations');

  // Step 6: the call's declarations.
  for (const statement of [/founded or led by members of the diaspora/, /legally registered as a non-profit/, /protection from sexual exploitation/]) {
    await page.getByRole('group', { name: statement }).getByLabel('Yes').check();
  }
  await page.getByRole('group', { name: /worked with IOM/ }).getByLabel('No').check();
  await next(page, 'Step 7 of 8: Documents');

  // Step 7: documents, checked by the server.
  await page.getByLabel('Upload the Project proposal').setInputFiles(pdf('proposal.pdf'));
  await expect(page.getByRole('link', { name: 'proposal.pdf' })).toBeVisible();
  await page.getByLabel('Upload the Detailed budget').setInputFiles({ name: 'budget.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is a renamed program') });
  await expect(page.getByText(/not of an accepted type \(XLSX, PDF\)/)).toBeVisible();
  await page.getByLabel('Upload the Detailed budget').setInputFiles(pdf('budget.pdf'));
  await expect(page.getByRole('link', { name: 'budget.pdf' })).toBeVisible();
  await next(page, 'Step 8 of 8: Review and submit');

  // Step 8: review and submit.
  await expect(page.getByText('Everything is complete.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit the application' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}\\?submitted=1$`));
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^EOI-\d{4}-\d{4,}$/);
  await expect(page.getByTestId('submitted-banner')).toContainText(`Your reference is ${reference}`);
  await expect(page.getByText('Submitted', { exact: true }).first()).toBeVisible();

  // The receipt is in the outbox.
  const receipt = await readLatestMail(adminPage, email, `Receipt: application ${reference} submitted`);
  expect(receipt).toContain('Sahel Climate Diaspora');
  expect(receipt).toContain('Flood early warning for Saint-Louis fishing families');

  // The dashboard shows it submitted.
  await page.goto('/dashboard');
  const row = page.getByTestId(`application-${applicationId}`);
  await expect(row).toContainText('Submitted');
  await expect(row).toContainText(reference);
  await expect(row.getByTestId('countdown')).toHaveText(/days left/);

  // Until the deadline: withdraw (after a confirmation), reopen and submit again, same reference.
  await page.goto(`/applications/${applicationId}`);
  await page.getByRole('button', { name: 'Withdraw the application' }).click();
  await answerConfirmation(page, 'Withdraw this application?');
  await expect(page.getByText('Withdrawn', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Reopen to edit and submit again' }).click();
  await expect(page.getByRole('heading', { name: 'Step 8 of 8: Review and submit' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit the application again' }).click();
  await expect(page.getByTestId('reference')).toHaveText(reference);
  await expect(page.getByTestId('submitted-banner')).toBeVisible();
});

test('[applicant] the owner invites a colleague; their simultaneous edits are never overwritten silently', async ({ page, browser, adminPage }) => {
  await signUpApplicant(page, 'Owner Person');
  await page.goto('/organisation');
  await createOrganisation(page, 'Bengal Delta Friends Two');
  await expect(page.getByText('Your organisation is created.')).toBeVisible();

  // The invitation goes out by mail; the colleague creates an account from the link and joins.
  const colleagueEmail = `colleague-${Date.now().toString(36)}@example.net`;
  const invite = page.getByRole('form', { name: 'Invite a colleague' });
  await invite.getByLabel("Colleague's e-mail address").fill(colleagueEmail);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByText(`Invitation sent to ${colleagueEmail}.`)).toBeVisible();
  const link = firstAppLink(await readLatestMail(adminPage, colleagueEmail, /Join Bengal Delta Friends Two/));

  const context = await browser.newContext();
  const colleague = await context.newPage();
  await colleague.goto(link);
  await expect(colleague.getByText('You are invited to join Bengal Delta Friends Two')).toBeVisible();
  await colleague.getByLabel('Your name').fill('Colleague Person');
  await colleague.getByLabel('Choose a password').fill('colleague password 2026');
  await colleague.getByRole('button', { name: 'Create account and join' }).click();
  await expect(colleague.getByText('You are now a member of Bengal Delta Friends Two.')).toBeVisible();

  // Both open the same draft.
  await startApplication(page);
  const editUrl = page.url();
  await colleague.goto(CALL);
  await colleague.getByRole('link', { name: 'Apply to this call' }).click();
  await expect(colleague).toHaveURL(editUrl.replace(/\?.*$/, ''));

  await page.getByLabel('Project title').fill('Salt-tolerant rice for Khulna');
  await saved(page);
  await colleague.getByLabel('Summary').fill('The colleague typed this without reloading.');
  await expect(colleague.getByRole('alert').filter({ hasText: 'changed in another tab or by a colleague' })).toBeVisible();

  // Reloading shows the owner's version and offers the colleague's typing back.
  await colleague.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(colleague.getByLabel('Project title')).toHaveValue('Salt-tolerant rice for Khulna');
  await expect(colleague.getByText(/This browser kept changes you typed/)).toBeVisible();
  await colleague.getByRole('button', { name: 'Restore my changes' }).click();
  await expect(colleague.getByLabel('Summary')).toHaveValue('The colleague typed this without reloading.');
  await saved(colleague);
  await context.close();
});

test('[applicant] another organisation\'s application and its files are not found', async ({ page, browser }) => {
  await signUpApplicant(page, 'First Applicant');
  await page.goto('/organisation');
  await createOrganisation(page, 'Lakou Test Network');
  await expect(page.getByText('Your organisation is created.')).toBeVisible();
  await startApplication(page);
  const id = page.url().match(/applications\/([0-9a-f-]{36})/)![1];

  const context = await browser.newContext();
  const other = await context.newPage();
  await signUpApplicant(other, 'Second Applicant');
  for (const path of [`/applications/${id}`, `/applications/${id}/edit`]) {
    expect(await answerOfPage(other, path), path).toBe(404);
  }
  const download = await other.request.get(`/api/applications/${id}/files/00000000-0000-4000-8000-000000000000`);
  expect(download.status()).toBe(404);
  await context.close();
});

test('[applicant] typed while offline: kept in this browser, said to be unsaved, saved when the connection returns; a tab closed offline offers it back', async ({ page, context, browser }) => {
  await signUpApplicant(page, 'Offline Applicant');
  await page.goto('/organisation');
  await createOrganisation(page, 'Offline Test Network');
  await expect(page.getByText('Your organisation is created.')).toBeVisible();
  await startApplication(page);
  const editUrl = page.url();
  await page.getByLabel('Project title').fill('Solar pumps for Tambacounda');
  await saved(page);

  // The connection drops: the change is not lost, and the page says it is not saved yet.
  await context.setOffline(true);
  await page.getByLabel('Summary').fill('Typed on a train without signal.');
  await expect(page.getByTestId('save-status')).toContainText('you seem to be offline');
  // Back online: saved without a click, and there after a reload.
  await context.setOffline(false);
  await saved(page);
  await page.reload();
  await expect(page.getByLabel('Summary')).toHaveValue('Typed on a train without signal.');

  // Offline again, and the tab is closed before the connection returns.
  await context.setOffline(true);
  await page.getByLabel('Summary').fill('Typed offline, then the tab was closed.');
  await expect(page.getByTestId('save-status')).toContainText('you seem to be offline');
  // The tab is left for good while offline. (It stays open, offline, to the end: a request a
  // closing tab sends can slip past the browser's offline emulation.) The next tab opens in a
  // new context holding this browser's storage, as after a restart.
  const kept = await context.storageState();
  const later = await browser.newContext({ storageState: kept });
  const again = await later.newPage();
  await again.goto(editUrl);
  await expect(again.getByLabel('Summary')).toHaveValue('Typed on a train without signal.');
  await expect(again.getByText(/This browser kept changes you typed/)).toBeVisible();
  await again.getByRole('button', { name: 'Restore my changes' }).click();
  await expect(again.getByLabel('Summary')).toHaveValue('Typed offline, then the tab was closed.');
  await saved(again);
  await again.reload();
  await expect(again.getByLabel('Summary')).toHaveValue('Typed offline, then the tab was closed.');
  await later.close();
});

test('[applicant] a document kept in the organisation library goes into an application without uploading it again', async ({ page }) => {
  await signUpApplicant(page, 'Library Applicant');
  await page.goto('/organisation');
  await createOrganisation(page, 'Library Test Network');
  await expect(page.getByText('Your organisation is created.')).toBeVisible();
  const library = page.getByTestId('document-library');
  await library.getByLabel('Kind of document').selectOption({ label: 'Statutes or articles of association' });
  await library.getByLabel('File', { exact: true }).setInputFiles(pdf('statutes.pdf'));
  await library.getByRole('button', { name: 'Add the document' }).click();
  await expect(library.getByText('Added: statutes.pdf.')).toBeVisible();

  const form = await startApplication(page);
  await page.goto(`/applications/${form.id}/edit?step=documents`);
  await expect(page.getByRole('heading', { name: 'Step 7 of 8: Documents' })).toBeVisible();
  const slot = page.getByTestId('slot-Project proposal');
  await slot.getByRole('button', { name: 'Use this document' }).click();
  await expect(slot.getByText("Choose one of your organisation's documents first.")).toBeVisible();
  await slot.getByLabel('Or use a document of your organisation for the Project proposal').selectOption({ label: 'Statutes or articles of association: statutes.pdf' });
  await slot.getByRole('button', { name: 'Use this document' }).click();
  await expect(slot.getByRole('link', { name: 'statutes.pdf' })).toBeVisible();
  await expect(slot.getByText('Uploaded')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('slot-Project proposal').getByRole('link', { name: 'statutes.pdf' })).toBeVisible();
});
