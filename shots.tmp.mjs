import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://localhost:3250';
const [, , who, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Beirut' });
if (who !== 'visitor') {
  const r = context.request;
  const { csrfToken } = await (await r.get(base + '/api/auth/csrf')).json();
  await r.post(base + '/api/auth/callback/credentials', { form: { csrfToken, email: `${who}@example.org`, password: 'eoi-demo-2026', callbackUrl: '/' }, maxRedirects: 0 });
}
const page = await context.newPage();
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(500);
  const name = p.replace(/[^a-z0-9]+/gi, '_');
  await page.screenshot({ path: `/tmp/shot-${who}${name}.png`, fullPage: true });
  console.log(`/tmp/shot-${who}${name}.png`);
}
await browser.close();
