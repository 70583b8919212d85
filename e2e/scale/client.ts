/**
 * What a browser does, over plain HTTP: a cookie jar, Auth.js's credentials sign-in, and a
 * server action called the way Next's client calls it (POST to the page's URL with the
 * action's id in `Next-Action`, the arguments encoded as React's `encodeReply` encodes a
 * plain object, `Accept: text/x-component`), with its answer read from the RSC stream.
 */

export class Stats {
  readonly durations: number[] = [];
  errors = 0;
  bytes = 0;
  private started = performance.now();
  private ended: number | null = null;

  constructor(readonly label: string) {}

  record(ms: number, ok: boolean, bytes = 0) {
    this.durations.push(ms);
    this.bytes += bytes;
    if (!ok) this.errors += 1;
  }
  restart() {
    this.started = performance.now();
  }
  stop() {
    this.ended = performance.now();
  }
  get requests() {
    return this.durations.length;
  }
  get durationMs() {
    return (this.ended ?? performance.now()) - this.started;
  }
  percentile(p: number) {
    if (!this.durations.length) return 0;
    const sorted = [...this.durations].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }
  summary() {
    return {
      phase: this.label,
      requests: this.requests,
      errors: this.errors,
      durationS: Number((this.durationMs / 1000).toFixed(2)),
      p50ms: Math.round(this.percentile(50)),
      p95ms: Math.round(this.percentile(95)),
      maxMs: Math.round(this.percentile(100)),
      perSecond: Number((this.requests / (this.durationMs / 1000)).toFixed(1)),
      meanKB: Number((this.bytes / 1024 / Math.max(1, this.requests)).toFixed(1)),
    };
  }
}

export type Answer = { status: number; headers: Headers; text: string; ms: number };

export class Client {
  private cookies = new Map<string, string>();

  constructor(public base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  /** Same cookies, another address (to ask one instance directly). */
  at(base: string): Client {
    const other = new Client(base);
    other.cookies = this.cookies;
    return other;
  }

  async request(path: string, init: RequestInit = {}): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const started = performance.now();
    const response = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, ms: performance.now() - started };
  }
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form's action does. */
export async function signIn(client: Client, email: string, password: string, stats: Stats): Promise<void> {
  let answer: Answer | undefined;
  try {
    answer = await client.request('/api/auth/csrf');
    stats.record(answer.ms, answer.status === 200);
    const { csrfToken } = JSON.parse(answer.text) as { csrfToken: string };
    answer = await client.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/dashboard' }).toString(),
    });
    const location = answer.headers.get('location') ?? '';
    const ok = answer.status === 302 && !location.includes('error=') && client.hasCookie('authjs.session-token');
    stats.record(answer.ms, ok);
    if (!ok) throw new Error(`sign-in of ${email} failed: ${answer.status} ${location}`);
  } catch (error) {
    if (!answer) stats.record(0, false);
    throw error;
  }
}

/** The encoded router state the browser sends with an action (`Next-Router-State-Tree`), for a dynamic page. */
export function routerStateTree(segments: (string | [string, string, string])[]): string {
  let node: unknown = ['__PAGE__', {}, null, null];
  for (let i = segments.length - 1; i >= 0; i--) node = [segments[i], { children: node }, null, null];
  return encodeURIComponent(JSON.stringify(['', { children: node }, null, null, true]));
}

/** Reads an action's answer from its RSC stream: row 0 names the row that holds the returned value. */
export function actionResult<T>(rsc: string): T {
  const rows = new Map<string, string>();
  for (const line of rsc.split('\n')) {
    const match = line.match(/^([0-9a-f]+):(.*)$/);
    if (match) rows.set(match[1], match[2]);
  }
  const head = rows.get('0');
  if (!head) throw new Error(`not an action answer: ${rsc.slice(0, 200)}`);
  const { a } = JSON.parse(head) as { a?: string };
  const id = typeof a === 'string' && a.startsWith('$@') ? a.slice(2) : undefined;
  const row = id ? rows.get(id) : undefined;
  if (!row) throw new Error(`the action's answer has no result row: ${rsc.slice(0, 300)}`);
  if (row.startsWith('E')) throw new Error(`the action threw: ${row.slice(1, 300)}`);
  return JSON.parse(row) as T;
}

export type ActionCall = { path: string; actionId: string; tree: string; args: unknown[] };

/** One call of a server action, exactly as the form's `await action(input)` sends it. */
export async function callAction(client: Client, call: ActionCall): Promise<Answer> {
  return client.request(call.path, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'next-action': call.actionId,
      'next-router-state-tree': call.tree,
      // encodeReply gives a string for plain values; fetch sends a string body as text/plain.
      'content-type': 'text/plain;charset=UTF-8',
      origin: new URL(client.base).origin,
    },
    body: JSON.stringify(call.args),
  });
}
