import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseKind, pgliteDataDir } from '@/db';

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

let generated: string | undefined;

/**
 * AUTH_SECRET signs the session cookies. On the embedded default it is made once and kept
 * beside the data, so `npm start` needs no configuration; a real deployment must set it.
 */
export function authSecret(): string {
  const configured = process.env.AUTH_SECRET;
  if (configured) return configured;
  if (databaseKind() === 'postgres') {
    throw new ConfigurationError(
      'AUTH_SECRET is not set. With DATABASE_URL set (a real deployment) the secret must be ' +
        'configured: set AUTH_SECRET to a long random value, for example the output of ' +
        '`openssl rand -base64 33`, and use the same value on every instance.',
    );
  }
  const dataDir = pgliteDataDir();
  if (dataDir.startsWith('memory://')) {
    generated ??= crypto.randomBytes(33).toString('base64');
    return generated;
  }
  const file = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.auth-secret`);
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    // Readable by the server's user alone, also when an older version or a copy widened it.
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return secret;
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = crypto.randomBytes(33).toString('base64');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      fs.chmodSync(file, 0o600);
      return secret;
    } catch {
      // Another start-up wrote it first.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
