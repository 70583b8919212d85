import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '@/lib/auth/session';
import { actionRows, type Expected } from '@/lib/test/security-actions';
import {
  actionCatalogue,
  buildWorld,
  call,
  installWriteCounter,
  personas,
  refusals,
  removeWriteCounter,
  writes,
  type Outcome,
  type ServerAction,
  type World,
} from '@/lib/test/security-world';

/**
 * The permission matrix at the level of the server actions: every export of
 * lib/actions/*.ts (read from the code, so an action without a row fails here) × seven
 * personas. A persona that may not act gets exactly "sign in", "no permission" or "not
 * found" (another organisation's or another reviewer's record is not found, never
 * forbidden), and the database does not change. A persona that may act gets past the
 * checks (the action may still refuse for a business reason). The pages and file routes
 * have their matrix in e2e/permissions.spec.ts.
 */
let world: World;
let catalogue: Map<string, ServerAction>;

beforeAll(async () => {
  catalogue = await actionCatalogue();
  world = await buildWorld();
  await installWriteCounter();
}, 120_000);

afterAll(async () => {
  await removeWriteCounter();
});

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'result') return outcome.ok ? 'ok' : `refused: ${outcome.error}`;
  if (outcome.kind === 'threw') return `threw: ${String((outcome.error as Error)?.stack ?? outcome.error)}`;
  return outcome.kind;
}

const denial: Record<Exclude<Expected, 'ok'>, string> = {
  unauthenticated: refusals.unauthenticated,
  forbidden: refusals.forbidden,
  notFound: refusals.notFound,
};

describe('every server action × seven personas', () => {
  it('every exported server action has a row (a new action without one fails here)', () => {
    const missing = [...catalogue.keys()].filter((name) => !actionRows[name]);
    const stale = Object.keys(actionRows).filter((name) => !catalogue.has(name));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(catalogue.size).toBeGreaterThanOrEqual(40);
  });

  it('a persona that may not act is refused with the right answer, and nothing is written', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [name, fn] of catalogue) {
      const row = actionRows[name];
      for (const persona of personas) {
        const expected = row.who[persona];
        if (expected === 'ok') continue;
        const before = await writes();
        const outcome = await actingAs(world.actors[persona], () => call(fn, row.input(world)));
        const written = (await writes()) - before;
        checked += 1;
        if (outcome.kind !== 'result' || outcome.ok || outcome.error !== denial[expected]) {
          wrong.push(`${name} as ${persona}: expected "${denial[expected]}", got ${describeOutcome(outcome)}`);
        }
        if (written !== 0) wrong.push(`${name} as ${persona}: refused, but ${written} row(s) changed`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  }, 120_000);

  it('a persona that may act gets past the checks (no sign-in, permission or not-found refusal, never a crash)', async () => {
    const wrong: string[] = [];
    const start = await writes();
    for (const [name, fn] of catalogue) {
      const row = actionRows[name];
      for (const persona of personas) {
        if (row.who[persona] !== 'ok') continue;
        const outcome = await actingAs(world.actors[persona], () => call(fn, row.input(world)));
        const denied = outcome.kind === 'result' && !outcome.ok && Object.values(refusals).includes(outcome.error!);
        if (outcome.kind === 'threw' || denied) wrong.push(`${name} as ${persona}: ${describeOutcome(outcome)}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    // The write counter is live: the allowed calls did change things.
    expect(await writes()).toBeGreaterThan(start + 20);
  }, 120_000);

  it('a reviewer who declared a conflict cannot score the application through their own assignment', async () => {
    const fn = catalogue.get('saveReviewDraftAction')!;
    const before = await writes();
    const outcome = await actingAs(world.conflictedReviewer, () =>
      call(fn, { assignmentId: world.conflict.id, version: 0, overallComment: 'Sneaky.', recommendation: 'recommend', scores: [] }),
    );
    expect(outcome).toMatchObject({ kind: 'result', ok: false });
    expect(await writes()).toBe(before);
  });
});
