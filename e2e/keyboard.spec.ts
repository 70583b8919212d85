import type { Page } from '@playwright/test';
import { expect, signUpApplicant, test } from './support/fixtures';

/**
 * Journeys with the keyboard alone: every control is reached with Tab, shows where the
 * focus is, and is worked with the keys a keyboard user has (Enter, Space, arrows,
 * typing). Only the address bar is used to go to the call, as a person would type it.
 */
const CALL = '/calls/diaspora-climate-resilience-2027';
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

/** What the focused element is called (its label, aria-label or text), as a screen reader would start reading it. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const input = el as HTMLInputElement;
    const label = el.getAttribute('aria-label') ?? input.labels?.[0]?.innerText ?? el.innerText ?? '';
    return label.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the control named `name` has the focus; it must show that it has it. */
async function tabTo(page: Page, name: string | RegExp, { backwards = false, max = 150 } = {}) {
  const wanted = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (wanted(await focusedName(page))) {
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline, `the focus on "${name}" is visible`).not.toBe('none');
      return;
    }
  }
  throw new Error(`"${name}" cannot be reached with Tab`);
}

async function typeInto(page: Page, name: string | RegExp, text: string) {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

async function saveAndContinue(page: Page, heading: string) {
  await tabTo(page, 'Save and continue');
  await page.keyboard.press('Enter');
  // The new step's heading takes the focus, so reading starts there.
  await expect(page.getByRole('heading', { name: heading })).toBeFocused();
}

test('[applicant, keyboard] applies and submits with the keyboard alone; the confirmation dialog keeps and gives back the focus', async ({ page }) => {
  test.setTimeout(240_000);
  // Setting up the account and organisation is not the journey under test.
  await signUpApplicant(page, 'Keyboard Applicant');
  await page.goto('/organisation');
  // Typed before the form is interactive, the name could be lost on a loaded machine.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Legal name').fill('Keyboard Diaspora Network');
  await page.getByLabel('Country of registration').selectOption('FR');
  await page.getByLabel('Countries of heritage').selectOption('SN');
  await page.getByRole('button', { name: 'Create the organisation' }).click();
  await expect(page.getByText('Your organisation is created.')).toBeVisible();

  await page.goto(CALL);
  await tabTo(page, 'Apply to this call');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/apply$/);
  await tabTo(page, 'Start the application');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/edit/);
  await expect(page.getByRole('heading', { name: 'Step 1 of 8: Project' })).toBeVisible();

  await typeInto(page, 'Project title', 'Rain gardens for Dhaka schools');
  await tabTo(page, 'Bangladesh');
  await page.keyboard.press('Space');
  await tabTo(page, 'Climate and environment');
  await page.keyboard.press('Space');
  await typeInto(page, 'Summary', 'Schools collect rain and cool their yards.');
  await typeInto(page, 'Objectives', 'Less flooding and heat in twenty schools.');
  await typeInto(page, 'Activities', 'Build rain gardens with pupils and parents.');
  await saveAndContinue(page, 'Step 2 of 8: Reach');

  await typeInto(page, 'Target population', 'Pupils and teachers of twenty schools.');
  await typeInto(page, 'Number of people to reach', '8000');
  await saveAndContinue(page, 'Step 3 of 8: Partners');
  await saveAndContinue(page, 'Step 4 of 8: Risks');

  await tabTo(page, 'Add a risk');
  await page.keyboard.press('Enter');
  await typeInto(page, 'Risk 1', 'Monsoon delays the works.');
  await typeInto(page, 'Mitigation of risk 1', 'Build in the dry season.');
  await saveAndContinue(page, 'Step 5 of 8: Budget');

  await typeInto(page, 'Duration in months', '8');
  await typeInto(page, 'Amount requested (USD)', '50000');
  await tabTo(page, 'Add a budget line');
  await page.keyboard.press('Enter');
  await typeInto(page, 'Budget line 1', 'Gardens and tanks');
  await typeInto(page, 'Amount of line 1', '50000');
  await saveAndContinue(page, 'Step 6 of 8: Declarations');

  // Radio groups: Tab enters a group, Space picks, an arrow moves to the other answer.
  for (let i = 0; i < 3; i++) {
    await tabTo(page, 'Yes');
    await page.keyboard.press('Space');
  }
  await tabTo(page, 'Yes');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('group', { name: /worked with IOM/ }).getByLabel('No')).toBeChecked();
  await saveAndContinue(page, 'Step 7 of 8: Documents');

  // A file input opens the file chooser from the keyboard.
  for (const [label, file] of [
    ['Upload the Project proposal', 'proposal.pdf'],
    ['Upload the Detailed budget', 'budget.pdf'],
  ] as const) {
    // Waited for before the key is pressed: Playwright intercepts the chooser through a
    // browser round trip, and a Space that arrives first opens the native one, unseen.
    const opened = page.waitForEvent('filechooser');
    await tabTo(page, label);
    await page.keyboard.press('Space');
    const chooser = await opened;
    await chooser.setFiles(pdf(file));
    await expect(page.getByRole('link', { name: file })).toBeVisible();
  }
  await saveAndContinue(page, 'Step 8 of 8: Review and submit');

  await expect(page.getByText('Everything is complete.')).toBeVisible();
  await tabTo(page, 'Submit the application');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?submitted=1$/);
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^EOI-\d{4}-\d{4,}$/);

  // The confirmation dialog: it takes the focus (on "Cancel", the harmless answer), Tab
  // stays inside, Escape cancels and the focus goes back to the button that opened it.
  await tabTo(page, 'Withdraw the application');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Please confirm' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/Withdraw this application\?/);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Withdraw the application' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Withdraw the application' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Withdraw the application' })).toBeFocused();
  await expect(page.getByText('Submitted', { exact: true }).first()).toBeVisible();

  // Confirmed with the keyboard, it acts.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Withdrawn', { exact: true }).first()).toBeVisible();
});
