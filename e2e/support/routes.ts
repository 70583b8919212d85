import fs from 'node:fs';
import path from 'node:path';

/**
 * Every page and route handler of the app, read from the app folder (route groups and a
 * [locale] segment left out), as patterns like `/admin/calls/[id]`. The permission matrix
 * and the phone walk (e2e/phone.spec.ts: widths and the CSP) must have a row for each: a
 * new page without one fails them.
 */
export function appRoutes(): { pattern: string; kind: 'page' | 'route' }[] {
  const root = path.join(process.cwd(), 'app');
  const found: { pattern: string; kind: 'page' | 'route' }[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        const skip = (name.startsWith('(') && name.endsWith(')')) || name === '[locale]' || name.startsWith('_') || name.startsWith('@');
        walk(path.join(dir, name), skip ? segments : [...segments, name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name) || /^route\.(ts|js)$/.test(entry.name)) {
        found.push({ pattern: `/${segments.join('/')}`, kind: entry.name.startsWith('page') ? 'page' : 'route' });
      }
    }
  };
  walk(root, []);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
