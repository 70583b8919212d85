import { connection } from 'next/server';
import { requestLog } from '@/lib/log';
import { readiness } from '@/lib/server/readiness';

/**
 * Readiness, for the load balancer: 200 when the database answers, every migration of this
 * build is applied and the instance is not shutting down; 503 otherwise, with the reason.
 */
export async function GET() {
  // Asked per request: never prerendered or cached.
  await connection();
  const state = await readiness();
  if (!state.ready) (await requestLog()).warn({ readiness: state }, 'not ready');
  return Response.json(
    { status: state.ready ? 'ready' : 'unavailable', ...state },
    { status: state.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
