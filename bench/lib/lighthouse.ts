/**
 * Lighthouse 12.8.2 (the pinned devDependency), mobile (its default: a mid-range phone on a
 * slow 4G, simulated), performance only, on Debian's Chromium; each page several times, the
 * median run reported.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath } from './browser';
import type { Session } from './http';
import { root } from './server';
import { median } from './stats';

export type LighthouseRun = {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Lighthouse's own measure of how fast this machine was at the time (a busy machine scores lower). */
  benchmarkIndex: number;
};

export type LighthouseResult = {
  name: string;
  path: string;
  /** The empty page: no goal of its own, the score a page of this layout and build starts from. */
  reference?: boolean;
  runs: LighthouseRun[];
  median: LighthouseRun;
};

export type LighthouseSettings = { formFactor: string; throttlingMethod: string; throttling: Record<string, number>; screen: string; userAgent: string };
let settings: LighthouseSettings | null = null;

/** The settings Lighthouse reported it ran with (from the first report). */
export function lighthouseSettings() {
  return settings;
}

function runOnce(url: string, logDir: string, label: string, session?: Session): Promise<LighthouseRun> {
  const cli = path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    `--chrome-path=${chromiumPath()}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run',
    '--only-categories=performance',
    '--output=json',
    '--output-path=stdout',
    '--quiet',
  ];
  if (session) args.push(`--extra-headers=${JSON.stringify({ Cookie: session.cookie })}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.appendFileSync(path.join(logDir, 'lighthouse.log'), `${url}\n${err}\n`);
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code} on ${url}: ${err.slice(-500)}`));
      try {
        const report = JSON.parse(out);
        fs.writeFileSync(path.join(logDir, `lighthouse-${label}.json`), out);
        const c = report.configSettings ?? {};
        settings ??= {
          formFactor: c.formFactor,
          throttlingMethod: c.throttlingMethod,
          throttling: c.throttling,
          screen: c.screenEmulation ? `${c.screenEmulation.width}×${c.screenEmulation.height} @${c.screenEmulation.deviceScaleFactor}x${c.screenEmulation.mobile ? ', mobile' : ''}` : '',
          userAgent: report.environment?.networkUserAgent ?? '',
        };
        const audit = (id: string) => Number(report.audits[id]?.numericValue ?? NaN);
        const score = report.categories.performance.score;
        if (score === null) return reject(new Error(`lighthouse gave no performance score for ${url}: ${report.runtimeError?.message ?? ''}`));
        resolve({
          score: Math.round(score * 100),
          fcpMs: audit('first-contentful-paint'),
          lcpMs: audit('largest-contentful-paint'),
          tbtMs: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          speedIndexMs: audit('speed-index'),
          benchmarkIndex: Number(report.environment?.benchmarkIndex ?? NaN),
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}

export async function lighthouse(base: string, pages: { name: string; path: string; reference?: boolean; session?: Session }[], runs: number, logDir: string) {
  const out: LighthouseResult[] = [];
  for (const page of pages) {
    const results: LighthouseRun[] = [];
    const slug = page.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    for (let i = 0; i < runs; i++) results.push(await runOnce(`${base}${page.path}`, logDir, `${slug}-${i + 1}`, page.session));
    // The run with the median score (Lighthouse's own advice), its metrics as measured together.
    const sorted = [...results].sort((a, b) => a.score - b.score);
    const mid = sorted[Math.floor((sorted.length - 1) / 2)];
    out.push({ name: page.name, path: page.path, ...(page.reference ? { reference: true } : {}), runs: results, median: { ...mid, score: median(results.map((r) => r.score)) } });
    console.log(`[bench] lighthouse ${page.name}: ${results.map((r) => r.score).join(', ')}`);
  }
  return out;
}
