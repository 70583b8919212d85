import crypto from 'node:crypto';
import postgres from 'postgres';

/**
 * On PostgreSQL, the integration tests get a brand-new database on the server DATABASE_URL
 * names (dropped at the end), so a run never touches real data and always starts clean.
 * Without DATABASE_URL each test worker uses an in-memory PGlite (lib/test/setup.ts).
 */
export default async function setup() {
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const name = `eoi_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return async () => {
    const sql = postgres(base, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.end();
  };
}
