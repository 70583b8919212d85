import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/messages';
import { fromZonedInput } from './zoned';
import { msUntilChange, sameDay, sameWallClock, timeLeft, urgency, type TimeLeft } from './time-left';

const deadline = new Date('2027-05-14T15:00:00Z');
const before = (seconds: number) => new Date(deadline.getTime() - seconds * 1000);
const H = 3600;
const D = 24 * H;

/** The words, in a language, as the countdown writes them (the catalogue's messages). */
function say(left: TimeLeft, locale: 'en' | 'fr' | 'ar' = 'en'): string {
  const m = messagesFor(locale).common.timeLeft;
  if (left.unit === 'closed') return m.closed;
  const { unit, ...values } = left;
  return new IntlMessageFormat(m[unit], locale).format(values) as string;
}

describe('time left before a deadline', () => {
  it('is closed at and after the deadline', () => {
    expect(timeLeft(deadline, deadline)).toEqual({ unit: 'closed' });
    expect(timeLeft(deadline, before(-1))).toEqual({ unit: 'closed' });
  });

  it('counts seconds in the last minute (59 s), minutes from one minute on', () => {
    expect(timeLeft(deadline, before(59))).toEqual({ unit: 'seconds', seconds: 59 });
    expect(timeLeft(deadline, before(1))).toEqual({ unit: 'seconds', seconds: 1 });
    expect(timeLeft(deadline, before(60))).toEqual({ unit: 'minutes', minutes: 1 });
    expect(say(timeLeft(deadline, before(59)))).toBe('59 seconds left');
  });

  it('rounds down: 4 minutes 59 seconds is "4 minutes", never an hour or a day', () => {
    expect(say(timeLeft(deadline, before(4 * 60 + 59)))).toBe('4 minutes left');
    expect(say(timeLeft(deadline, before(2 * 60)))).toBe('2 minutes left');
  });

  it('at 1 h − 1 s says 59 minutes; at 1 h and 1 h + 1 s, 1 hour', () => {
    expect(timeLeft(deadline, before(H - 1))).toEqual({ unit: 'minutes', minutes: 59 });
    expect(timeLeft(deadline, before(H))).toEqual({ unit: 'hours', hours: 1, minutes: 0 });
    expect(timeLeft(deadline, before(H + 1))).toEqual({ unit: 'hours', hours: 1, minutes: 0 });
    expect(say(timeLeft(deadline, before(H + 1)))).toBe('1 hour left');
    expect(say(timeLeft(deadline, before(3 * H + 20 * 60 + 59)))).toBe('3 hours 20 minutes left');
  });

  it('at 24 h − 1 s says 23 hours 59 minutes; at 24 h and 24 h + 1 s, 1 day', () => {
    expect(say(timeLeft(deadline, before(D - 1)))).toBe('23 hours 59 minutes left');
    expect(timeLeft(deadline, before(D))).toEqual({ unit: 'days', days: 1, hours: 0 });
    expect(say(timeLeft(deadline, before(D + 1)))).toBe('1 day left');
    expect(say(timeLeft(deadline, before(D + 5 * H + 59 * 60)))).toBe('1 day 5 hours left');
    expect(say(timeLeft(deadline, before(2 * D + 23 * H)))).toBe('2 days left');
    expect(say(timeLeft(deadline, before(30 * D)))).toBe('30 days left');
  });

  it('is a duration across daylight-saving changes in the call\'s zone (23 h in spring, 25 h in autumn)', () => {
    // Europe/Paris: 29 March 2026 02:00 -> 03:00; 25 October 2026 03:00 -> 02:00.
    const spring = fromZonedInput('2026-03-29T12:00', 'Europe/Paris');
    const dayBeforeSpring = fromZonedInput('2026-03-28T12:00', 'Europe/Paris');
    expect(timeLeft(spring, dayBeforeSpring)).toEqual({ unit: 'hours', hours: 23, minutes: 0 });
    const autumn = fromZonedInput('2026-10-25T12:00', 'Europe/Paris');
    const dayBeforeAutumn = fromZonedInput('2026-10-24T12:00', 'Europe/Paris');
    expect(timeLeft(autumn, dayBeforeAutumn)).toEqual({ unit: 'days', days: 1, hours: 1 });
    // Half an hour before and after the spring change: 1 h 30 min of real time apart is 1 h 30 min.
    expect(timeLeft(fromZonedInput('2026-03-29T03:30', 'Europe/Paris'), fromZonedInput('2026-03-29T01:00', 'Europe/Paris'))).toEqual({
      unit: 'hours',
      hours: 1,
      minutes: 30,
    });
  });

  it('says when it will next change, so a countdown ticks each second in the last minute and each minute in the last day', () => {
    expect(msUntilChange(deadline, before(59))).toBe(1);
    expect(msUntilChange(deadline, new Date(deadline.getTime() - 59_500))).toBe(501);
    expect(msUntilChange(deadline, before(4 * 60 + 30))).toBe(30_001);
    expect(msUntilChange(deadline, before(3 * H + 10))).toBe(10_001);
    expect(msUntilChange(deadline, before(D + 2 * H + 5))).toBe(5_001);
    expect(msUntilChange(deadline, before(5 * D + 60))).toBe(60_001);
    expect(msUntilChange(deadline, deadline)).toBeNull();
    // Each wake-up lands just past a change of words.
    for (const s of [59, 61, H - 1, H + 1, D - 1, D + 1, 2 * D + 1, 9 * D + 7]) {
      const now = before(s).getTime();
      const wait = msUntilChange(deadline, now)!;
      expect(timeLeft(deadline, now + wait - 1), `${s} s`).toEqual(timeLeft(deadline, now));
      expect(timeLeft(deadline, now + wait), `${s} s`).not.toEqual(timeLeft(deadline, now));
    }
  });

  it('is urgent in the last hour and soon in the last three days', () => {
    expect(urgency(deadline, before(H))).toBe('imminent');
    expect(urgency(deadline, before(H + 1))).toBe('soon');
    expect(urgency(deadline, before(3 * D))).toBe('none');
    expect(urgency(deadline, deadline)).toBe('closed');
  });

  it('speaks French and Arabic, with each Arabic plural form', () => {
    expect(say(timeLeft(deadline, before(4 * 60)), 'fr')).toBe('il reste 4 minutes');
    expect(say(timeLeft(deadline, before(3 * H + 20 * 60)), 'fr')).toBe('il reste 3 heures 20 minutes');
    expect(say(timeLeft(deadline, before(D + H)), 'fr')).toBe('il reste 1 jour 1 heure');
    const ar = (seconds: number) => say(timeLeft(deadline, before(seconds)), 'ar');
    expect([1, 2, 5, 11, 59].map((m) => ar(m * 60))).toEqual([
      'تتبقى دقيقة واحدة',
      'تتبقى دقيقتان',
      'تتبقى 5 دقائق',
      'تتبقى 11 دقيقة',
      'تتبقى 59 دقيقة',
    ]);
    expect(ar(3 * H + 20 * 60)).toBe('تتبقى 3 ساعات و20 دقيقة');
    expect(ar(2 * H)).toBe('تتبقى ساعتان');
    expect(ar(D + 2 * H)).toBe('يتبقى يوم واحد وساعتان');
    expect(ar(100 * D)).toBe('يتبقى 100 يوم');
  });
});

