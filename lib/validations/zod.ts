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
