import { describe, expect, it } from 'vitest';
import { lifeUntilNextInstant } from './clock';

const now = new Date('2026-11-28T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('cache life of a page that depends on the clock', () => {
  it('ends at the next future instant', () => {
    expect(lifeUntilNextInstant([at(3600), at(600)], now)).toEqual({ stale: 300, revalidate: 599, expire: 600 });
  });

  it('ignores instants already past', () => {
    expect(lifeUntilNextInstant([at(-10), null, at(90)], now).expire).toBe(90);
  });

  it('is never longer than a day, and a day without any future instant', () => {
    expect(lifeUntilNextInstant([at(10 * 86400)], now).expire).toBe(86400);
    expect(lifeUntilNextInstant([at(-5), null], now).expire).toBe(86400);
  });

  it('rounds down, so the entry ends before the instant, not after', () => {
    expect(lifeUntilNextInstant([new Date(now.getTime() + 4_999)], now).expire).toBe(4);
  });

  it('in the last second renders per request (revalidate 0) rather than risk a stale page', () => {
    expect(lifeUntilNextInstant([new Date(now.getTime() + 800)], now)).toEqual({ stale: 1, revalidate: 0, expire: 1 });
  });

  it('the browser may reuse the page no longer than until the instant', () => {
    expect(lifeUntilNextInstant([at(45)], now).stale).toBe(45);
  });
});
