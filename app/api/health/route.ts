import { connection } from 'next/server';
import { databaseKind } from '@/db';

/**
 * Liveness: the process is up and serving. It does not touch the database, so a database
 * outage does not get every instance restarted; /api/health/ready is for that.
 */
export async function GET() {
  // Answered per request: never prerendered or cached.
  await connection();
  return Response.json({ status: 'ok', database: databaseKind() }, { headers: { 'Cache-Control': 'no-store' } });
}
