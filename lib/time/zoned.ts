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

/** One formatter a zone: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, fmt);
  }
  return fmt;
}

function parts(date: Date, zone: string) {
  const fmt = formatter(zone);
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
  // The offsets a day either side: any instant showing this wall time uses one of them.
  const day = 86_400_000;
  const before = wall - offsetMinutes(new Date(wall - day), zone) * 60_000;
  const after = wall - offsetMinutes(new Date(wall + day), zone) * 60_000;
  // Both show it in an overlap (the earlier wins), one otherwise; none in a gap, where the
  // offset from before the gap carries the reading past it.
  const showing = [Math.min(before, after), Math.max(before, after)].find((t) => toZonedInput(new Date(t), zone) === value);
  return new Date(showing ?? before);
}
