import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, prepareDatabase } from '@/db';

if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR ??= 'memory://';
process.env.AUTH_SECRET ??= 'test-secret-not-for-production-use-000000';

beforeAll(async () => {
  await prepareDatabase();
});

afterAll(async () => {
  await closeDatabase();
});
