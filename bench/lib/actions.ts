/**
 * Autosave and submit through the real HTTP path: the server action POST exactly as the
 * browser sends it. A real Chromium opens the application form, a field is typed into, and
 * the autosave request it sends is recorded (URL, every header, body); the action ids are
 * checked against the build's server-reference manifest. Load then replays that request
 * for other applications (their id in the URL, Referer and router-state header) and, for
 * submit, with the submit action's id and its arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser';
import type { Session } from './http';
import { load, type LoadResult } from './load';
import { root } from './server';

export type ActionIds = { autosave: string; submit: string };

type ManifestEntry = { exportedName?: string; filename?: string };

/** The ids of the two actions in this build (.next/server/server-reference-manifest.json). */
export function actionIdsFromManifest(): ActionIds {
  const file = path.join(root, '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  const find = (name: string) => {
    const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === name).map(([id]) => id);
    if (ids.length !== 1) throw new Error(`expected one server action named ${name} in ${file}, found ${ids.length}`);
    return ids[0];
  };
  return { autosave: find('saveApplicationDraftAction'), submit: find('submitApplicationAction') };
}

export type CapturedAction = {
  /** Path of the page the form posts to, with the captured application's id. */
  path: string;
  method: string;
  /** Every header the browser sent but the cookie, Content-Length and Host. */
  headers: Record<string, string>;
  bodyBytes: number;
  /** The action ids found in the manifest, and whether the browser's matches. */
  ids: ActionIds;
  idMatchesManifest: boolean;
};

/** Opens the form in Chromium, types into the title, and records the autosave request it sends. */
export async function captureAutosave(base: string, session: Session, applicationId: string, ids: ActionIds): Promise<CapturedAction> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--disable-background-networking', '--no-first-run'] });
  try {
    const context = await browser.newContext();
    const host = new URL(base).hostname;
    await context.addCookies(session.cookies.map((c) => ({ name: c.name, value: c.value, domain: host, path: '/' })));
    const page = await context.newPage();
    await page.goto(`${base}/applications/${applicationId}/edit`, { waitUntil: 'load' });
    const posted = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action'], { timeout: 30_000 });
    const title = page.locator('input[name="title"]');
    await title.fill('Flood-ready villages (edited in the browser)');
    const request = await posted;
    const all = await request.allHeaders();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(all)) {
      if (!['cookie', 'content-length', 'host', 'connection'].includes(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    const url = new URL(request.url());
    return {
      path: url.pathname + url.search,
      method: request.method(),
      headers,
      bodyBytes: Buffer.byteLength(request.postData() ?? ''),
      ids,
      idMatchesManifest: headers['next-action'] === ids.autosave,
    };
  } finally {
    await browser.close();
  }
}

/** The captured request, for another application and action. */
export function requestFor(captured: CapturedAction, capturedId: string, applicationId: string, actionId: string, cookie: string) {
  const swap = (s: string) => s.split(capturedId).join(applicationId);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(captured.headers)) headers[name] = swap(value);
  headers['next-action'] = actionId;
  headers.cookie = cookie;
  return { method: captured.method, path: swap(captured.path), headers };
}

export type ActionRun = LoadResult & { applications: string[] };

export type Probe = { status: number; contentType: string; decodedBytes: number; ok: boolean };

/** One request on its own, its answer read whole: what the action sends back (decoded size, and whether it says ok). */
export async function probe(base: string, captured: CapturedAction, capturedId: string, applicationId: string, actionId: string, body: string, cookie: string): Promise<Probe> {
  const r = requestFor(captured, capturedId, applicationId, actionId, cookie);
  const response = await fetch(`${base}${r.path}`, { method: r.method, headers: r.headers, body });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', decodedBytes: Buffer.byteLength(text), ok: text.includes('"ok":true') };
}

/**
 * Autosave under load: each request saves one of `pool`'s drafts with the version it holds
 * (a draft is never saved twice at once; its version goes up by one after each 200), the
 * whole form as the browser sends it.
 */
export async function autosaveLoad(options: {
  base: string;
  captured: CapturedAction;
  capturedId: string;
  cookie: string;
  pool: string[];
  draftJson: string;
  connections: number;
} & ({ seconds: number } | { amount: number })): Promise<ActionRun> {
  if (options.pool.length < options.connections) throw new Error('autosave needs at least one draft per connection');
  const free = options.pool.map((id) => ({ id, version: 1 }));
  const result = await load({
    url: options.base,
    connections: options.connections,
    ...('amount' in options ? { amount: options.amount } : { seconds: options.seconds }),
    method: 'POST',
    setupRequest: (request, context) => {
      const item = free.shift()!;
      context.item = item;
      const r = requestFor(options.captured, options.capturedId, item.id, options.captured.ids.autosave, options.cookie);
      return { ...request, ...r, body: `[{"applicationId":"${item.id}","version":${item.version},"draft":${options.draftJson}}]` };
    },
    onResponse: (status, _body, context) => {
      const item = context.item as { id: string; version: number };
      if (status === 200) item.version += 1;
      free.push(item);
    },
  });
  return { ...result, applications: options.pool };
}

/** Submit under load: each request submits the next complete draft of `pool`, once. */
export async function submitLoad(options: {
  base: string;
  captured: CapturedAction;
  capturedId: string;
  cookie: string;
  pool: string[];
  connections: number;
}): Promise<ActionRun> {
  const queue = [...options.pool];
  const result = await load({
    url: options.base,
    connections: Math.min(options.connections, queue.length),
    amount: queue.length,
    method: 'POST',
    setupRequest: (request) => {
      const id = queue.shift();
      if (!id) return null;
      const r = requestFor(options.captured, options.capturedId, id, options.captured.ids.submit, options.cookie);
      return { ...request, ...r, body: `[{"applicationId":"${id}","version":1}]` };
    },
  });
  return { ...result, applications: options.pool };
}
