import type { Translator } from '@/lib/i18n/translate';
import { decodeIssue } from './issues';

type Translate = Translator<'validation'>;
type ValidationKey = Parameters<Translate>[0];

/**
 * Turns a validation message (a catalog key, maybe with values) into words. The key comes
 * from the wire, so it is checked against the catalog here, the one place a string becomes
 * a key; one that is not there is shown as it came.
 */
export function translateIssue(t: Translate, message: string): string {
  const { key, values } = decodeIssue(message);
  const known = (k: string): k is ValidationKey => t.has(k as ValidationKey);
  return known(key) ? t(key, values) : message;
}

export function translateFieldErrors(
  t: Translate,
  fieldErrors: Record<string, string[] | undefined>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (messages?.length) out[field] = messages.map((m) => translateIssue(t, m));
  }
  return out;
}
