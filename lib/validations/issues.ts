import { config, type $ZodCheck, type $ZodType } from 'zod/v4/core';

/**
 * Zod's settings and the validation messages, for every schema: classic zod's (./zod) and
 * zod/mini's (./application) both load this module. It needs only zod's core, which both
 * flavours share, so the application form's page loads no classic zod for it.
 *
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

config({
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

/** The tightest length limit among a text's checks (`.max()`, `.length()`), or null. */
function textLimit(checks: $ZodCheck[] = []): number | null {
  const limits = checks.flatMap(({ _zod: { def } }) => {
    const check = def as typeof def & { maximum?: number; length?: number };
    if (check.check === 'max_length') return [check.maximum!];
    if (check.check === 'length_equals') return [check.length!];
    return [];
  });
  return limits.length ? Math.min(...limits) : null;
}

/**
 * The character limit a schema sets on the text at `path` ("summary",
 * "localPartners.0.name"), for the form's counter: the zod schema stays the one place a
 * limit is written, read by the counter, the form's resolver and the server. Null when
 * the path holds no limited text. Read from the schema's definition, the same in classic
 * and mini schemas (a mini string has no `.maxLength`).
 */
export function maxLengthOf(schema: $ZodType, path = ''): number | null {
  let node: $ZodType | null = schema;
  const keys = path ? path.split('.') : [];
  for (let guard = 0; node && guard < 50; guard++) {
    const def = node._zod.def as unknown as Record<string, unknown>;
    // Free text only: a format (an email, a URL) is not counted, whatever its limit.
    if (def.type === 'string' && def.format === undefined) return keys.length ? null : textLimit(def.checks as $ZodCheck[] | undefined);
    if (def.type === 'union') {
      // A text or '' (an optional web address): the longest limit among the texts.
      const limits = (def.options as $ZodType[]).map((o) => maxLengthOf(o, keys.join('.'))).filter((n): n is number => n !== null);
      return limits.length ? Math.max(...limits) : null;
    }
    // Wrappers that hold one schema (optional, nullable, default, catch, readonly; a pipe's input): what they hold.
    if (def.innerType || (def.type === 'pipe' && def.in)) {
      node = (def.innerType ?? def.in) as $ZodType;
      continue;
    }
    const key = keys.shift();
    if (key === undefined) return null;
    if (def.type === 'object') node = (def.shape as Record<string, $ZodType>)[key] ?? null;
    else if (def.type === 'array') node = /^\d+$/.test(key) ? (def.element as $ZodType) : null;
    else if (def.type === 'record') node = def.valueType as $ZodType;
    else return null;
  }
  return null;
}
