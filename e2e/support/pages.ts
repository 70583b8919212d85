import { expect, type Locator, type Page } from '@playwright/test';

/** Page objects: the pages several specs drive, with their selectors in one place. */

/**
 * Answers the app's confirmation dialog (an accessible alert dialog, not window.confirm):
 * checks it opened with its question, then confirms (or cancels) it.
 */
export async function answerConfirmation(page: Page, message: string | RegExp, confirm = true) {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(message);
  await dialog.getByRole('button').nth(confirm ? 1 : 0).click();
  await expect(dialog).toBeHidden();
}

/** The sign-in form. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/sign-in');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('E-mail address').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}

/** An admin's page of one call, reached from the list of calls by its title. */
export class AdminCallPage {
  constructor(readonly page: Page) {}

  async open(title: string) {
    await this.page.goto('/admin/calls');
    await this.page.getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(title);
    return this;
  }

  get status(): Locator {
    return this.page.getByTestId('call-status');
  }

  async moveToSelection() {
    await this.page.getByRole('button', { name: 'Move to selection' }).click();
    await answerConfirmation(this.page, 'Move this call to selection?');
    await expect(this.status).toHaveText('Selection');
  }

  async openSelection(): Promise<SelectionPage> {
    await this.page.getByRole('link', { name: /Selection and results/ }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Selection');
    return new SelectionPage(this.page);
  }
}

/** A call's selection board: the optimiser, the decisions, publication. */
export class SelectionPage {
  constructor(readonly page: Page) {}

  async suggestSlate() {
    await this.page.getByRole('button', { name: 'Suggest a slate' }).click();
    await expect(this.page.getByTestId('slate-summary')).toBeVisible();
  }

  async applySlate() {
    await this.page.getByRole('button', { name: 'Apply to the board' }).click();
    await expect(this.page.getByText('Applied. Review the rationales')).toBeVisible();
  }

  /** The board's row of an organisation's application. */
  row(organisation: string): Locator {
    return this.page.getByRole('row').filter({ hasText: organisation });
  }

  async decide(organisation: string, outcome: 'selected' | 'reserve' | 'not_selected', rationale: string) {
    const row = this.row(organisation);
    const reference = (await row.locator('td').nth(1).locator('div').first().textContent())!.trim();
    await row.getByRole('combobox', { name: `Decision for ${reference}` }).selectOption(outcome);
    await row.getByRole('textbox', { name: 'Rationale' }).fill(rationale);
  }

  async saveDecisions() {
    await this.page.getByRole('button', { name: 'Save decisions' }).click();
    await expect(this.page.getByText(/decisions saved\./)).toBeVisible();
  }

  async publish() {
    await this.page.getByRole('button', { name: 'Publish the results' }).click();
    await answerConfirmation(this.page, 'Publish the results now?');
    await expect(this.page.getByText(/^Published: /)).toBeVisible();
  }
}

/** A reviewer's queue, and the conflict declaration reached from it. */
export class ReviewQueuePage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/review');
  }

  /**
   * Declares a conflict on the first assignment still waiting for one; returns its id.
   * It opens the declaration by its address rather than by a click: the permission matrix
   * uses this only to have a declared conflict. Following the link is review.spec's subject,
   * and here, once in CI, the declaration never appeared after the click (not seen again in
   * 4 local runs beside the same specs; cf. vercel/next.js#97036, a client navigation left in
   * its Suspense fallback), which cost the matrix its whole time budget.
   */
  async declareConflictOnFirst(reason: string): Promise<string> {
    await this.goto();
    const href = await this.page.getByRole('link', { name: /^Declare conflicts for / }).first().getAttribute('href');
    const assignmentId = href!.split('/').pop()!;
    await this.page.goto(href!);
    await this.page.getByLabel('I have a conflict of interest').check();
    await this.page.getByLabel('What is the conflict?').fill(reason);
    await this.page.getByRole('button', { name: 'Confirm declaration' }).click();
    await answerConfirmation(this.page, 'Declare the conflict?');
    await expect(this.page.getByText('Your conflict is recorded.')).toBeVisible();
    return assignmentId;
  }
}

/** An application's form: started from a call's page, then filled step by step. */
export class ApplicationForm {
  constructor(readonly page: Page) {}

  /** From the call's public page (e.g. `/calls/<slug>`): apply, start, and land in the editor. */
  static async start(page: Page, callPath: string): Promise<ApplicationForm> {
    await page.goto(callPath);
    await page.getByRole('link', { name: 'Apply to this call' }).click();
    await page.getByRole('button', { name: 'Start the application' }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/edit/);
    return new ApplicationForm(page);
  }

  /** The application's id, read from the editor's address. */
  get id(): string {
    return this.page.url().match(/applications\/([0-9a-f-]{36})/)![1];
  }

  /** Saves the step and waits for the next one, by its heading. */
  async next(heading: string) {
    await this.page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(this.page.getByRole('heading', { name: heading })).toBeVisible();
  }

  /** Waits for the autosave to say everything is saved. */
  async saved() {
    await expect(this.page.getByTestId('save-status')).toHaveText(/All changes saved at \d\d:\d\d/);
  }
}

