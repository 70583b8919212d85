import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { AdminCallPage } from './support/pages';

const sample = path.join(__dirname, '..', 'lib', 'diligence', 'fixtures', 'consolidated-sample.xml');

// On a call in review of its own (the reviewCall fixture): its applicant's organisation
// lists a director whose name is on the (invented) sample list, written another way.
test('[admin] imports the sanctions list; a director who matches holds the award until the admin clears the match with a reason', async ({
  reviewCall: world,
  pageAs,
}) => {
  test.setTimeout(150_000);

  // The applicant lists the director: another word order, the diacritic of "Sélim" dropped.
  const applicant = await pageAs(world.applicant);
  await applicant.goto('/organisation');
  await applicant.getByRole('button', { name: 'Add a person' }).click();
  await applicant.getByLabel('Name (person 1)').fill('Al-Qassemi Selim Bachir');
  await applicant.getByLabel('Role (person 1)').selectOption('director');
  await applicant.getByRole('button', { name: 'Save directors and officers' }).click();
  await expect(applicant.getByText('Directors and officers saved.')).toBeVisible();

  // The admin imports a copy of the list by upload: it becomes the current one, everyone is screened.
  const admin = await pageAs(world.admin);
  await admin.goto('/admin/sanctions');
  await admin.getByLabel('Consolidated List (XML file)').setInputFiles(sample);
  await admin.getByRole('button', { name: 'Import the list' }).click();
  await expect(admin.getByText(/^Imported: 5 individuals and 2 entities\./)).toBeVisible();
  const current = admin.getByTestId('sanctions-current');
  await expect(current).toContainText('consolidated-sample.xml');
  await expect(current).toContainText('5 individuals, 2 entities, 8 aliases');
  await expect(current).toContainText(world.admin.email);

  // The selection board flags the organisation; a "selected" decision is refused.
  const call = await new AdminCallPage(admin).open(world.call.title);
  await call.moveToSelection();
  const selection = await call.openSelection();
  const row = selection.row(world.applicant.organisation);
  await expect(row.getByText('Possible sanctions match')).toBeVisible();
  await selection.decide(world.applicant.organisation, 'selected', 'Strong proposal, within the envelope.');
  await admin.getByRole('button', { name: 'Save decisions' }).click();
  await expect(admin.getByText(/a possible sanctions list match of the organisation or of one of its people is open/)).toBeVisible();

  // The admin reads the match side by side and clears it as a false positive, with the reason.
  await row.getByTestId('sanctions-hold').click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Due diligence: ${world.applicant.organisation}`);
  const screened = admin.getByRole('region', { name: 'Screened' });
  await expect(screened).toContainText('Al-Qassemi Selim Bachir');
  await expect(screened).toContainText(world.applicant.organisation);
  const listed = admin.getByRole('region', { name: 'Listed entry' });
  await expect(listed).toContainText('SÉLIM BACHIR AL-QASSEMI');
  await expect(listed).toContainText('XXi.901');
  await expect(listed).toContainText('سليم بشير القاسمي');
  // Cleared from the organisation's list of open matches, which the match then leaves: the
  // message stays above the list, names the match, and leads to the decision.
  await admin.getByRole('navigation', { name: 'Show' }).getByRole('link', { name: 'Open' }).click();
  await expect(admin).toHaveURL(/status=open/);
  await admin.getByRole('button', { name: 'Clear as a false positive' }).click();
  await expect(admin.getByText('Give the reason.')).toBeVisible();
  await admin.getByLabel('Reason').fill('Different person: born 1990 in Lyon, French national (passport seen).');
  await admin.getByRole('button', { name: 'Clear as a false positive' }).click();
  await expect(admin.getByText('No possible match here.')).toBeVisible();
  const notice = admin.getByRole('status').filter({ hasText: 'Cleared as a false positive.' });
  await expect(notice).toContainText('Al-Qassemi Selim Bachir — SÉLIM BACHIR AL-QASSEMI: Cleared as a false positive.');
  await notice.getByRole('link', { name: 'See the decision' }).click();
  await expect(admin.getByText(/Decided by .*: Different person: born 1990 in Lyon/)).toBeVisible();

  // Back on the board: no flag, and the decision goes through.
  await new AdminCallPage(admin).open(world.call.title);
  const board = await call.openSelection();
  await expect(board.row(world.applicant.organisation).getByText('Possible sanctions match')).toHaveCount(0);
  await board.decide(world.applicant.organisation, 'selected', 'Strong proposal, within the envelope.');
  await admin.getByRole('button', { name: 'Save decisions' }).click();
  await expect(admin.getByText('One decision saved.')).toBeVisible();
});

/** WCAG 2.2 AA violations of one part of the page (the a11y spec walks whole pages without these documents). */
async function axeOf(page: Page, selector: string) {
  // The page as it settles: a button just re-enabled fades back to its colour (transition-colors),
  // and axe, run within those 150 ms, once measured the contrast of the fading one (in CI).
  await page.mouse.move(0, 0);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const { violations } = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600 * 1000).toISOString().slice(0, 10);

test('[applicant] keeps the organisation documents with their expiry dates; [admin] verifies with them: an expired one is flagged on screening and refused as evidence', async ({
  reviewCall: world,
  pageAs,
}) => {
  test.setTimeout(150_000);
  const applicant = await pageAs(world.applicant);
  await applicant.goto('/organisation');
  const library = applicant.getByTestId('document-library');
  const add = async (kind: string, expiresOn: string, file: string) => {
    await library.getByLabel('Kind of document').selectOption({ label: kind });
    await library.getByLabel('Expiry date (optional)').fill(expiresOn);
    await library.getByLabel('File', { exact: true }).setInputFiles(pdf(file));
    await library.getByRole('button', { name: 'Add the document' }).click();
    await expect(library.getByText(`Added: ${file}.`)).toBeVisible();
  };
  // A certificate that expired yesterday, and the statutes, which do not expire.
  await add('Registration certificate', isoDay(-1), 'certificate-2025.pdf');
  await add('Statutes or articles of association', '', 'statutes.pdf');
  await expect(library.getByTestId('document-expired')).toContainText('Expired on');
  await expect(library.getByTestId('document-none')).toContainText('Does not expire');
  // Still there after a reload.
  await applicant.reload();
  await expect(applicant.getByRole('link', { name: 'certificate-2025.pdf' })).toBeVisible();
  expect(await axeOf(applicant, '[data-testid="document-library"]')).toEqual([]);
  if (process.env.SCREENS_DIR) await library.screenshot({ path: `${process.env.SCREENS_DIR}/library.png` });

  // The admin sees the expired document where applications are screened.
  const admin = await pageAs(world.admin);
  await admin.goto(`/admin/calls/${world.call.id}/screening`);
  await expect(admin.getByTestId('expired-documents').first()).toContainText('Expired document');
  await admin.getByTestId('expired-documents').first().click();
  await expect(admin.getByRole('heading', { name: `Verification of ${world.applicant.organisation}` })).toBeVisible();
  await expect(admin.getByTestId('verification-state')).toHaveText('Not verified');

  // The expired certificate is refused as evidence; the organisation sends a valid one, which is accepted.
  const registration = admin.getByTestId('verify-registration');
  const evidence = registration.getByLabel('Evidence');
  const choose = async (file: string) => evidence.selectOption((await evidence.locator('option', { hasText: file }).getAttribute('value'))!);
  await choose('certificate-2025.pdf');
  await expect(evidence.locator('option', { hasText: 'certificate-2025.pdf' })).toContainText('expired');
  await registration.getByRole('button', { name: 'Save the answer' }).click();
  await expect(registration.getByText(/“certificate-2025\.pdf” expired on .*: it cannot be the evidence/)).toBeVisible();
  await expect(registration.getByText('Not answered')).toBeVisible();

  await add('Registration certificate', isoDay(365), 'certificate-2026.pdf');
  await admin.reload();
  await choose('certificate-2026.pdf');
  await registration.getByRole('button', { name: 'Save the answer' }).click();
  await expect(registration.getByText('Answer saved.')).toBeVisible();
  await expect(registration.getByText('Met', { exact: true }).first()).toBeVisible();
  await expect(registration.getByText(`Answered by ${world.admin.email}`)).toBeVisible();

  // "Not met" needs a note.
  const psea = admin.getByTestId('verify-psea_policy');
  await psea.getByLabel('Answer', { exact: true }).selectOption('not_met');
  await psea.getByRole('button', { name: 'Save the answer' }).click();
  await expect(psea.getByText('Say what is missing.')).toBeVisible();
  await psea.getByLabel('Note').fill('No PSEA policy in the documents yet; asked for it on 7 December.');
  await psea.getByRole('button', { name: 'Save the answer' }).click();
  await expect(psea.getByText('Answer saved.')).toBeVisible();
  await expect(admin.getByTestId('verification-state')).toHaveText('Not verified');
  expect(await axeOf(admin, 'main')).toEqual([]);
  if (process.env.SCREENS_DIR) await admin.screenshot({ path: `${process.env.SCREENS_DIR}/verification.png`, fullPage: true });
});
