import path from 'node:path';
import { Worker } from 'node:worker_threads';

export type LpSolution = { status: string; primal: Record<string, number> };

type Pending = { resolve: (s: LpSolution) => void; reject: (e: Error) => void };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function start(): Worker {
  // A plain .mjs file beside this one, loaded by Node itself (not bundled), from the project root.
  const w = new Worker(path.join(process.cwd(), 'lib', 'scoring', 'highs-worker.mjs'));
  w.unref();
  w.on('message', (message: { id: number; status?: string; primal?: Record<string, number>; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiting.reject(new Error(message.error));
    else waiting.resolve({ status: message.status!, primal: message.primal! });
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the solver thread stopped (${code})`)));
  return w;
}

/**
 * Solves an LP-format model with HiGHS on a thread of its own: the slate's N+1 solves never
 * hold up other requests (on the embedded database they also run outside any transaction).
 */
export function solveLp(lp: string): Promise<LpSolution> {
  worker ??= start();
  const id = nextId++;
  return new Promise<LpSolution>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // While something is waiting, the thread keeps the process alive; idle, it does not.
    worker!.ref();
    worker!.postMessage({ id, lp });
  }).finally(() => {
    if (!pending.size) worker?.unref();
  });
}
