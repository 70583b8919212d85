import { decodeIssue } from './zod';

type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has?: (key: string) => boolean;
};

/** Turns a validation message (a catalog key, maybe with values) into words. */
export function translateIssue(t: Translate, message: string): string {
  const { key, values } = decodeIssue(message);
  if (t.has && !t.has(key)) return message;
  return t(key, values);
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
