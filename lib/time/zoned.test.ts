import { describe, expect, it } from 'vitest';
import { fromZonedInput, isTimeZone, toZonedInput } from './zoned';

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
