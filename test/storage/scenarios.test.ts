// Whole scenarios: create/load round trip, list, replace (imports, demo reset) and delete, each atomic.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import type { PlannerDb } from '../../src/storage/db';
import { StorageError } from '../../src/storage/errors';
import { historyState, undo } from '../../src/storage/history';
import {
  createScenario,
  deleteScenario,
  listScenarios,
  loadScenario,
  replaceScenario,
} from '../../src/storage/scenarios';
import { recentChanges } from '../../src/storage/change-log';
import { openTestDb, position, sampleScenario, storedCount, structure, WHO } from './helpers';

const CREATE = { who: WHO, source: 'scenario', label: 'Création du scénario' } as const;

let db: PlannerDb;
afterEach(() => db?.close());

describe('createScenario / loadScenario', () => {
  it('gives back the same scenario: cents exact, co-fundings, positions and structures in their order', async () => {
    db = await openTestDb();
    const original = sampleScenario();
    await createScenario(db, original, CREATE);
    const loaded = await loadScenario(db, original.id);
    expect(loaded).toEqual(original);
    expect(loaded?.positions.map((p) => p.id)).toEqual(['p10', 'p2', 'p1']);
    expect(loaded?.structures.map((s) => s.id)).toEqual(['s9', 's2', 's1']);
    expect(loaded?.positions[0]?.coFundings.map((c) => c.amount)).toEqual([1_000_001, 237_037]);
    expect(loaded?.positions[2]?.stateAmount).toBe(2_799_999);
  });

  it('logs one scenario row, not one per position, and pushes no undo entry', async () => {
    db = await openTestDb();
    await createScenario(db, sampleScenario(), CREATE);
    const rows = await recentChanges(db, 'sc', 10);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'scenario',
      entityId: 'sc',
      field: '*',
      oldValue: null,
      who: WHO,
    });
    expect(rows[0]?.newValue).toMatchObject({ positionCount: 3, structureCount: 3 });
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: null, redoLabel: null });
  });

  it('keeps the same position id apart in two scenarios (buckets keyed [scenarioId+bucket])', async () => {
    db = await openTestDb();
    await createScenario(db, sampleScenario('a'), CREATE);
    const b = sampleScenario('b');
    await createScenario(db, { ...b, positions: [position({ id: 'p1', stateAmount: 1 as Cents })] }, CREATE);
    expect((await loadScenario(db, 'a'))?.positions.find((p) => p.id === 'p1')?.stateAmount).toBe(2_799_999);
    expect((await loadScenario(db, 'b'))?.positions).toEqual([
      position({ id: 'p1', stateAmount: 1 as Cents }),
    ]);
  });

  it('refuses an id already taken, and a duplicate position id, writing nothing', async () => {
    db = await openTestDb();
    await createScenario(db, sampleScenario(), CREATE);
    await expect(createScenario(db, { ...sampleScenario(), name: 'Autre' }, CREATE)).rejects.toThrow(
      "Un scénario existe déjà avec l'identifiant « sc ».",
    );
    const dup = { ...sampleScenario('dup'), positions: [position({ id: 'x' }), position({ id: 'x' })] };
    const error = await createScenario(db, dup, CREATE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe(
      "Identifiant de poste en double (« x ») : rien n'a été enregistré.",
    );
    expect(await loadScenario(db, 'dup')).toBeUndefined();
    expect((await loadScenario(db, 'sc'))?.name).toBe('Test');
  });

  it('returns undefined for an unknown scenario', async () => {
    db = await openTestDb();
    expect(await loadScenario(db, 'nope')).toBeUndefined();
  });
});