/** An application's award, as its organisation's members see it: accept, or decline with a reason. */
export class AwardPage {
  constructor(readonly page: Page) {}

  /** From the dashboard's card, as a member finds it. */
  async openFromDashboard(reference: string) {
    await this.page.goto('/dashboard');
    const card = this.page.getByTestId('award-card').filter({ hasText: reference });
    await card.getByRole('link', { name: 'Open the award' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Your award');
    return this;
  }

  get status(): Locator {
    return this.page.getByTestId('award-status');
  }

  async accept() {
    await this.page.getByRole('button', { name: 'Accept the award' }).click();
    await answerConfirmation(this.page, 'Accept the award on behalf of your organisation?');
    await expect(this.status).toHaveText('Accepted');
  }

  /** Opens the decline form (unless open) and sends it with an empty reason: refused at once. */
  async declineWithoutReason() {
    const field = this.page.getByLabel('Why do you decline?');
    if (!(await field.isVisible())) await this.page.getByRole('button', { name: 'Decline the award' }).click();
    await field.fill('');
    await this.page.getByRole('button', { name: 'Decline the award' }).click();
    await expect(this.page.getByText('This field is required.')).toBeVisible();
    await expect(this.page.getByRole('alertdialog')).toHaveCount(0);
  }

  async decline(reason: string) {
    const field = this.page.getByLabel('Why do you decline?');
    if (!(await field.isVisible())) await this.page.getByRole('button', { name: 'Decline the award' }).click();
    await field.fill(reason);
    await this.page.getByRole('button', { name: 'Decline the award' }).click();
    await answerConfirmation(this.page, 'Decline the award?');
    await expect(this.status).toHaveText('Declined');
  }
}

/** A call's awards for its admins: answers, lapsed offers, the reserve list. */
export class AdminAwardsPage {
  constructor(readonly page: Page) {}

  async goto(callId: string) {
    await this.page.goto(`/admin/calls/${callId}/awards`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Awards');
    return this;
  }

  row(organisation: string): Locator {
    return this.page.getByTestId('award-row').filter({ hasText: organisation });
  }

  /** Offers the declined award of `organisation` to the next reserve, keeping the defaults but the conditions. */
  async offerToReserve(organisation: string, reserve: string, conditions: string) {
    const row = this.row(organisation);
    await row.getByRole('button', { name: 'Offer to the next on the reserve list' }).click();
    await expect(row.getByText(`to ${reserve}`, { exact: false })).toBeVisible();
    await row.getByLabel('Conditions').fill(conditions);
    await row.getByRole('button', { name: 'Make the offer' }).click();
    await answerConfirmation(this.page, `Offer the award to ${reserve}`);
    await expect(this.row(reserve).getByTestId('award-status')).toHaveText('Awaiting your answer');
  }
}

/** A partner's report on an award for one period (components/reports/report-form.tsx). */
export class PartnerReportPage {
  constructor(readonly page: Page) {}

  async goto(applicationId: string, periodId: string) {
    await this.page.goto(`/applications/${applicationId}/reports/${periodId}`);
    await expect(this.page.getByRole('heading', { name: 'People reached' })).toBeVisible();
    return this;
  }

  row(n: number): Locator {
    return this.page.getByTestId('reach-row').nth(n);
  }

  get total(): Locator {
    return this.page.getByTestId('reach-total');
  }

  /** Adds a row of people reached and fills it. */
  async addReach(values: { country: string; sex: string; ageGroup: string; group: string; people: number }) {
    const n = await this.page.getByTestId('reach-row').count();
    await this.page.getByRole('button', { name: 'Add a row' }).click();
    const row = this.row(n);
    await row.getByLabel('Country').selectOption({ label: values.country });
    await row.getByLabel('Sex').selectOption({ label: values.sex });
    await row.getByLabel('Age group').selectOption({ label: values.ageGroup });
    await row.getByLabel('Population group').selectOption({ label: values.group });
    await row.getByLabel('Number of people').fill(String(values.people));
  }

  activity(n: number): Locator {
    return this.page.getByTestId('activity-row').nth(n);
  }

  /** Waits until the autosave says the draft is saved. */
  async saved() {
    await expect(this.page.getByTestId('report-save-status')).toContainText('Draft saved at', { timeout: 15_000 });
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Submit the report' }).click();
  }

  get state(): Locator {
    return this.page.getByTestId('report-state');
  }
}

/** A call's reporting page for admins, and the review of one report. */
export class AdminReportingPage {
  constructor(readonly page: Page) {}

  async goto(callId: string) {
    await this.page.goto(`/admin/calls/${callId}/reporting`);
    await expect(this.page.getByRole('heading', { name: 'Reporting periods' })).toBeVisible();
    return this;
  }

  async openReport(organisation: string, period: string) {
    await this.page.getByRole('link', { name: `Report of ${organisation} for ${period}` }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(`${period}: ${organisation}`);
  }

  async askForChanges(comment: string) {
    await this.page.getByLabel('Comment to the partner').fill(comment);
    await this.page.getByRole('button', { name: 'Ask for changes' }).click();
  }

  async accept() {
    await this.page.getByRole('button', { name: 'Accept the report' }).click();
  }

  get state(): Locator {
    return this.page.getByTestId('report-state');
  }
}
