import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The one logger: one JSON object a line on stdout (pino), for a log shipper to read.
 *
 * What must never reach a log line: passwords, tokens, cookies, and what applicants wrote.
 * Three guards, because each one alone would miss something:
 * - the fields we log are named (`reqId`, `outboxId`, counts), never whole inputs;
 * - `redact` censors keys that carry secrets or content wherever someone logs an object;
 * - errors are serialized by `serializeError`, which drops the bound parameters that a
 *   failed query's message carries (drizzle's "params: …", which hold form content and
 *   password hashes) and never copies an error's extra fields.
 */

/** Keys whose values are censored wherever they appear (two levels deep). */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'csrfToken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'content',
  'draft',
  'input',
  'params',
  'body',
  'textBody',
  'htmlBody',
];

const redactPaths = REDACTED_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const dot = k.startsWith('[') ? k : `.${k}`;
  return [k, `*${dot}`, `*.*${dot}`];
});

/** Cuts the bound values out of a failed query's text: "Failed query: …\nparams: a,b" keeps the SQL. */
export function withoutParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n    at |$)/, '\nparams: [redacted]');
}

type SerializedError = { type: string; message: string; code?: string; stack?: string; cause?: SerializedError };

/** An error as a log field: its type, code, message and stack, with query parameters removed. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: withoutParams(String(error)) };
  const code = (error as { code?: unknown }).code;
  const serialized: SerializedError = {
    type: error.name,
    message: withoutParams(error.message),
    stack: error.stack ? withoutParams(error.stack) : undefined,
  };
  if (typeof code === 'string' || typeof code === 'number') serialized.code = String(code);
  if (error.cause !== undefined && depth < 3) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      messageKey: 'msg',
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

// One per process, kept on globalThis so that every bundle (instrumentation, routes,
// actions) writes through the same stream.
const globalState = globalThis as unknown as { __eoiLogger?: Logger; __eoiConsolePatched?: boolean };

export const log: Logger = new Proxy({} as Logger, {
  get(_target, property) {
    globalState.__eoiLogger ??= createLogger();
    const real = globalState.__eoiLogger;
    const value = Reflect.get(real, property, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});

/** Request ids we accept from a proxy: short, plain characters (nginx's $request_id is 32 hex digits). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>): string | undefined {
  const raw = typeof (headers as { get?: unknown }).get === 'function'
    ? (headers as { get(name: string): string | null }).get('x-request-id')
    : (headers as Record<string, string | string[] | undefined>)['x-request-id'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && REQUEST_ID.test(value) ? value : undefined;
}

/**
 * A logger for the request being served: its `reqId` is the X-Request-Id header the
 * reverse proxy set (nginx: `proxy_set_header X-Request-Id $request_id`), so the proxy's
 * access log and ours join on it; without one, a fresh id. Outside a request, the plain logger.
 */
export async function requestLog(): Promise<Logger> {
  try {
    const { headers } = await import('next/headers');
    const reqId = requestIdFrom(await headers()) ?? randomUUID();
    return log.child({ reqId });
  } catch {
    return log;
  }
}

/**
 * Sends console output (Next's own messages, Auth.js, libraries) through the logger, so
 * that everything the server prints is one JSON object a line. Errors among the arguments
 * are serialized like ours (no query parameters).
 */
export function routeConsoleToLogger() {
  if (globalState.__eoiConsolePatched) return;
  globalState.__eoiConsolePatched = true;
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const errors = args.filter((a): a is Error => a instanceof Error);
    const rest = args.filter((a) => !(a instanceof Error));
    const msg = withoutParams(format(...rest)).trim();
    if (errors.length) log[level]({ err: errors[0] }, msg || withoutParams(errors[0].message));
    else log[level](msg);
  };
  console.log = write('info');
  console.info = write('info');
  console.debug = write('debug');
  console.warn = write('warn');
  console.error = write('error');
}
