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

/** Joins a short list as the language writes it: "Lebanon, Tunisia" / "لبنان، تونس". */
export function joinList(items: readonly string[], locale: string): string {
  return items.join(locale === 'ar' ? '، ' : ', ');
}

/** "Label: value" with the language's spacing (French puts a non-breaking space before the colon). */
export function labelled(label: string, value: string, locale: string): string {
  return `${label}${locale === 'fr' ? '\u00a0: ' : ': '}${value}`;
}

/** Joins clauses with a semicolon as the language writes it ("a; b", "a ; b", "a؛ b"). */
export function joinClauses(items: readonly string[], locale: string): string {
  return items.join(locale === 'ar' ? '؛ ' : locale === 'fr' ? '\u202f; ' : '; ');
}

/**
 * Intl formatters, made once per language and options and kept: making one costs far more
 * than using it (a receipt's dates and amounts took half of its rendering).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function kept<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

export function dateTimeFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(`d ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormatter(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return kept(`n ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}
