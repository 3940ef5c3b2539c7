// Records packed in buckets (schema version 3): the bucket of an id, and any sequence of creations, edits and
// deletions stored through applyChange reads back as the same list, counted right, and undoes step by step.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Position, Scenario } from '../../src/domain/types';
import { BUCKET_COUNT, bucketOf, packRecords, recordsInOrder } from '../../src/storage/buckets';
import { applyChange } from '../../src/storage/changes';
import type { PlannerDb } from '../../src/storage/db';
import { undo } from '../../src/storage/history';
import { applyOps, type Op } from '../../src/domain/ops';
import { createScenario, listScenarios, loadScenario } from '../../src/storage/scenarios';
import { openTestDb, position, sampleScenario, storedCount, WHO } from './helpers';

describe('bucketOf', () => {
  it.each([
    ['positions', 'p-a', 5],
    ['positions', 'p-438', 5],
    ['positions', 'p-b', 76],
    ['structures', 's-gard', 27],
    ['structures', 's-ain', 11],
    ['positions', '', 0x811c9dc5 % 256],
  ] as const)('%s « %s » → bucket %i (frozen: stored rows depend on it)', (kind, id, bucket) => {
    expect(bucketOf(kind, id)).toBe(bucket);
  });

  it('spreads the ids of a generated campaign evenly over every bucket', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `gen-${(i % 13) + 11}-${Math.floor(i / 13)}`);
    const sizes = new Array<number>(BUCKET_COUNT.positions).fill(0);
    for (const id of ids) sizes[bucketOf('positions', id)]! += 1;
    // 39 on average: no bucket empty, none more than twice the mean.
    expect(Math.min(...sizes)).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThan(80);
  });

  it('is in range for any id', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (id) => {
        const p = bucketOf('positions', id);
        const s = bucketOf('structures', id);
        return Number.isInteger(p) && p >= 0 && p < 256 && Number.isInteger(s) && s >= 0 && s < 64;
      }),
    );
  });

  it('packs records with their list places and reads them back in that order', () => {
    const list = ['z', 'a', 'p-a', 'p-438', 'm'].map((id) => position({ id }));
    const rows = packRecords('positions', 'sc', list);
    expect(rows.find((r) => r.bucket === 5)?.records.map((r) => [r.id, r.order])).toEqual([
      ['p-a', 2],
      ['p-438', 3],
    ]);
    expect(recordsInOrder<Position>([...rows].reverse()).map((p) => p.id)).toEqual([
      'z',
      'a',
      'p-a',
      'p-438',
      'm',
    ]);
  });
});

type Step =
  | { kind: 'create'; ids: number[] }
  | { kind: 'edit'; at: number; notes: string }
  | { kind: 'delete'; at: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    ids: fc.uniqueArray(fc.nat(2_000), { minLength: 1, maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), notes: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

/** The ops of a step against the list as it is (ids already there are skipped: they would be edits). */
function opsOf(step: Step, list: readonly Position[]): Op[] {
  if (step.kind === 'create') {
    const taken = new Set(list.map((p) => p.id));
    return step.ids
      .map((n) => `q-${n}`)
      .filter((id) => !taken.has(id))
      .map((id): Op => ({ entity: 'position', id, before: null, after: position({ id, notes: id }) }));
  }
  const target = list[step.at % Math.max(list.length, 1)];
  if (!target) return [];
  if (step.kind === 'edit') {
    return [{ entity: 'position', id: target.id, before: target, after: { ...target, notes: step.notes } }];
  }
  return [{ entity: 'position', id: target.id, before: target, after: null }];
}

/** What the list must be after the ops: creations at the end, edits in place, deletions removed. */
function expected(list: readonly Position[], ops: readonly Op[]): Position[] {
  let next = [...list];
  for (const op of ops) {
    if (op.entity !== 'position') continue;
    if (!op.before && op.after) next.push(op.after);
    else if (op.after) next = next.map((p) => (p.id === op.id ? op.after! : p));
    else next = next.filter((p) => p.id !== op.id);
  }
  return next;
}

const byId = (list: readonly Position[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

let db: PlannerDb;
afterEach(() => db?.close());

describe('records in buckets through applyChange and undo', () => {
  it('read back as the list a person made (and as memory applies the same ops), counted right, and undo back to each earlier list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        db?.close();
        db = await openTestDb();
        await createScenario(db, sampleScenario(), { who: WHO, source: 'demo', label: 'Démonstration' });
        let shown = (await loadScenario(db, 'sc')) as Scenario;
        const lists: Position[][] = [[...shown.positions]];
        for (const [i, step] of steps.entries()) {
          const current = lists[lists.length - 1]!;
          const ops = opsOf(step, current);
          if (ops.length === 0) continue;
          await applyChange(db, { scenarioId: 'sc', ops, who: WHO, source: 'grid', label: `Étape ${i}` });
          const want = expected(current, ops);
          expect((await loadScenario(db, 'sc'))?.positions).toEqual(want);
          // The same ops applied in memory by the same applier give the same list.
          shown = applyOps(shown, ops);
          expect(shown.positions).toEqual(want);
          // An edit to the value already stored changes nothing and pushes no undo entry.
          if (JSON.stringify(want) !== JSON.stringify(current)) lists.push(want);
        }
        const last = lists[lists.length - 1]!;
        expect((await listScenarios(db))[0]?.positionCount).toBe(last.length);
        expect(await storedCount(db, 'positions', 'sc')).toBe(last.length);
        for (let i = lists.length - 2; i >= 0; i--) {
          const undone = await undo(db, 'sc', WHO);
          expect((await loadScenario(db, 'sc'))?.positions).toEqual(lists[i]);
          // In memory too, but a record brought back goes to the end there (storage keeps its place).
          shown = applyOps(shown, undone?.ops ?? []);
          expect(byId(shown.positions)).toEqual(byId(lists[i]!));
          expect((await listScenarios(db))[0]?.positionCount).toBe(lists[i]!.length);
        }
      }),
      { numRuns: 25 },
    );
  });
});
