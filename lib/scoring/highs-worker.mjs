// Solves HiGHS LP-format models on its own thread, so a long solve never blocks the server's
// requests. Messages: { id, lp } in, { id, status, primal } or { id, error } out.
import { parentPort } from 'node:worker_threads';
import highsLoader from 'highs';

const solver = highsLoader();

parentPort.on('message', async ({ id, lp }) => {
  try {
    const solution = (await solver).solve(lp);
    const primal = {};
    for (const [name, column] of Object.entries(solution.Columns ?? {})) primal[name] = column.Primal ?? 0;
    parentPort.postMessage({ id, status: solution.Status, primal });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
