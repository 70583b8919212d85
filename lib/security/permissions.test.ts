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

/** Both file routes, every method, × seven personas: the status each must get, and no write on refusal. */
describe('the file routes × seven personas', () => {
  type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const pdf = () => new Uint8Array(Buffer.from('%PDF-1.4\n% a test document\n'));

  it('answers each persona as it should, and a refusal writes nothing', async () => {
    const applicantRoute = (await import('@/app/api/applications/[id]/files/[slotId]/route')) as unknown as Record<'GET' | 'PUT' | 'DELETE', Handler>;
    const reviewRoute = (await import('@/app/api/review/[assignmentId]/files/[fileId]/route')) as unknown as Record<'GET', Handler>;
    const applicantFile = { id: world.draftA.id, slotId: world.open.slots[0].id };
    const reviewFile = { assignmentId: world.assignment.id, fileId: world.fileA.id };
    const url = 'http://localhost/api/x';
    const cases: { name: string; run: () => Promise<Response>; expected: Record<(typeof personas)[number], number> }[] = [
      {
        name: 'GET an application file',
        run: () => applicantRoute.GET(new Request(url), { params: Promise.resolve(applicantFile) }),
        expected: { visitor: 401, applicantA: 200, applicantB: 404, reviewer: 404, unassignedReviewer: 404, conflictedReviewer: 404, admin: 200 },
      },
      {
        name: 'PUT an application file',
        run: () =>
          applicantRoute.PUT(new Request(url, { method: 'PUT', body: pdf(), headers: { 'x-file-name': 'replaced.pdf' } }), { params: Promise.resolve(applicantFile) }),
        expected: { visitor: 401, applicantA: 201, applicantB: 404, reviewer: 403, unassignedReviewer: 403, conflictedReviewer: 403, admin: 403 },
      },
      {
        name: 'DELETE an application file',
        run: () => applicantRoute.DELETE(new Request(url, { method: 'DELETE' }), { params: Promise.resolve(applicantFile) }),
        expected: { visitor: 401, applicantA: 200, applicantB: 404, reviewer: 403, unassignedReviewer: 403, conflictedReviewer: 403, admin: 403 },
      },
      {
        name: 'GET a file through a review assignment',
        run: () => reviewRoute.GET(new Request(url), { params: Promise.resolve(reviewFile) }),
        expected: { visitor: 404, applicantA: 404, applicantB: 404, reviewer: 200, unassignedReviewer: 404, conflictedReviewer: 404, admin: 404 },
      },
      {
        name: 'GET the file through the conflicted reviewer\'s own assignment',
        run: () => reviewRoute.GET(new Request(url), { params: Promise.resolve({ assignmentId: world.conflict.id, fileId: world.fileA.id }) }),
        expected: { visitor: 404, applicantA: 404, applicantB: 404, reviewer: 404, unassignedReviewer: 404, conflictedReviewer: 404, admin: 404 },
      },
      {
        name: 'GET with ids that are not ids',
        run: () => reviewRoute.GET(new Request(url), { params: Promise.resolve({ assignmentId: 'not-a-uuid', fileId: '%00' }) }),
        expected: { visitor: 404, applicantA: 404, applicantB: 404, reviewer: 404, unassignedReviewer: 404, conflictedReviewer: 404, admin: 404 },
      },
    ];
    const wrong: string[] = [];
    // Refusals first, then the allowed calls (which change the file), in a fixed order.
    for (const allowedPass of [false, true]) {
      for (const c of cases) {
        for (const persona of personas) {
          const expected = c.expected[persona];
          if ((expected < 300) !== allowedPass) continue;
          const before = await writes();
          const response = await actingAs(world.actors[persona], c.run);
          const written = (await writes()) - before;
          if (response.status !== expected) wrong.push(`${c.name} as ${persona}: expected ${expected}, got ${response.status}`);
          if (expected >= 300 && written !== 0) wrong.push(`${c.name} as ${persona}: refused, but ${written} row(s) changed`);
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});
