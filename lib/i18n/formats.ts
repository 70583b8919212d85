import type { DateTimeFormatOptions } from 'next-intl';

/**
 * How instants are written everywhere: with their time zone named. (Intl refuses
 * dateStyle together with timeZoneName, hence the explicit fields.)
 */
export function instantFormat(timeZone: string, month: 'long' | 'short' = 'long'): DateTimeFormatOptions {
  return { year: 'numeric', month, day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' };
}

export function dateFormat(timeZone: string): DateTimeFormatOptions {
  return { dateStyle: 'long', timeZone };
}
