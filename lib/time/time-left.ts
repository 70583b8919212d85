import { toZonedInput } from './zoned';

/**
 * The time left before a deadline, as people should be told it: always rounded down (a
 * call closing in 4 minutes never says "1 hour" or "1 day"), in the unit that matters.
 *
 *   under a minute      45 seconds left
 *   under an hour       4 minutes left
 *   under a day         3 hours 20 minutes left
 *   under two days      1 day 5 hours left
 *   two days and more   2 days left
 *
 * A duration, not a count of calendar days: a deadline across a daylight-saving change
 * in the call's zone is 23 or 25 hours away, and says so. Pure: the one rule every page
 * uses (components/time/countdown.tsx), the clock passed in.
 */
export type TimeLeft =
  | { unit: 'closed' }
  | { unit: 'seconds'; seconds: number }
  | { unit: 'minutes'; minutes: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'days'; days: number; hours: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ms = (t: Date | number | string) => (typeof t === 'number' ? t : new Date(t).getTime());

export function timeLeft(deadline: Date | number | string, now: Date | number): TimeLeft {
  const left = ms(deadline) - ms(now);
  if (!(left > 0)) return { unit: 'closed' };
  if (left < MINUTE) return { unit: 'seconds', seconds: Math.max(1, Math.floor(left / SECOND)) };
  if (left < HOUR) return { unit: 'minutes', minutes: Math.floor(left / MINUTE) };
  if (left < DAY) return { unit: 'hours', hours: Math.floor(left / HOUR), minutes: Math.floor((left % HOUR) / MINUTE) };
  const days = Math.floor(left / DAY);
  return { unit: 'days', days, hours: days < 2 ? Math.floor((left % DAY) / HOUR) : 0 };
}

/**
 * Milliseconds until the words of `timeLeft` change (the next whole second, minute or
 * hour crossed), or null once closed: a countdown wakes exactly then, so it ticks every
 * minute in the last day and every second in the last minute, and never lags behind.
 */
export function msUntilChange(deadline: Date | number | string, now: Date | number): number | null {
  const left = ms(deadline) - ms(now);
  if (!(left > 0)) return null;
  const step = left <= MINUTE ? SECOND : left <= DAY ? MINUTE : left <= 2 * DAY ? HOUR : DAY;
  // The words change just after `left` drops below the multiple of the step it is at.
  return (left % step) + 1;
}

/** How close the deadline is: `soon` within three days, `imminent` within the last hour. */
export function urgency(deadline: Date | number | string, now: Date | number): 'none' | 'soon' | 'imminent' | 'closed' {
  const left = ms(deadline) - ms(now);
  if (!(left > 0)) return 'closed';
  if (left <= HOUR) return 'imminent';
  if (left < 3 * DAY) return 'soon';
  return 'none';
}

/**
 * Whether two zones show the same wall-clock time at this instant (Europe/Paris and
 * Europe/Berlin do; Europe/Paris and Africa/Tunis do in winter, not in summer): the
 * viewer's own time is written beside the call's only when they differ.
 */
export function sameWallClock(instant: Date | number | string, zoneA: string, zoneB: string): boolean {
  if (zoneA === zoneB) return true;
  const date = new Date(ms(instant));
  return toZonedInput(date, zoneA) === toZonedInput(date, zoneB);
}

/** Whether the instant falls on the same calendar day in both zones (then the viewer's time can omit the date). */
export function sameDay(instant: Date | number | string, zoneA: string, zoneB: string): boolean {
  const date = new Date(ms(instant));
  return toZonedInput(date, zoneA).slice(0, 10) === toZonedInput(date, zoneB).slice(0, 10);
}
