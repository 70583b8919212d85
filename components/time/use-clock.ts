'use client';

import { useEffect, useState } from 'react';

/**
 * The browser's clock, for the parts of cached pages that change with time. `null` until
 * hydrated, so the server's rendering is what first shows; then the component re-renders
 * when `wait(now)` milliseconds have passed, and again after each, until `wait` says null.
 * `key` stands for what `wait` depends on: a new key starts over.
 */
export function useTickingClock(wait: (now: number) => number | null, key: string): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const ms = wait(current);
      // setTimeout cannot wait longer than about 24.8 days; waking then is harmless.
      if (ms !== null) timer = setTimeout(tick, Math.min(ms, 2 ** 31 - 1));
    };
    tick();
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for what `wait` reads
  }, [key]);
  return now;
}

/** The browser's clock, re-rendering when the next of the given instants passes (a call opening or closing). */
export function useClock(instants: readonly (string | null | undefined)[]): number | null {
  return useTickingClock((current) => {
    const next = instants
      .map((i) => (i ? new Date(i).getTime() : NaN))
      .filter((ms) => ms > current)
      .sort((a, b) => a - b)[0];
    return next === undefined ? null : next - current + 50;
  }, instants.join('|'));
}
