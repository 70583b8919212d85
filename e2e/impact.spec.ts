import { expect, test } from './support/fixtures';

/**
 * The end of the 2022 story (issue 16): the people the six partners reached, from their
 * accepted reports, on the public impact page, in impact.json and impact.csv, and in the
 * printable programme report. Reads demo data only.
 */
const CALL = 'diaspora-covid-recovery-2022';
const TITLE = 'Diaspora organisations in COVID-19 recovery: Lebanon, Tunisia and Zimbabwe';
const digits = (text: string) => Number(text.replace(/\D/g, ''));

test('[visitor] the 2022 impact page shows the people reached, how they are counted, and each chart with its figures', async ({ page }) => {
  await page.goto(`/calls/${CALL}`);
  await page.getByRole('link', { name: 'See the people reached' }).click();
  await expect(page).toHaveURL(new RegExp(`/calls/${CALL}/impact$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`People reached: ${TITLE}`);

  const total = digits(await page.getByTestId('people-reached').innerText());
  expect(total).toBeGreaterThan(1_500_000);
  await expect(page.getByTestId('impact-headline')).toContainText('From 12 accepted reports by 6 partners.');
  await expect(page.getByTestId('impact-counting')).toContainText('A person is counted once per report');
  await expect(page.getByTestId('illustrative-note')).toBeVisible();

  // Every chart is an image described by its figures, drawn as SVG on the server.
  for (const name of ['People reached over time', 'By country', 'By population group', 'By partner', 'By sex and age group']) {
    const chart = page.getByRole('img', { name: new RegExp(`^${name}:`) });
    await expect(chart).toBeVisible();
    expect(await chart.locator('svg').count()).toBeGreaterThan(0);
  }
  await expect(page.getByRole('img', { name: /^By country:/ })).toHaveAttribute('aria-label', /Lebanon .*Tunisia|Lebanon .*Zimbabwe/);

  // ... and the same figures as a table, a click away.
  const byCountry = page.getByRole('region', { name: 'By country' });
  await byCountry.getByText('Show the figures as a table').click();
  const table = byCountry.getByRole('table', { name: 'By country' });
  await expect(table).toBeVisible();
  const totalRow = table.getByRole('row').filter({ hasText: 'Total' });
  expect(digits(await totalRow.getByRole('cell').last().innerText())).toBe(total);

  // No chart library reaches the browser: the page's scripts weigh what the home page's do (no
  // charts there), give or take its own small page chunk; d3-scale and d3-shape are ~100 KB.
  // (Not by file name: a chunk's hashed name may well contain "d3".)
  const scriptBytes = async (path: string) => {
    await page.goto(path);
    const srcs = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src') ?? ''));
    const sizes = await Promise.all([...new Set(srcs)].map(async (src) => (await (await page.request.get(src)).body()).length));
    return sizes.reduce((a, b) => a + b, 0);
  };
  const impactBytes = await scriptBytes(`/calls/${CALL}/impact`);
  const homeBytes = await scriptBytes('/');
  expect(impactBytes, `impact page ${impactBytes} B of script, home page ${homeBytes} B`).toBeLessThan(homeBytes + 20_000);
});

test('[visitor] impact.json agrees with the page, and impact.csv downloads one row per partner, country and group', async ({ page, request }) => {
  await page.goto(`/calls/${CALL}/impact`);
  const total = digits(await page.getByTestId('people-reached').innerText());

  const response = await request.get(`/calls/${CALL}/impact.json`);
  expect(response.status()).toBe(200);
  expect(response.headers()['access-control-allow-origin']).toBe('*');
  const json = await response.json();
  expect(json.peopleReached).toBe(total);
  expect(json.call.slug).toBe(CALL);
  expect(json.byPartner).toHaveLength(6);
  expect(json.byCountry.map((c: { country: string }) => c.country).sort()).toEqual(['LB', 'TN', 'ZW']);
  expect(json.overTime.map((p: { label: string }) => p.label)).toEqual(['Interim report', 'Final report']);
  expect(json.overTime.at(-1).cumulative).toBe(total);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${CALL}-impact.csv`);

  const csv = await request.get(`/calls/${CALL}/impact.csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
  const header = lines[0].split(',');
  expect(header).toEqual(['call_slug', 'reference', 'organisation', 'acronym', 'country', 'population_group', 'people_reached', 'illustrative']);
  const people = lines.slice(1).reduce((n, line) => n + Number(line.split(',').at(-2)), 0);
  expect(people).toBe(total);

  // A call whose results are not published has no impact.
  expect((await request.get('/calls/diaspora-climate-resilience-2027/impact.json')).status()).toBe(404);
  expect((await request.get('/calls/diaspora-climate-resilience-2027/impact.csv')).status()).toBe(404);
  expect((await request.get('/calls/no-such-call/impact.json')).status()).toBe(404);
});

test('[visitor] the impact page reads in French and, right to left, in Arabic', async ({ page }) => {
  await page.goto(`/fr/calls/${CALL}/impact`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Personnes atteintes');
  await expect(page.getByRole('img', { name: /^Par pays :/ })).toBeVisible();

  await page.goto(`/ar/calls/${CALL}/impact`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('الأشخاص الذين تم الوصول إليهم');
  const chart = page.getByRole('img', { name: /^حسب البلد:/ });
  await expect(chart).toBeVisible();
  // The bars grow from the right: the SVG is mirrored, and its label starts at the right edge.
  const bar = chart.locator('svg').first();
  expect(await bar.evaluate((el) => getComputedStyle(el).scale)).toMatch(/^-1\b/);
});

test('[visitor] the programme report renders, and prints as an A4 document without the site chrome', async ({ page }) => {
  await page.goto(`/calls/${CALL}/results`);
  await page.getByTestId('impact-links').getByRole('link', { name: 'Programme report' }).click();
  await expect(page).toHaveURL(new RegExp(`/calls/${CALL}/report$`));
  const report = page.getByTestId('programme-report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  for (const section of ['The call', 'Who applied', 'How the partners were selected', 'Partners and money awarded', 'People reached']) {
    await expect(report.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByTestId('report-applied')).toContainText('9 organisations applied');
  await expect(page.getByTestId('report-awarded')).toContainText(/out of an envelope of .*600,000/);
  await expect(report.getByRole('cell', { name: 'Syrian American Medical Society' }).first()).toBeVisible();
  await expect(report.getByTestId('people-reached')).toHaveText(/1,5\d\d,\d\d\d/);
  const download = page.getByRole('button', { name: 'Download PDF' });
  await expect(download).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.locator('body > footer')).toBeHidden();
  await expect(download).toBeHidden();
  await expect(report.getByRole('heading', { level: 1 })).toBeVisible();
  // In print the figures are tables, not disclosures.
  await expect(report.getByRole('table', { name: 'By country' })).toBeVisible();

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.byteLength).toBeGreaterThan(0);
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  // A4 is 595 × 842 points: the page size comes from the report's own @page rule.
  const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  expect(box, 'the PDF has a page box').not.toBeNull();
  expect(Math.round(Number(box![1]))).toBe(595);
  expect(Math.round(Number(box![2]))).toBe(842);
  const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThan(1);
});
