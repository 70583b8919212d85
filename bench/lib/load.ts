/** Load with autocannon, with every response's latency kept (autocannon's own summary has no p95). */
import autocannon, { type AutocannonRequest } from 'autocannon';
import { quantile } from './stats';

export type LoadOptions = {
  url: string;
  connections: number;
  /** Run for this long (seconds)… */
  seconds?: number;
  /** …or send exactly this many requests. */
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before each request (dynamic requests: a different application each time). */
  setupRequest?: AutocannonRequest['setupRequest'];
  onResponse?: AutocannonRequest['onResponse'];
  expectStatus?: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  /** Completed responses per second, from the start of the run to its last response. */
  rps: number;
  /** Per response, in ms. */
  latency: { p50: number; p95: number; p99: number; max: number };
  statuses: Record<string, number>;
  /** Responses with another status than expected, plus connection errors and timeouts. */
  failures: number;
  /** Mean bytes of a response on the wire (headers and body, as sent, compressed or not). */
  bytesPerResponse: number;
};

export function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  // Our own clock: autocannon notices the end of a run only at its next 1-second tick, so
  // its duration is rounded up to whole seconds.
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  return new Promise((resolve, reject) => {
    // Only the keys that are set: an undefined one would replace autocannon's default.
    const request: AutocannonRequest = { method: options.method ?? 'GET' };
    if (options.headers) request.headers = options.headers;
    if (options.body !== undefined) request.body = options.body;
    if (options.setupRequest) request.setupRequest = options.setupRequest;
    if (options.onResponse) request.onResponse = options.onResponse;
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 3 }),
        timeout: 30,
        pipelining: 1,
        requests: [request],
      },
      (error, result) => {
        if (error) return reject(error);
        const expect = String(options.expectStatus ?? 200);
        const unexpected = Object.entries(statuses).reduce((n, [status, count]) => (status === expect ? n : n + count), 0);
        const seconds = latencies.length ? (lastResponseAt - startedAt) / 1000 : result.duration;
        resolve({
          requests: latencies.length,
          seconds,
          rps: latencies.length / seconds,
          latency: {
            p50: quantile(latencies, 0.5),
            p95: quantile(latencies, 0.95),
            p99: quantile(latencies, 0.99),
            max: Math.max(...latencies),
          },
          statuses,
          failures: unexpected + result.errors,
          bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, resBytes: number, responseTime: number) => {
      lastResponseAt = performance.now();
      latencies.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      bytes += resBytes;
    });
  });
}
