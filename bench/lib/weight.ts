/**
 * What each page type costs a phone: every response of a first visit (empty cache), from
 * Playwright's network log in Debian's Chromium, until the network is idle (so Next's link
 * prefetches count too: a phone downloads them).
 */
import http from 'node:http';
import { chromium, devices } from '@playwright/test';
import { chromiumPath } from './browser';
import type { Session } from './http';

export type PageSpec = { name: string; path: string; session?: Session; kind: 'reference' | 'public' | 'form' | 'signed-in' };

type Bucket = { requests: number; transferred: number; decoded: number };

export type PageWeight = {
  name: string;
  path: string;
  kind: PageSpec['kind'];
  status: number;
  /** Bytes on the wire (body as sent, gzip where the server compressed it; headers not counted) and decoded, by kind of response. */
  document: Bucket;
  script: Bucket;
  stylesheet: Bucket;
  /** React Server Component payloads fetched after load (link prefetches). */
  rsc: Bucket;
  other: Bucket;
  /** Every response: bodies plus response headers, as transferred. */
  totalTransferred: number;
  requests: number;
};

const empty = (): Bucket => ({ requests: 0, transferred: 0, decoded: 0 });

export async function pageWeights(base: string, pages: PageSpec[]): Promise<PageWeight[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
  const out: PageWeight[] = [];
  try {
    for (const spec of pages) {
      const context = await browser.newContext({ ...devices['Pixel 7'] });
      if (spec.session) {
        const host = new URL(base).hostname;
        await context.addCookies(spec.session.cookies.map((c) => ({ name: c.name, value: c.value, domain: host, path: '/' })));
      }
      const page = await context.newPage();
      const pending: Promise<void>[] = [];
      const weight: PageWeight = {
        name: spec.name,
        path: spec.path,
        kind: spec.kind,
        status: 0,
        document: empty(),
        script: empty(),
        stylesheet: empty(),
        rsc: empty(),
        other: empty(),
        totalTransferred: 0,
        requests: 0,
      };
      const onFinished = (request: import('@playwright/test').Request) => {
        pending.push(
          (async () => {
            const sizes = await request.sizes();
            const response = await request.response();
            const decoded = response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
            const headers = await request.allHeaders();
            const type = request.resourceType();
            const bucket =
              type === 'document'
                ? weight.document
                : type === 'script'
                  ? weight.script
                  : type === 'stylesheet'
                    ? weight.stylesheet
                    : headers['rsc'] || headers['next-router-prefetch'] || request.url().includes('_rsc=')
                      ? weight.rsc
                      : weight.other;
            bucket.requests += 1;
            bucket.transferred += sizes.responseBodySize;
            bucket.decoded += decoded;
            weight.totalTransferred += sizes.responseBodySize + sizes.responseHeadersSize;
            weight.requests += 1;
          })().catch(() => {
            // A request that finished as the page closed: not part of the first visit.
          }),
        );
      };
      page.on('requestfinished', onFinished);
      const response = await page.goto(`${base}${spec.path}`, { waitUntil: 'load' });
      weight.status = response?.status() ?? 0;
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
      await page.waitForTimeout(300);
      page.off('requestfinished', onFinished);
      await Promise.all(pending);
      out.push(weight);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * The framework's floor: the JavaScript every page of this build loads whatever it shows
 * (build-manifest.json's rootMainFiles), as the server sends it gzipped.
 */
export async function frameworkFloor(base: string, files: string[]): Promise<{ files: number; transferred: number }> {
  let transferred = 0;
  for (const file of files) {
    transferred += await new Promise<number>((resolve, reject) => {
      const request = http.get(`${base}/_next/${file}`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        let size = 0;
        response.on('data', (chunk: Buffer) => (size += chunk.length));
        response.on('end', () => resolve(size));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  }
  return { files: files.length, transferred };
}
