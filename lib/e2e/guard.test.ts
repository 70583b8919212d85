import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eFixturesAllowed, e2eFixturesRefusal, isThrowawayE2eDatabase } from './guard';

const secret = 'f'.repeat(64);
const e2eDir = path.join(process.cwd(), '.data', 'e2e');

describe('the end-to-end fixtures route is closed', () => {
  it('[security] on any database but the throwaway ones serve.mjs makes', () => {
    expect(isThrowawayE2eDatabase({ PGLITE_DATA_DIR: e2eDir })).toBe(true);
    expect(isThrowawayE2eDatabase({ PGLITE_DATA_DIR: '.data/e2e' })).toBe(true);
    expect(isThrowawayE2eDatabase({ DATABASE_URL: 'postgres://u:p@localhost:5432/eoi_e2e_1765000000000_0a1b2c' })).toBe(true);
    expect(isThrowawayE2eDatabase({})).toBe(false);
    expect(isThrowawayE2eDatabase({ PGLITE_DATA_DIR: path.join(process.cwd(), '.data', 'pglite') })).toBe(false);
    expect(isThrowawayE2eDatabase({ PGLITE_DATA_DIR: 'memory://e2e' })).toBe(false);
    expect(isThrowawayE2eDatabase({ DATABASE_URL: 'postgres://u:p@localhost:5432/eoi' })).toBe(false);
    expect(isThrowawayE2eDatabase({ DATABASE_URL: 'postgres://u:p@localhost:5432/eoi_e2e_prod' })).toBe(false);
    // DATABASE_URL wins over PGLITE_DATA_DIR, as in db/index.ts.
    expect(isThrowawayE2eDatabase({ DATABASE_URL: 'postgres://u:p@localhost/eoi', PGLITE_DATA_DIR: e2eDir })).toBe(false);
  });

  it('[security] without the secret set, a short one, or a request without the same secret', () => {
    expect(e2eFixturesRefusal({ PGLITE_DATA_DIR: e2eDir })).toMatch(/not set/);
    expect(e2eFixturesRefusal({ PGLITE_DATA_DIR: e2eDir, E2E_FIXTURES_SECRET: 'short' })).toMatch(/shorter/);
    expect(e2eFixturesRefusal({ E2E_FIXTURES_SECRET: secret, DATABASE_URL: 'postgres://localhost/eoi' })).toMatch(/throwaway/);
    const on = { PGLITE_DATA_DIR: e2eDir, E2E_FIXTURES_SECRET: secret };
    expect(e2eFixturesRefusal(on)).toBeNull();
    expect(e2eFixturesAllowed(secret, on)).toBe(true);
    expect(e2eFixturesAllowed(null, on)).toBe(false);
    expect(e2eFixturesAllowed('', on)).toBe(false);
    expect(e2eFixturesAllowed(`${secret}x`, on)).toBe(false);
    expect(e2eFixturesAllowed(secret, { ...on, PGLITE_DATA_DIR: path.join(process.cwd(), '.data', 'pglite') })).toBe(false);
    expect(e2eFixturesAllowed(secret, { PGLITE_DATA_DIR: e2eDir })).toBe(false);
  });
});
