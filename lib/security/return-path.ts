/** A return address (`callbackUrl`, `next`) as a path of this site, or null: never an open redirect. */
export function safeReturnPath(raw: string | undefined | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw, 'http://local.invalid');
    if (url.origin !== 'http://local.invalid') return null;
    return url.pathname + url.search;
  } catch {
    return null;
  }
}
