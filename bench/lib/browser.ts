import fs from 'node:fs';

/** Debian's Chromium (or CHROMIUM_PATH), as the end-to-end tests use; Lighthouse uses it too. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && fs.existsSync(p));
  if (!found) throw new Error('no Chromium found: install Debian\'s chromium (/usr/bin/chromium) or set CHROMIUM_PATH');
  return found;
}
