'use client';

import { useEffect, useState } from 'react';

/**
 * The browser's clock, for the parts of cached pages that change at an instant (a call
 * opening or closing). `null` until hydrated, so the server's rendering is what first
 * shows; then re-renders when the next of the given instants passes.
 */
export function useClock(instants: readonly (string | null | undefined)[]): number | null {
  const [now, setNow] = useState<number | null>(null);
  const key = instants.join('|');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const next = instants
        .map((i) => (i ? new Date(i).getTime() : NaN))
        .filter((ms) => ms > current)
        .sort((a, b) => a - b)[0];
      // setTimeout cannot wait longer than about 24.8 days; checking again then is harmless.
      if (next !== undefined) timer = setTimeout(tick, Math.min(next - current + 50, 2 ** 31 - 1));
    };
    tick();
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the instants
  }, [key]);
  return now;
}
