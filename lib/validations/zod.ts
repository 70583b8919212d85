import { z } from 'zod';

/**
 * Validation messages are catalog keys (namespace "validation"), optionally with values:
 * `tooShort::{"minimum":3}`. Forms and actions translate them with translateIssue(), so a
 * schema shared by client and server speaks the user's language on both sides.
 */
const SEPARATOR = '::';

export function issue(key: string, values?: Record<string, string | number>): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

export function decodeIssue(message: string): { key: string; values?: Record<string, string | number> } {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return { key: message };
  try {
    return { key: message.slice(0, at), values: JSON.parse(message.slice(at + SEPARATOR.length)) };
  } catch {
    return { key: message };
  }
}

z.config({
  // No `new Function` (zod's faster parser): the Content-Security-Policy allows no eval.
  jitless: true,
  customError: (iss) => {
    switch (iss.code) {
      case 'invalid_type':
        if (iss.expected === 'int' && typeof iss.input === 'number') return 'wholeNumber';
        return iss.input === undefined || iss.input === null || iss.input === '' ? 'required' : 'invalidType';
      case 'too_small':
        if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'required' : issue('tooShort', { minimum: Number(iss.minimum) });
        if (iss.origin === 'array' || iss.origin === 'set') return Number(iss.minimum) <= 1 ? 'chooseOne' : issue('tooFew', { minimum: Number(iss.minimum) });
        return issue('tooLow', { minimum: Number(iss.minimum) });
      case 'too_big':
        if (iss.origin === 'string') return issue('tooLong', { maximum: Number(iss.maximum) });
        if (iss.origin === 'array' || iss.origin === 'set') return issue('tooMany', { maximum: Number(iss.maximum) });
        return issue('tooHigh', { maximum: Number(iss.maximum) });
      case 'invalid_format':
        if (iss.format === 'email') return 'email';
        if (iss.format === 'url') return 'url';
        return 'invalidFormat';
      case 'invalid_value':
        return 'invalidChoice';
      case 'unrecognized_keys':
        return issue('unknownFields', { fields: iss.keys.join(', ') });
      case 'not_multiple_of':
        return 'wholeNumber';
      default:
        return 'invalid';
    }
  },
});

export { z };

/** A UUID as the database stores ids: checked before a query, so a malformed id is "not found", never a database error. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Wrappers that hold one schema (optional, nullable, default, pipe input): what they hold. */
function unwrapOnce(node: z.ZodType): z.ZodType | null {
  const def = (node as unknown as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return null;
  if (def.innerType) return def.innerType as z.ZodType; // optional, nullable, default, catch, readonly
  if (def.type === 'pipe' && def.in) return def.in as z.ZodType;
  return null;
}

/**
 * The character limit a schema sets on the text at `path` ("summary",
 * "localPartners.0.name"), for the form's counter: the zod schema stays the one place a
 * limit is written, read by the counter, the form's resolver and the server. Null when
 * the path holds no limited text.
 */
export function maxLengthOf(schema: z.ZodType, path = ''): number | null {
  let node: z.ZodType | null = schema;
  const keys = path ? path.split('.') : [];
  for (let guard = 0; node && guard < 50; guard++) {
    if (node instanceof z.ZodString) return keys.length ? null : (node.maxLength ?? null);
    if (node instanceof z.ZodUnion) {
      // A text or '' (an optional web address): the longest limit among the texts.
      const limits = (node.options as z.ZodType[]).map((o) => maxLengthOf(o, keys.join('.'))).filter((n): n is number => n !== null);
      return limits.length ? Math.max(...limits) : null;
    }
    const inner = unwrapOnce(node);
    if (inner) {
      node = inner;
      continue;
    }
    const key = keys.shift();
    if (key === undefined) return null;
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[key] ?? null;
    else if (node instanceof z.ZodArray) node = /^\d+$/.test(key) ? (node.element as z.ZodType) : null;
    else if (node instanceof z.ZodRecord) node = node.valueType as z.ZodType;
    else return null;
  }
  return null;
}
