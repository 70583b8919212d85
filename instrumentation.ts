import type { Instrumentation } from 'next';

/**
 * Runs once when the server starts (not during `next build`): opens the database,
 * applies migrations, loads the demo data where it belongs and starts background work.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/server/start');
  await startServer();
}

/** Every error Next catches while serving (render, route handler, action), as one log line with the request's id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log, requestIdFrom } = await import('./lib/log');
  log.error(
    {
      err: error,
      reqId: requestIdFrom(request.headers),
      method: request.method,
      // The path without its query string: a query may carry a token (e-mail links).
      path: request.path.split('?')[0],
      route: context.routePath,
      routeType: context.routeType,
      digest: (error as { digest?: string }).digest,
    },
    'request failed',
  );
};
