/** The public address of the app, for links in e-mails. */
export function appUrl(pathname = '/'): string {
  const base = process.env.APP_URL || process.env.AUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
  return new URL(pathname, base.endsWith('/') ? base : `${base}/`).toString();
}
