import { expect, type Page } from '@playwright/test';

/** Opens the newest message to `to` in the admin outbox (as an admin) and returns its plain text. */
export async function readLatestMail(adminPage: Page, to: string, subject?: string | RegExp): Promise<string> {
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  const row = adminPage.getByRole('row').filter({ hasText: to });
  const link = subject ? row.getByRole('link', { name: subject }).first() : row.getByRole('link').first();
  await link.click();
  await expect(adminPage.getByTestId('mail-to')).toHaveText(to);
  return (await adminPage.getByTestId('mail-text').textContent()) ?? '';
}

/** The first link to this app found in a message's text. */
export function firstAppLink(text: string): string {
  const match = text.match(/https?:\/\/[^\s]+/);
  if (!match) throw new Error(`no link in:\n${text}`);
  return new URL(match[0]).pathname;
}
