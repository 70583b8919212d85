import { log } from '@/lib/log';

/**
 * Graceful shutdown on SIGTERM (and SIGINT).
 *
 * `next start` already stops accepting connections on SIGTERM, lets the requests in flight
 * finish, and then calls `process.exit()`. What it does not know about is our own work:
 * the mail worker must finish the message it is sending and give the rest of its batch
 * back, and the database pool must close cleanly. So:
 *
 * 1. on the signal (our listener runs before Next's) the instance reports itself as
 *    draining (readiness answers 503) and the shutdown tasks start: the worker stops
 *    claiming, finishes its message, releases the rest;
 * 2. when Next calls `process.exit()` (its requests are done), the exit waits for those
 *    tasks, then runs the final ones (closing the database), then exits with Next's code;
 * 3. SHUTDOWN_TIMEOUT_SECONDS (default 25) caps the wait for our tasks, so a stuck SMTP
 *    server cannot hold the process past the platform's kill deadline. A message cut off
 *    that way is retried after its lease.
 */

type Task = () => Promise<void>;
type State = {
  draining: boolean;
  installed: boolean;
  onSignal: Task[];
  beforeExit: Task[];
  started?: Promise<void>;
};

const globalState = globalThis as unknown as { __eoiShutdown?: State };
const state: State = (globalState.__eoiShutdown ??= { draining: false, installed: false, onSignal: [], beforeExit: [] });

/** True once a termination signal arrived: the readiness check answers 503. */
export function isDraining(): boolean {
  return state.draining;
}

/** Runs as soon as the signal arrives, while Next lets in-flight requests finish. */
export function onShutdown(task: Task) {
  state.onSignal.push(task);
}

/** Runs once the requests are done and the signal's tasks have finished (e.g. closing the database). */
export function beforeExit(task: Task) {
  state.beforeExit.push(task);
}

function timeoutMs(): number {
  const seconds = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 25);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 25_000;
}

async function settle(tasks: Task[], label: string) {
  const results = await Promise.allSettled(tasks.map((task) => task()));
  for (const result of results) {
    if (result.status === 'rejected') log.error({ err: result.reason }, `shutdown: ${label} failed`);
  }
}

/** Starts the shutdown (idempotent); resolves when every task has run or the timeout passed. */
export function shutdown(signal: string): Promise<void> {
  state.started ??= (async () => {
    state.draining = true;
    log.info({ signal }, 'shutdown: draining (requests in flight finish, mail batch given back)');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.warn({ timeoutMs: timeoutMs() }, 'shutdown: tasks did not finish in time; exiting anyway');
        resolve();
      }, timeoutMs());
    });
    await Promise.race([settle(state.onSignal, 'task'), deadline]);
    clearTimeout(timer);
  })();
  return state.started;
}

/** Installs the signal listeners and the exit hook, once per process. */
export function installShutdown() {
  if (state.installed) return;
  state.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Before Next's own listener, which closes the server and then calls process.exit().
    process.prependListener(signal, () => void shutdown(signal));
  }
  const exit = process.exit.bind(process);
  let exiting = false;
  process.exit = ((code?: number | string | null) => {
    if (!state.started || exiting) return exit(code as number);
    exiting = true;
    void state.started
      .then(() => settle(state.beforeExit, 'final task'))
      .then(() => log.info({ code }, 'shutdown: done'))
      .finally(() => {
        // pino writes asynchronously: flush before the process goes.
        log.flush?.();
        exit(code as number);
      });
    return undefined as never;
  }) as typeof process.exit;
}
