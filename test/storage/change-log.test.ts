// The change log is stored packed (several changes of one batch per IndexedDB row, schema version 2) and read
// unpacked: one row per change, in the order written, whatever the size of the batch.
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEverything, restoreEverything } from '../../src/storage/backup';
import { bucketOf, type RecordKind } from '../../src/storage/buckets';
import { applyChange } from '../../src/storage/changes';
import { packChangeRows, recentChanges, unpackChangeRow } from '../../src/storage/change-log';
import type { PlannerDb } from '../../src/storage/db';
import type { Op } from '../../src/domain/ops';
import type { ChangeRow } from '../../src/storage/rows';
import { createScenario } from '../../src/storage/scenarios';
import { batchChanges, openTestDb, position, sampleScenario, structure, WHO } from './helpers';

let db: PlannerDb;
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
});

async function seeded(): Promise<PlannerDb> {
  db = await openTestDb();
  await createScenario(
    db,
    { ...sampleScenario(), positions: [] },
    { who: WHO, source: 'demo', label: 'Démo' },
  );
  return db;
}

const created = (n: number, prefix = 'n'): Op[] =>
  Array.from({ length: n }, (_, i): Op => {
    const p = position({ id: `${prefix}${i}` });
    return { entity: 'position', id: p.id, before: null, after: p };
  });

const importOf = (ops: Op[]) =>
  applyChange(db, { scenarioId: 'sc', ops, label: 'Import', who: WHO, source: 'import' });

describe('change log of a large batch', () => {
  it('stores 1 201 changes in 3 rows and reads them back one per change, newest first', async () => {
    await seeded();
    const before = await db.changes.count();
    const ops = created(1_201);
    const result = await importOf(ops);
    expect(await db.changes.count()).toBe(before + 3); // 500 + 500 + 201
    expect(result.seq).toBe((await db.changes.orderBy('seq').last())?.seq);

    const log = await recentChanges(db, 'sc', 5_000);
    const mine = log.filter((r) => r.batchId === result.batchId);
    expect(mine.map((r) => r.entityId)).toEqual(ops.map((o) => o.id).reverse());
    expect(mine.every((r) => r.field === '*' && r.oldValue === null && r.who === WHO)).toBe(true);
    expect(mine[0]?.newValue).toEqual(ops[1_200]?.after);
    expect(new Set(log.map((r) => `${r.seq}:${r.part}`)).size).toBe(log.length);

    expect((await batchChanges(db, result.batchId)).map((r) => r.entityId)).toEqual(ops.map((o) => o.id));
  });

  it('returns exactly the newest `limit` changes, across stored rows', async () => {
    await seeded();
    await importOf(created(700, 'a'));
    await applyChange(db, {
      scenarioId: 'sc',
      ops: created(3, 'b'),
      label: 'Ajout',
      who: WHO,
      source: 'grid',
    });
    const all = await recentChanges(db, 'sc', 10_000);
    for (const limit of [1, 3, 4, 200, 203, 204, 703]) {
      expect(await recentChanges(db, 'sc', limit)).toEqual(all.slice(0, limit));
    }
    expect(all.slice(0, 4).map((r) => r.entityId)).toEqual(['b2', 'b1', 'b0', 'a699']);
    expect(await recentChanges(db, 'sc', 0)).toEqual([]);
  });

  it('writes an import with one request per bucket it touches and a few more (not one per record or change)', async () => {
    await seeded();
    const structures = Array.from({ length: 40 }, (_, i) => structure({ id: `st${i}` }));
    const ops: Op[] = [
      ...structures.map((s): Op => ({ entity: 'structure', id: s.id, before: null, after: s })),
      ...created(2_000),
    ];
    const writes = [vi.spyOn(IDBObjectStore.prototype, 'put'), vi.spyOn(IDBObjectStore.prototype, 'add')];
    await importOf(ops);
    const total = writes.reduce((n, spy) => n + spy.mock.calls.length, 0);
    const buckets = (kind: RecordKind, ids: string[]) => new Set(ids.map((id) => bucketOf(kind, id))).size;
    const positionIds = ops.filter((op) => op.entity === 'position').map((op) => op.id);
    const touched =
      buckets(
        'structures',
        structures.map((s) => s.id),
      ) + buckets('positions', positionIds);
    // The buckets of the 2 040 records, the scenario (updatedAt), 5 change-log rows, the undo entry.
    expect(total).toBe(touched + 1 + 5 + 1);
  });
});

describe('packing', () => {
  const row = (batchId: string, entityId: string, extra: Partial<ChangeRow> = {}): ChangeRow => ({
    scenarioId: 'sc',
    batchId,
    at: '2026-10-03T10:00:00.000Z',
    who: WHO,
    source: 'grid',
    entity: 'position',
    entityId,
    field: 'notes',
    oldValue: 'a',
    newValue: 'b',
    label: 'Modification',
    ...extra,
  });

  it('packs consecutive rows of one batch only, and unpacks them in order', () => {
    const rows = [
      row('b1', 'p1'),
      row('b1', 'p2'),
      row('b2', 'p3'),
      row('b1', 'p4'),
      row('b1', 'p5', { who: 'X' }),
    ];
    const stored = packChangeRows(rows);
    expect(stored.map((s) => [s.batchId, s.entityId, s.more?.map((m) => m.entityId)])).toEqual([
      ['b1', 'p1', ['p2']],
      ['b2', 'p3', undefined],
      ['b1', 'p4', undefined],
      ['b1', 'p5', undefined],
    ]);
    expect(stored.flatMap(unpackChangeRow).map(({ part: _part, ...r }) => r)).toEqual(rows);
  });

  it('reads a version-1 row (no `more`) as one change', () => {
    const v1 = { seq: 7, ...row('b1', 'p1') };
    expect(unpackChangeRow(v1)).toEqual([{ ...v1, part: 0 }]);
  });

  it('survives a backup and a restore row for row', async () => {
    await seeded();
    await importOf(created(1_100));
    await applyChange(db, {
      scenarioId: 'sc',
      ops: created(2, 'x'),
      label: 'Ajout',
      who: WHO,
      source: 'grid',
    });
    const saved = await readEverything(db);
    expect(saved.changes.length).toBeGreaterThanOrEqual(1_102);
    await restoreEverything(db, saved, WHO);
    expect(await db.changes.count()).toBeLessThan(10);
    const again = await readEverything(db);
    expect(again.changes.slice(0, saved.changes.length)).toEqual(saved.changes);
  });
});
