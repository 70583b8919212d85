import type { Page } from '@playwright/test';
import { expect, signUpApplicant, test } from './support/fixtures';
import { ApplicationForm } from './support/pages';

/** The application form says what is missing as the person goes, without blocking a draft. */

const CALL = '/calls/diaspora-climate-resilience-2027';

async function blankApplication(page: Page, organisation: string): Promise<string> {
  await signUpApplicant(page, 'Step Counter');
  // Waits until the page is interactive (typing.spec: a hydration mismatch remounts this form).
  await page.goto('/organisation', { waitUntil: 'networkidle' });
  await page.getByLabel('Legal name').fill(organisation);
  await page.getByLabel('Country of registration').selectOption('FR');
  await page.getByRole('button', { name: 'Create the organisation' }).click();
  await expect(page).toHaveURL(/created=1/);
  return (await ApplicationForm.start(page, CALL)).id;
}

test('[applicant] a blank application has no step complete; the optional partners step says so rather than counting', async ({ page }) => {
  await blankApplication(page, 'Blank Steps Collective');
  // The climate call requires declarations and documents; partners are optional.
  await expect(page.getByTestId('progress-count')).toHaveText('0 of 6 steps complete');
  await expect(page.getByTestId('step-partners')).toHaveAttribute('data-complete', 'optional');
  await expect(page.getByTestId('step-partners')).toContainText('(Optional)');
  for (const step of ['project', 'reach', 'risks', 'budget', 'declarations', 'documents']) {
    await expect(page.getByTestId(`step-${step}`)).toHaveAttribute('data-complete', 'false');
  }
  // A half-filled partner row makes the optional step incomplete, not complete.
  await page.getByTestId('step-partners').click();
  await page.getByRole('button', { name: 'Add a local partner' }).click();
  await page.getByLabel('Name of partner 1').fill('Half a partner');
  await expect(page.getByTestId('step-partners')).toHaveAttribute('data-complete', 'false');
});

test('[applicant] "Save and continue" saves the draft and lists what the step still lacks', async ({ page }) => {
  const id = await blankApplication(page, 'Save And Tell');
  await page.getByLabel('Project title').fill('Only a title so far');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // It moves on (a draft is never blocked)...
  await expect(page.getByRole('heading', { name: 'Step 2 of 8: Reach' })).toBeVisible();
  // ...and says what "Project" lacks, field by field.
  const lacks = page.getByTestId('step-lacks');
  await expect(lacks).toContainText('“Project” is saved as a draft, but still lacks:');
  await expect(lacks).toContainText('Summary: This field is required.');
  await expect(lacks).toContainText('Countries: Choose at least one.');
  await expect(lacks).not.toContainText('Project title');
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved at/);
  // The title was saved.
  await page.goto(`/applications/${id}/edit?step=project`);
  await expect(page.getByLabel('Project title')).toHaveValue('Only a title so far');
  // Back to the step from the list.
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('button', { name: 'Back to “Project”' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 8: Project' })).toBeVisible();
  await expect(page.getByText('This field is required.').first()).toBeVisible();
  // A complete step moves on without a list.
  await page.getByTestId('step-partners').click();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 8: Risks' })).toBeVisible();
  await expect(page.getByTestId('step-lacks')).toHaveCount(0);
});

test('[applicant] the budget total reads sensibly when nothing is requested yet', async ({ page }) => {
  const id = await blankApplication(page, 'Empty Amounts');
  await page.goto(`/applications/${id}/edit?step=budget`);
  await page.getByRole('button', { name: 'Add a budget line' }).click();
  await page.getByLabel('Amount of line 1').fill('1200');
  const total = page.getByTestId('budget-total');
  await expect(total).toHaveText(/^The lines add up to .*1,200.*\. No amount is requested yet: enter it above\.$/);
  await expect(total).not.toContainText('—');
  await page.getByLabel('Amount requested (USD)').fill('1200');
  await expect(total).toHaveText(/^The lines add up to .*1,200.* of .*1,200.* requested\.$/);
});
