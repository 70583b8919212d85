import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Client components receive only the message namespaces a <ClientMessages> above them
 * lists (components/i18n/client-messages.tsx). A namespace missing there is a runtime
 * error in the browser; this walks the imports of every page and checks, statically, that
 * each client component's namespaces are provided by the page or one of its layouts. A
 * module imported by a client component runs in the browser too, 'use client' or not (the
 * diligence badges), and `useTranslations('awards.admin')` uses the namespace `awards`.
 */
const root = path.resolve(__dirname, '..', '..');
const base = ['nav', 'common', 'pages'];

function resolveImport(spec: string, from: string): string | null {
  let target: string;
  if (spec.startsWith('@/')) target = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) target = path.resolve(path.dirname(from), spec);
  else return null;
  for (const ext of ['.tsx', '.ts', '/index.ts', '/index.tsx']) if (fs.existsSync(target + ext)) return target + ext;
  return null;
}

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import\()\s*'([^']+)'/g)]
    .map((m) => resolveImport(m[1], file))
    .filter((f): f is string => !!f && !f.includes(`${path.sep}lib${path.sep}actions${path.sep}`));
}

function clientNamespaces(entry: string): Set<string> {
  const seen = new Set<string>();
  const namespaces = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const key = `${inClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = fs.readFileSync(file, 'utf8');
    const client = inClient || /^\s*'use client'/.test(source);
    if (client) for (const m of source.matchAll(/useTranslations\('([a-zA-Z]+)[a-zA-Z.]*'\)/g)) namespaces.add(m[1]);
    importsOf(file).forEach((f) => walk(f, client));
  };
  walk(entry, false);
  return namespaces;
}

function provided(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) => [...m[1].matchAll(/'([a-zA-Z]+)'/g)].map((n) => n[1]));
}

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? pages(full) : e.name === 'page.tsx' ? [full] : [];
  });
}

describe('client messages', () => {
  const appDir = path.join(root, 'app', '[locale]');
  for (const page of pages(appDir)) {
    const relative = path.relative(appDir, page);
    it(`${relative}: every client component finds its messages`, () => {
      const layouts: string[] = [];
      for (let dir = path.dirname(page); dir.startsWith(appDir); dir = path.dirname(dir)) {
        const layout = path.join(dir, 'layout.tsx');
        if (fs.existsSync(layout)) layouts.push(layout);
      }
      const available = new Set([...base, ...[page, ...layouts].flatMap(provided)]);
      const used = clientNamespaces(page);
      const missing = [...used].filter((ns) => !available.has(ns));
      expect(missing).toEqual([]);
      // The admin pages differ widely, so each lists its own and no more (a shared list in
      // their layout put 40 KB of messages into every admin page).
      if (relative.startsWith(`admin${path.sep}`)) {
        expect([...available].filter((ns) => !base.includes(ns) && !used.has(ns)), 'namespaces given but not used').toEqual([]);
      }
    });
  }
});
