/**
 * How long a cached public page may live when what it shows depends on the clock (a call
 * opens, closes, its clarification period ends): until the next such instant, so a cached
 * page never shows a closed call as open. Past instants do not count; without a future one
 * the page lives until a tag expires it (a day at most, then it is rendered again).
 */
export type ClockLife = { stale: number; revalidate: number; expire: number };

const DAY = 24 * 60 * 60;

export function lifeUntilNextInstant(instants: readonly (Date | null | undefined)[], now: Date): ClockLife {
  const nowMs = now.getTime();
  let next = Infinity;
  for (const instant of instants) {
    const ms = instant?.getTime();
    if (ms !== undefined && ms > nowMs && ms < next) next = ms;
  }
  const seconds = Number.isFinite(next) ? Math.floor((next - nowMs) / 1000) : DAY;
  const expire = Math.max(1, Math.min(DAY, seconds));
  // Next requires expire > revalidate; a revalidate of 0 makes this part render per request,
  // which is right in the last second before an instant.
  const revalidate = expire > 1 ? expire - 1 : 0;
  // The browser's router may reuse a page this long without asking: never past the instant.
  const stale = Math.min(300, expire);
  return { stale, revalidate, expire };
}

/** The instants at which a call's public face changes. */
export function callInstants(call: { opensAt: Date | null; closesAt: Date | null; clarificationDeadline?: Date | null }) {
  return [call.opensAt, call.closesAt, call.clarificationDeadline ?? null];
}