describe('the viewer\'s own time beside the call\'s', () => {
  it('is left out when the two zones show the same time at that instant, whatever their names', () => {
    expect(sameWallClock(deadline, 'Europe/Paris', 'Europe/Berlin')).toBe(true);
    expect(sameWallClock(deadline, 'Europe/Paris', 'Europe/London')).toBe(false);
  });

  it('follows daylight saving: Paris and Tunis agree in winter, not in summer', () => {
    expect(sameWallClock(new Date('2026-01-15T12:00:00Z'), 'Europe/Paris', 'Africa/Tunis')).toBe(true);
    expect(sameWallClock(new Date('2026-07-15T12:00:00Z'), 'Europe/Paris', 'Africa/Tunis')).toBe(false);
    // The hour after the spring change in Paris.
    expect(sameWallClock(new Date('2026-03-29T00:30:00Z'), 'Europe/Paris', 'Africa/Tunis')).toBe(true);
    expect(sameWallClock(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris', 'Africa/Tunis')).toBe(false);
  });

  it('knows when the date itself differs', () => {
    expect(sameDay(new Date('2027-05-14T22:30:00Z'), 'Europe/Paris', 'America/New_York')).toBe(false);
    expect(sameDay(new Date('2027-05-14T15:00:00Z'), 'Europe/Paris', 'America/New_York')).toBe(true);
  });
});
