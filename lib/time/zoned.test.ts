import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromZonedInput, isTimeZone, timeZones, toZonedInput } from './zoned';

describe('wall time in a time zone', () => {
  it('converts both ways, in and out of daylight saving time', () => {
    expect(fromZonedInput('2026-01-15T17:00', 'Europe/Zurich').toISOString()).toBe('2026-01-15T16:00:00.000Z');
    expect(fromZonedInput('2026-07-15T17:00', 'Europe/Zurich').toISOString()).toBe('2026-07-15T15:00:00.000Z');
    expect(fromZonedInput('2022-03-04T17:00', 'America/New_York').toISOString()).toBe('2022-03-04T22:00:00.000Z');
    expect(fromZonedInput('2026-03-10T09:30', 'Asia/Kathmandu').toISOString()).toBe('2026-03-10T03:45:00.000Z');
    expect(toZonedInput(new Date('2026-07-15T15:00:00Z'), 'Europe/Zurich')).toBe('2026-07-15T17:00');
    expect(toZonedInput(new Date('2026-03-10T03:45:00Z'), 'Asia/Kathmandu')).toBe('2026-03-10T09:30');
  });

  it('a time skipped by spring-forward lands after the gap; an autumn time that happens twice takes the first', () => {
    // Europe/Zurich 2026-03-29: 02:00 -> 03:00.
    expect(fromZonedInput('2026-03-29T02:30', 'Europe/Zurich').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 2026-10-25: 03:00 -> 02:00; 02:30 happens at 00:30Z and 01:30Z.
    expect(fromZonedInput('2026-10-25T02:30', 'Europe/Zurich').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone('Africa/Nairobi')).toBe(true);
    expect(isTimeZone('Europe/Geneva')).toBe(false);
  });
});

/**
 * Properties across every time zone the platform knows: an instant's wall time converts
 * back to that instant (the first one, when the wall time happens twice), and a wall time
 * converts to an instant showing it, or, in a spring-forward gap, to the reading after
 * the gap. Instants are drawn at random and around each zone's transitions.
 */
describe('wall time ↔ instant, in every time zone (fast-check)', () => {
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const zones = timeZones();

  /** The zone's offset in minutes at an instant, read from Intl's `longOffset` name (independent of the code under test). */
  const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
  function offsetAt(ms: number, zone: string): number {
    let fmt = offsetFormatters.get(zone);
    if (!fmt) offsetFormatters.set(zone, (fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
    const name = fmt.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  }

  /** The instants (to the minute) at which the zone's offset changes in 2026 and 2027. */
  const transitionsOf = new Map<string, number[]>();
  function transitions(zone: string): number[] {
    const known = transitionsOf.get(zone);
    if (known) return known;
    const found: number[] = [];
    const week = 7 * 24 * HOUR;
    for (let from = Date.UTC(2026, 0, 1); from < Date.UTC(2028, 0, 1); from += week) {
      if (offsetAt(from, zone) === offsetAt(from + week, zone)) continue;
      let [lo, hi] = [from, from + week];
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetAt(mid, zone) === offsetAt(lo, zone)) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
    transitionsOf.set(zone, found);
    return found;
  }

  const wallMs = (wall: string) => Date.parse(`${wall}:00Z`);
  const range = { min: Date.UTC(2000, 0, 1) / MINUTE, max: Date.UTC(2100, 0, 1) / MINUTE };

  /** Instants to the minute: any in 2000–2099, or within four hours of one of the zone's transitions. */
  function instants(zone: string) {
    const near = transitions(zone);
    return fc.oneof(
      fc.integer(range).map((m) => m * MINUTE),
      ...(near.length ? [fc.tuple(fc.constantFrom(...near), fc.integer({ min: -4 * 60, max: 4 * 60 })).map(([t, m]) => t + m * MINUTE)] : []),
    );
  }

  it('knows several hundred zones', () => {
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContain('UTC');
  });

  it('an instant → its wall time → the first instant showing that wall time', () => {
    for (const zone of zones) {
      const instant = instants(zone);
      fc.assert(
        fc.property(instant, (ms) => {
          const wall = toZonedInput(new Date(ms), zone);
          const back = fromZonedInput(wall, zone).getTime();
          expect(toZonedInput(new Date(back), zone), zone).toBe(wall);
          expect(back, zone).toBeLessThanOrEqual(ms);
          // The first such instant: half an hour, an hour or two before (the sizes of overlaps) shows another wall time.
          for (const minutes of [30, 60, 120]) expect(toZonedInput(new Date(back - minutes * MINUTE), zone), zone).not.toBe(wall);
        }),
        { numRuns: 20 },
      );
    }
  }, 120_000);

  it('a wall time → an instant showing it, or in a gap the reading after the gap', () => {
    for (const zone of zones) {
      const instant = instants(zone);
      // A wall time near the instant: its own, or shifted by up to three hours (into gaps and overlaps).
      const wall = fc
        .tuple(instant, fc.integer({ min: -12, max: 12 }))
        .map(([ms, q]) => new Date(ms + offsetAt(ms, zone) * MINUTE + q * 15 * MINUTE).toISOString().slice(0, 16));
      fc.assert(
        fc.property(wall, (value) => {
          const at = fromZonedInput(value, zone).getTime();
          const shown = toZonedInput(new Date(at), zone);
          if (shown === value) return;
          // A gap: the clocks jumped forward over `value`, by the difference between the offsets.
          const jump = wallMs(shown) - wallMs(value);
          expect(jump, `${zone} ${value} → ${shown}`).toBeGreaterThan(0);
          expect(jump / MINUTE, `${zone} ${value}`).toBe(offsetAt(at, zone) - offsetAt(at - jump - MINUTE, zone));
        }),
        { numRuns: 20 },
      );
    }
  }, 120_000);
});
