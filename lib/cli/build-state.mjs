// Whether the production build in .next is current: used by `npm start` and `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';

const sources = ['app', 'components', 'db', 'lib', 'public', 'next.config.ts', 'instrumentation.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(root, entry) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(root, path.join(entry, child)));
  return newest;
}

/** True when .next/BUILD_ID is newer than every source file. */
export function buildIsCurrent(root) {
  try {
    const built = fs.statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
    return sources.every((s) => newestMtime(root, s) <= built);
  } catch {
    return false;
  }
}
