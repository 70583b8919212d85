import { expect, test } from './support/fixtures';
import { readLatestMail } from './support/outbox';
import { AdminAwardsPage, AwardPage } from './support/pages';

// A published call of the test's own (the awardsCall fixture): two selected applications
// with offers, two on the reserve list in the ranking's order.
test('[applicant, admin] one partner accepts; another declines, the admin offers the award to the reserve, which accepts; the public record shows it', async ({
  awardsCall: world,
  pageAs,
  request,
}) => {
  test.setTimeout(120_000);
  const [first, second] = world.selected;
  const [reserve] = world.reserves;

  // The first selected organisation reads its offer and accepts.
  const firstPage = await pageAs(first.member);
  const firstAward = await new AwardPage(firstPage).openFromDashboard(first.reference);
  await expect(firstAward.status).toHaveText('Awaiting your answer');
  await expect(firstPage.getByTestId('award-amount')).toContainText('$');
  await expect(firstPage.getByText(/The standard conditions of the call apply/)).toBeVisible();
  await firstAward.accept();
  await expect(firstPage.getByRole('button', { name: 'Accept the award' })).toHaveCount(0);

  // The second declines: a reason is required.
  const secondPage = await pageAs(second.member);
  const secondAward = await new AwardPage(secondPage).openFromDashboard(second.reference);
  await secondAward.declineWithoutReason();
  await secondAward.decline('Our project lead has left the organisation.');

  // The admin sees the answers and offers the declined award to the first reserve.
  const admin = await pageAs(world.admin);
  const awards = await new AdminAwardsPage(admin).goto(world.call.id);
  await expect(awards.row(first.organisation).getByTestId('award-status')).toHaveText('Accepted');
  await expect(awards.row(second.organisation)).toContainText('Our project lead has left the organisation.');
  await expect(admin.getByTestId('next-reserve')).toContainText(reserve.organisation);
  await awards.offerToReserve(second.organisation, reserve.organisation, 'Start within two months.');
  await expect(admin.getByTestId('next-reserve')).toContainText(world.reserves[1].organisation);
  const offerMail = await readLatestMail(admin, reserve.member.email, /Award offered/);
  expect(offerMail).toContain('Start within two months.');

  // The reserve accepts its offer.
  const reservePage = await pageAs(reserve.member);
  const reserveAward = await new AwardPage(reservePage).openFromDashboard(reserve.reference);
  await expect(reservePage.getByText('Start within two months.')).toBeVisible();
  await reserveAward.accept();

  // The public record: the published list as published, then the dated notices.
  const visitor = await pageAs(world.admin);
  await visitor.goto(`/calls/${world.call.slug}/results`);
  const since = visitor.getByTestId('since-publication');
  await expect(since.getByRole('listitem')).toHaveCount(4);
  await expect(since.getByRole('listitem').nth(0)).toContainText(`${first.organisation}`);
  await expect(since.getByRole('listitem').nth(0)).toContainText('accepted its award');
  await expect(since.getByRole('listitem').nth(1)).toContainText(`${second.organisation}`);
  await expect(since.getByRole('listitem').nth(1)).toContainText('declined its award');
  await expect(since.getByRole('listitem').nth(2)).toContainText(`was offered to ${reserve.organisation}`);
  await expect(since.getByRole('listitem').nth(3)).toContainText(`${reserve.organisation}`);
  const json = await (await request.get(`/calls/${world.call.slug}/results.json`)).json();
  expect(json.partners.map((p: { reference: string }) => p.reference)).toEqual([first.reference, second.reference]);
  expect(json.sincePublication.map((n: { kind: string; reference: string }) => [n.kind, n.reference])).toEqual([
    ['accepted', first.reference],
    ['declined', second.reference],
    ['offered_to_reserve', reserve.reference],
    ['accepted', reserve.reference],
  ]);

  // The partners register lists those that accepted, and not the one that declined.
  await visitor.goto('/partners');
  await expect(visitor.getByRole('cell', { name: first.organisation })).toBeVisible();
  await expect(visitor.getByRole('cell', { name: reserve.organisation })).toBeVisible();
  await expect(visitor.getByRole('cell', { name: second.organisation })).toHaveCount(0);
});

test('[applicant] another organisation’s member finds no award; a member of the reserve has none until offered', async ({ awardsCall: world, pageAs }) => {
  const [first] = world.selected;
  const [reserve] = world.reserves;
  const page = await pageAs(reserve.member);
  await page.goto('/dashboard');
  await expect(page.getByTestId('award-card')).toHaveCount(0);
  await page.goto(`/applications/${first.applicationId}/award`);
  await expect(page.locator('[data-status="404"]')).toBeVisible();
  await page.goto(`/applications/${reserve.applicationId}/award`);
  await expect(page.locator('[data-status="404"]')).toBeVisible();
});