describe('listScenarios', () => {
  it('lists id, name, updatedAt and position count, by name', async () => {
    db = await openTestDb();
    await createScenario(db, { ...sampleScenario('z'), name: 'Variante' }, CREATE);
    await createScenario(db, { ...sampleScenario('a'), name: 'Base', positions: [] }, CREATE);
    const list = await listScenarios(db);
    expect(list.map((s) => [s.id, s.name, s.positionCount])).toEqual([
      ['a', 'Base', 0],
      ['z', 'Variante', 3],
    ]);
    expect(list[0]?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('replaceScenario', () => {
  it('replaces structures, positions, regions and name at once, logs the differences, and undoes as one', async () => {
    db = await openTestDb();
    const original = sampleScenario();
    await createScenario(db, original, CREATE);
    const next = {
      ...original,
      name: 'Import Occitanie',
      regions: [...original.regions].reverse().slice(1),
      structures: [structure({ id: 's1' }), structure({ id: 's3', name: 'NOUVELLE' })],
      positions: [position({ id: 'p1', stateAmount: 1_500_000 as Cents }), position({ id: 'p3' })],
    };
    const result = await replaceScenario(db, next, {
      who: WHO,
      source: 'import',
      label: 'Import de test.xlsx',
    });
    expect(await loadScenario(db, 'sc')).toEqual({ ...next, updatedAt: expect.any(String) });
    const log = await recentChanges(db, 'sc', 100);
    expect(log.filter((r) => r.batchId === result.batchId && r.entity === 'position')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityId: 'p1',
          field: 'stateAmount',
          oldValue: 2_799_999,
          newValue: 1_500_000,
        }),
        expect.objectContaining({ entityId: 'p10', field: '*', newValue: null }),
        expect.objectContaining({ entityId: 'p3', field: '*', oldValue: null }),
      ]),
    );
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: 'Import de test.xlsx', redoLabel: null });
    await undo(db, 'sc', WHO);
    expect(await loadScenario(db, 'sc')).toEqual({ ...original, updatedAt: expect.any(String) });
  });

  it('writes nothing when the content is the same', async () => {
    db = await openTestDb();
    await createScenario(db, sampleScenario(), CREATE);
    const result = await replaceScenario(db, sampleScenario(), {
      who: WHO,
      source: 'import',
      label: 'Import',
    });
    expect(result.ops).toEqual([]);
    expect(result.seq).toBeNull();
    expect(await recentChanges(db, 'sc', 10)).toHaveLength(1);
  });

  it('clears the undo stack when the demo is reset (source demo: not undoable)', async () => {
    db = await openTestDb();
    const original = sampleScenario();
    await createScenario(db, original, CREATE);
    await replaceScenario(
      db,
      { ...original, name: 'Étape' },
      { who: WHO, source: 'grid', label: 'Renommer' },
    );
    await replaceScenario(
      db,
      { ...original, positions: [] },
      { who: WHO, source: 'demo', label: 'Vider la démo' },
    );
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: null, redoLabel: null });
    expect((await loadScenario(db, 'sc'))?.positions).toEqual([]);
  });

  it('creates the scenario when it does not exist', async () => {
    db = await openTestDb();
    await replaceScenario(db, sampleScenario('new'), { who: WHO, source: 'restore', label: 'Restauration' });
    expect(await loadScenario(db, 'new')).toEqual(sampleScenario('new'));
  });
});

describe('deleteScenario', () => {
  it('removes the scenario, its rows and its undo stack, keeps the change log', async () => {
    db = await openTestDb();
    await createScenario(db, sampleScenario('a'), CREATE);
    await createScenario(db, sampleScenario('b'), CREATE);
    const info = { who: WHO, source: 'scenario', label: 'Suppression du scénario' } as const;
    expect(await deleteScenario(db, 'a', info)).toBe(true);
    expect(await loadScenario(db, 'a')).toBeUndefined();
    expect(await storedCount(db, 'positions', 'a')).toBe(0);
    expect(await storedCount(db, 'structures', 'a')).toBe(0);
    expect(await storedCount(db, 'positions', 'b')).toBe(3);
    expect((await loadScenario(db, 'b'))?.positions).toHaveLength(3);
    const log = await recentChanges(db, 'a', 10);
    expect(log[0]).toMatchObject({ field: '*', newValue: null, label: 'Suppression du scénario' });
    expect(await deleteScenario(db, 'a', info)).toBe(false);
  });
});
