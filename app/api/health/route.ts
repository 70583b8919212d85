import { databaseKind } from '@/db';

export const dynamic = 'force-dynamic';

/**
 * Liveness: the process is up and serving. It does not touch the database, so a database
 * outage does not get every instance restarted; /api/health/ready is for that.
 */
export function GET() {
  return Response.json({ status: 'ok', database: databaseKind() }, { headers: { 'Cache-Control': 'no-store' } });
}
