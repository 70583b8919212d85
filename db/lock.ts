import fs from 'node:fs';
import os from 'node:os';

/**
 * PGlite is one connection in one process and has no lock of its own: two processes on
 * one data directory each keep a private view and silently lose rows. So whoever opens
 * the directory first holds this lock file until it exits, and everyone else is refused.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in another process ` +
        `(pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}). ` +
        `Only one process may use it at a time: stop the other one (for example a running ` +
        '`npm start` or `npm run dev`), or give this one its own folder with PGLITE_DATA_DIR. ' +
        `If no such process is running, delete ${lockPath}.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

type LockHolder = { pid: number; host: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DatabaseLockedError. Returns a function that releases it. */
export function lockDataDirectory(dataDir: string): () => void {
  const lockPath = `${dataDir.replace(/[\\/]+$/, '')}.lock`;
  const me: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(lockPath)?.pid === me.pid) fs.rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (!holder) {
        // Half-written by a process that is creating it right now, or corrupt: look again.
        if (attempt < 2) continue;
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      const stale = holder.host === me.host && !isAlive(holder.pid);
      if (!stale) throw new DatabaseLockedError(dataDir, lockPath, holder);
      // Left behind by a process that was killed: take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(dataDir, lockPath, readHolder(lockPath) ?? { pid: -1, host: '?', startedAt: '?' });
}
