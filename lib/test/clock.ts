import type { Clock } from '@/lib/mail/worker';

/**
 * A clock that moves only when a test says so: `advance(ms)` moves it and wakes whoever
 * sleeps until then. Tests of time (retry delays, leases, polling) run in no real time.
 */
export type ManualClock = Clock & {
  advance(ms: number): Promise<void>;
  /** How many are asleep on this clock now (a worker's loop waiting for its next round). */
  readonly sleepers: number;
};

/**
 * Starts a day ahead of the real time, so what the database stamped with its own now()
 * (a message just queued, an admin's retry) is already due on this clock.
 */
export function manualClock(start = new Date(Date.now() + 86_400_000)): ManualClock {
  let now = start.getTime();
  const sleepers = new Set<{ until: number; wake: () => void }>();
  return {
    now: () => new Date(now),
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        const sleeper = {
          until: now + ms,
          wake: () => {
            sleepers.delete(sleeper);
            signal.removeEventListener('abort', sleeper.wake);
            resolve();
          },
        };
        sleepers.add(sleeper);
        signal.addEventListener('abort', sleeper.wake, { once: true });
      });
    },
    async advance(ms) {
      now += ms;
      for (const sleeper of [...sleepers]) if (sleeper.until <= now) sleeper.wake();
      // Let the woken continue to their next await.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    get sleepers() {
      return sleepers.size;
    },
  };
}
