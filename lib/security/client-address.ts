import { AsyncLocalStorage } from 'node:async_hooks';
import { isIP } from 'node:net';

/**
 * The address a request came from, for rate limits and the audit log.
 *
 * Next.js gives application code no access to the connection, and it only fills
 * X-Forwarded-For when the request has none, so a client talking to the app directly could
 * write its own. Two rules make the answer trustworthy:
 *
 * - The server records the connection's own address in CLIENT_ADDRESS_HEADER on every request,
 *   replacing any value the client sent (lib/security/edge.ts, installed at start-up).
 * - TRUSTED_PROXY says how many reverse proxies stand in front of the app. Each one appends
 *   the address it saw to X-Forwarded-For, so the client is the TRUSTED_PROXY-th entry from
 *   the right; whatever the client wrote to the left of it is ignored. With TRUSTED_PROXY=0
 *   (the default) X-Forwarded-For is ignored altogether and the connection's address counts.
 *
 * IPv6 addresses count by their /64 prefix: one subscriber usually holds a whole /64.
 */
export const CLIENT_ADDRESS_HEADER = 'x-eoi-connection-address';

const scope = new AsyncLocalStorage<string>();

/** Runs `fn` as if its requests came from `address` (tests, in-process callers). */
export function fromAddress<T>(address: string, fn: () => Promise<T>): Promise<T> {
  return scope.run(address, fn);
}

export function hasScopedAddress(): boolean {
  return scope.getStore() !== undefined;
}

/** TRUSTED_PROXY as a number of proxies: unset or 0 none, `true` one, else the count. */
export function trustedProxyCount(value = process.env.TRUSTED_PROXY): number {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 20) {
    throw new Error(`TRUSTED_PROXY must be the number of reverse proxies in front of the app (0, 1, 2…), not "${value}".`);
  }
  return n;
}

function expandIPv6(address: string): string[] | null {
  const [head, tail = null] = address.split('::');
  if (address.split('::').length > 2) return null;
  const parse = (part: string) => (part ? part.split(':') : []);
  let groups = parse(head);
  if (tail !== null) {
    const end = parse(tail);
    groups = [...groups, ...Array(Math.max(0, 8 - groups.length - end.length)).fill('0'), ...end];
  }
  return groups.length >= 4 ? groups : null;
}

/** One canonical form per client: IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64. */
export function normaliseAddress(raw: string | null | undefined): string {
  let value = (raw ?? '').trim().toLowerCase();
  // "[2001:db8::1]:443" and "203.0.113.9:5123" (some proxies add the port).
  const bracketed = value.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) value = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.replace(/:\d+$/, '');
  value = value.replace(/%.*$/, '');
  if (value.startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind === 6) {
    const groups = expandIPv6(value);
    if (groups) return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
  }
  return 'unknown';
}

/** The client's address from a request's headers, by the rules above. */
export function clientAddressFrom(headers: Headers, proxies = trustedProxyCount()): string {
  const connection = headers.get(CLIENT_ADDRESS_HEADER);
  if (proxies === 0) return normaliseAddress(connection);
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: a proxy in the chain did not append; take the oldest one.
  return normaliseAddress(chain.length >= proxies ? chain[chain.length - proxies] : (chain[0] ?? connection));
}

/** The current request's client address; `fromAddress` wins; outside any request, "local". */
export async function clientAddress(): Promise<string> {
  const scoped = scope.getStore();
  if (scoped !== undefined) return scoped;
  try {
    const { headers } = await import('next/headers');
    return clientAddressFrom(await headers());
  } catch {
    return 'local';
  }
}

/** The browser's own description of itself (for the account page's list of sessions). */
export async function clientUserAgent(): Promise<string | null> {
  if (scope.getStore() !== undefined) return null;
  try {
    const { headers } = await import('next/headers');
    return (await headers()).get('user-agent')?.slice(0, 300) ?? null;
  } catch {
    return null;
  }
}
