import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '@/lib/auth/session';
import { actionRows } from '@/lib/test/security-actions';
import {
  actionCatalogue,
  buildWorld,
  call,
  installWriteCounter,
  randomUuid,
  refusals,
  removeWriteCounter,
  writes,
  type ServerAction,
  type World,
} from '@/lib/test/security-world';

/**
 * Every server action gets RUNS generated inputs, called in-process as the persona the
 * action is for (so the input, not the permission, is what gets refused): wrong types,
 * unknown and missing fields, huge strings, strings with NUL, lone surrogates, bidi
 * controls and other Unicode edges, out-of-range numbers (NaN, ±Infinity, 1e308), and
 * other tenants' ids. Whatever comes, the action never throws and never answers with the
 * "something went wrong" of an unexpected failure (the 500 of an action); a refusal always
 * says something, and writes nothing.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Actions that read no input at all: nothing to generate. */
const NO_INPUT = new Set(['signOutAction']);

let world: World;
let catalogue: Map<string, ServerAction>;
let otherTenantIds: string[];

beforeAll(async () => {
  catalogue = await actionCatalogue();
  world = await buildWorld();
  await installWriteCounter();
  otherTenantIds = [
    world.draftB.id,
    world.reviewedB.id,
    world.b.organisation.id,
    world.otherAssignment.id,
    world.conflict.id,
    world.fileA.id,
    world.b.owner.id,
    world.admin.id,
    '00000000-0000-0000-0000-000000000000',
  ];
}, 120_000);

afterAll(async () => {
  await removeWriteCounter();
});

const edgeStrings = fc.constantFrom(
  '',
  '\u0000',
  'text with a NUL \u0000 inside',
  '\uD800',
  'lone low \uDFFF surrogate',
  '\u202Egpj.exe',
  '\u2066isolate\u2069 \u200F',
  '\uFEFFbom',
  'zero\u200Bwidth',
  'e\u0301\u0301\u0301',
  'العربية من اليمين إلى اليسار',
  '𝕌𝕟𝕚𝕔𝕠𝕕𝕖 🦊👩🏽‍🚀',
  '\u{10FFFF}\uFFFE\uFFFF',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '%00%zz%E0%A4%A',
  '../../etc/passwd',
  '\r\n\r\n\t',
  ' '.repeat(500),
  '$K1',
  '$@0',
);

const hugeString = fc
  .tuple(fc.integer({ min: 2_000, max: 300_000 }), fc.constantFrom('x', 'é', '🦊', '\u0000', 'a '))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

const strangeNumbers = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 0.5, -1, 1e-320),
  fc.double(),
  fc.integer({ min: -2_147_483_649, max: 2_147_483_649 }),
);

function junk(ids: string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: edgeStrings },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: hugeString },
    { weight: 3, arbitrary: strangeNumbers },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
    { weight: 1, arbitrary: fc.bigInt() },
    { weight: 2, arbitrary: fc.constantFrom(...ids).chain((id) => fc.constantFrom(id, randomUuid())) },
    { weight: 1, arbitrary: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }) },
  );
}

/** Every path into a JSON-like value (at most three levels deep). */
function pathsOf(value: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 3 || value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key], depth + 1)]);
}

function setPath(base: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Mutations of a valid input: each run breaks it in one way (or replaces it altogether). */
function inputs(base: unknown, ids: string[]) {
  const paths = pathsOf(base);
  const uuidPaths = paths.filter((p) => {
    let node: unknown = base;
    for (const key of p) node = (node as Record<string | number, unknown>)[key];
    return typeof node === 'string' && /^[0-9a-f-]{36}$/.test(node);
  });
  const variants: fc.Arbitrary<unknown>[] = [
    fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
    fc.tuple(fc.string({ maxLength: 20 }), junk(ids)).map(([key, value]) =>
      base && typeof base === 'object' ? { ...(base as object), [key || 'status']: value } : { [key]: value },
    ),
  ];
  if (paths.length) {
    variants.push(fc.tuple(fc.constantFrom(...paths), junk(ids)).map(([path, value]) => setPath(base, path, value)));
    variants.push(fc.tuple(fc.constantFrom(...paths), junk(ids)).map(([path, value]) => setPath(base, path, value)));
    variants.push(fc.constantFrom(...paths).map((path) => setPath(base, path, undefined, true)));
  }
  if (uuidPaths.length) {
    variants.push(fc.tuple(fc.constantFrom(...uuidPaths), fc.constantFrom(...ids)).map(([path, id]) => setPath(base, path, id)));
  }
  return fc.oneof(...variants);
}

describe(`every server action, ${RUNS} generated inputs each`, () => {
  it('never throws, never fails unexpectedly, always says why it refuses, and a refusal writes nothing', async () => {
    const problems: string[] = [];
    let generated = 0;
    const started = Date.now();
    for (const [name, fn] of catalogue) {
      if (NO_INPUT.has(name)) continue;
      const row = actionRows[name];
      const actor = world.actors[row.fuzzAs];
      const base = row.input(world);
      const actionStarted = Date.now();
      let last = await writes();
      try {
        await fc.assert(
          fc.asyncProperty(inputs(base, otherTenantIds), async (input) => {
            generated += 1;
            const outcome = await actingAs(actor, () => call(fn, input));
            if (outcome.kind === 'threw') throw outcome.error;
            if (outcome.kind !== 'result' || outcome.ok) {
              // A success may write: the count moves on from here.
              last = await writes();
              return;
            }
            expect(typeof outcome.error === 'string' && outcome.error.length > 0, 'a refusal says why').toBe(true);
            expect(outcome.error, 'an unexpected failure (the action\'s 500)').not.toBe(refusals.unexpected);
            // Input refused by its schema (field errors) returns before any database work:
            // such refusals are checked together, by the next check that follows them.
            if (outcome.fieldErrors !== undefined) return;
            expect((await writes()) - last, 'rows written by a refusal').toBe(0);
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
        expect(await writes(), `${name}: rows written by refusals`).toBe(last);
        if (process.env.FUZZ_TIMES) console.log(`[fuzz] ${name}: ${Date.now() - actionStarted} ms`);
      } catch (error) {
        problems.push(`${name} (as ${row.fuzzAs}): ${(error as Error).message.slice(0, 1500)}`);
      }
    }
    console.log(`[fuzz] ${generated} generated inputs to ${catalogue.size - NO_INPUT.size} actions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(problems, problems.join('\n\n')).toEqual([]);
    expect(generated).toBeGreaterThanOrEqual(RUNS * (catalogue.size - NO_INPUT.size));
  }, 600_000);
});
