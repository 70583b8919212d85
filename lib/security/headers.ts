/**
 * The Content-Security-Policy, as strict as cached (prerendered) pages allow.
 *
 * Next.js writes the React Server Components payload into the page as inline scripts
 * (`self.__next_f.push(…)`) whose content is the page's data. A nonce would have to be
 * new on every response, so every page would render per request: no static shell, no
 * cache (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md); a hash
 * cannot be known for data that changes. So inline scripts stay allowed, and the rest is
 * closed: scripts only from this origin (with integrity hashes, `experimental.sri`), no
 * remote origin for anything (nothing can be loaded from or sent to another site: no
 * fetch, image beacon or form post elsewhere), no plugins, no <base> rewrites, no
 * framing, no inline styles. The README explains the trade-off.
 */
export function contentSecurityPolicy(dev = process.env.NODE_ENV === 'development'): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // React needs eval in development only (its debugging helpers).
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The admin outbox's preview of a mail's HTML (app/api/outbox/[id]/html/route.ts): mail
 * needs inline styles, so it gets its own response and policy: no script at all, styles and
 * inline images only, a sandbox, and framing by our own pages only.
 */
export const MAIL_PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'";

/** Headers on every response (HSTS is added per request by proxy.ts, from AUTH_URL). */
export function securityHeaders(dev?: boolean): { key: string; value: string }[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(dev) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  ];
}
