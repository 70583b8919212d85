/**
 * Characters that no text we store may hold. PostgreSQL refuses NUL in text and jsonb (the
 * whole statement fails, so an autosave would fail again and again), and the other C0/C1
 * controls are invisible junk from copy and paste. They are removed (tab, line feed and
 * carriage return stay), and a lone UTF-16 surrogate becomes U+FFFD, before any
 * validation, so what is saved is what the user sees.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Bidirectional controls. Right-to-left text (Arabic) legitimately holds some, so they stay
 * in ordinary text; in file names they can make `cod.exe` look like `exe.doc`, so there
 * they are removed (lib/files/detect.ts).
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(value: string): string {
  return value.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** cleanText on every string of a JSON-like value (objects, arrays), keys included; anything else as it is. */
export function cleanInput(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cleanInput(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[cleanText(key)] = cleanInput(item, depth + 1);
  return out;
}
