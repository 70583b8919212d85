/**
 * Converting between an instant and the wall-clock time of a time zone, with the
 * platform's own time-zone data (Intl). Admins type a call's dates as the call's local
 * time (`2026-03-04T17:00` in Europe/Zurich); the database keeps the instant in UTC.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether the platform knows this IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function timeZones(): string[] {
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

function parts(date: Date, zone: string) {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const get = (type: string) => Number(fmt.formatToParts(date).find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at that instant, in minutes (east positive). */
function offsetMinutes(date: Date, zone: string): number {
  const p = parts(date, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** `2026-03-04T17:00` for the instant as seen in the zone (for datetime-local inputs). */
export function toZonedInput(date: Date, zone: string): string {
  const p = parts(date, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isZonedInput(value: string): boolean {
  return LOCAL.test(value);
}

/**
 * The instant at which the zone's clocks show this wall time. In a spring-forward gap
 * (a time that never happens) the clocks' later reading is used; in an autumn overlap,
 * the earlier of the two instants.
 */
export function fromZonedInput(value: string, zone: string): Date {
  const m = LOCAL.exec(value);
  if (!m) throw new Error(`not a local date-time: ${value}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two passes settle the offset around a transition.
  let guess = wall - offsetMinutes(new Date(wall), zone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), zone) * 60_000;
  const earlier = wall - offsetMinutes(new Date(guess - 3_600_000), zone) * 60_000;
  if (earlier !== guess && toZonedInput(new Date(earlier), zone) === value) return new Date(earlier);
  return new Date(guess);
}
