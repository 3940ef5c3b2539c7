// applyChange: records, change log and undo entry in one transaction; a failure writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import { applyChange } from '../../src/storage/changes';
import type { PlannerDb } from '../../src/storage/db';
import { QUOTA_MESSAGE, StorageError } from '../../src/storage/errors';
import { historyState } from '../../src/storage/history';
import { createScenario, loadScenario } from '../../src/storage/scenarios';
import { recentChanges } from '../../src/storage/change-log';
import type { Op } from '../../src/domain/ops';
import { openTestDb, position, sampleScenario, structure, WHO } from './helpers';

let db: PlannerDb;
afterEach(() => db?.close());

async function seeded(): Promise<PlannerDb> {
  db = await openTestDb();
  await createScenario(db, sampleScenario(), { who: 'Démo', source: 'demo', label: 'Démonstration' });
  return db;
}

const p1 = position({
  id: 'p1',
  stateAmount: 2_799_999 as Cents,
  conventionStart: null,
  conventionEnd: null,
});

function edit(changes: Partial<typeof p1>): Op {
  return { entity: 'position', id: 'p1', before: p1, after: { ...p1, ...changes } };
}

/** Everything a failed change must leave untouched. */
async function snapshot(db: PlannerDb) {
  return {
    positions: await db.positionBuckets.toArray(),
    structures: await db.structureBuckets.toArray(),
    scenarios: await db.scenarios.toArray(),
    changes: await db.changes.toArray(),
    history: await db.history.toArray(),
  };
}

describe('applyChange', () => {
  it('writes the position, one change-log row per field (old → new, who, source) and one undo entry', async () => {
    await seeded();
    const result = await applyChange(db, {
      scenarioId: 'sc',
      ops: [edit({ stateAmount: 2_800_000 as Cents, notes: 'Avenant 2' })],
      label: 'Modification du poste p1',
      who: WHO,
      source: 'grid',
    });
    expect((await loadScenario(db, 'sc'))?.positions[2]).toEqual({
      ...p1,
      stateAmount: 2_800_000,
      notes: 'Avenant 2',
    });
    const rows = await recentChanges(db, 'sc', 2);
    expect(rows.map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ['notes', '', 'Avenant 2'],
      ['stateAmount', 2_799_999, 2_800_000],
    ]);
    expect(rows[0]).toMatchObject({ who: WHO, source: 'grid', entity: 'position', entityId: 'p1' });
    expect(rows[0]?.batchId).toBe(result.batchId);
    expect(result.seq).toBe(rows[0]?.seq);
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: 'Modification du poste p1', redoLabel: null });
    expect((await loadScenario(db, 'sc'))?.updatedAt).not.toBe('2026-11-22T00:00:00.000Z');
  });

  it('logs a creation and a deletion as one `*` row holding the record', async () => {
    await seeded();
    const created = position({ id: 'p4', stateAmount: 1_234_567 as Cents });
    const src = { scenarioId: 'sc', who: WHO, source: 'grid', label: 'Ajout' } as const;
    await applyChange(db, { ...src, ops: [{ entity: 'position', id: 'p4', before: null, after: created }] });
    await applyChange(db, { ...src, ops: [{ entity: 'position', id: 'p4', before: created, after: null }] });
    const rows = await recentChanges(db, 'sc', 2);
    expect(rows.map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ['*', created, null],
      ['*', null, created],
    ]);
  });

  it('appends a new position after the others (order max + 1) and keeps it there after reload', async () => {
    await seeded();
    const ops: Op[] = [
      { entity: 'position', id: 'a0', before: null, after: position({ id: 'a0' }) },
      { entity: 'position', id: 'a1', before: null, after: position({ id: 'a1' }) },
    ];
    await applyChange(db, { scenarioId: 'sc', ops, who: WHO, source: 'paste', label: 'Collage de 2 lignes' });
    expect((await loadScenario(db, 'sc'))?.positions.map((p) => p.id)).toEqual([
      'p10',
      'p2',
      'p1',
      'a0',
      'a1',
    ]);
  });

  it('updates regions, campaign and name on the scenario row', async () => {
    await seeded();
    const before = (await loadScenario(db, 'sc'))!;
    const region = before.regions.find((r) => r.regionCode === '76')!;
    const ops: Op[] = [
      { entity: 'region', id: '76', before: region, after: { ...region, envelope: 40_000_000 as Cents } },
      {
        entity: 'campaign',
        id: before.campaign.id,
        before: before.campaign,
        after: { ...before.campaign, label: 'AAP' },
      },
      { entity: 'scenarioName', id: 'sc', before: 'Test', after: 'Répartition B' },
    ];
    await applyChange(db, { scenarioId: 'sc', ops, who: WHO, source: 'allocation', label: 'Répartition' });
    const after = (await loadScenario(db, 'sc'))!;
    expect(after.regions.find((r) => r.regionCode === '76')?.envelope).toBe(40_000_000);
    expect(after.regions.map((r) => r.regionCode)).toEqual(before.regions.map((r) => r.regionCode));
    expect(after.campaign.label).toBe('AAP');
    expect(after.name).toBe('Répartition B');
    const rows = await recentChanges(db, 'sc', 3);
    expect(rows.map((r) => [r.entity, r.entityId, r.field])).toEqual([
      ['scenario', 'sc', 'name'],
      ['campaign', 'aap-2026', 'label'],
      ['region', '76', 'envelope'],
    ]);
  });

  it('writes nothing and pushes no undo entry when the value is unchanged', async () => {
    await seeded();
    const before = await snapshot(db);
    const result = await applyChange(db, {
      scenarioId: 'sc',
      ops: [edit({})],
      who: WHO,
      source: 'grid',
      label: 'x',
    });
    expect(result).toMatchObject({ seq: null, ops: [] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects an unknown scenario and an op whose id does not match its record, writing nothing', async () => {
    await seeded();
    const before = await snapshot(db);
    const unknown = applyChange(db, {
      scenarioId: 'zz',
      ops: [edit({})],
      who: WHO,
      source: 'grid',
      label: 'x',
    });
    await expect(unknown).rejects.toThrow("Scénario introuvable (« zz ») : rien n'a été enregistré.");
    const bad: Op = { entity: 'position', id: 'p2', before: null, after: position({ id: 'p9' }) };
    const mismatch = applyChange(db, {
      scenarioId: 'sc',
      ops: [edit({ fte: 50 as never }), bad],
      who: WHO,
      source: 'grid',
      label: 'x',
    });
    await expect(mismatch).rejects.toMatchObject({ name: 'StorageError', code: 'invalid' });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('applyChange when the disk is full', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const ops: Op[] = [
    edit({ stateAmount: 1 as Cents }),
    { entity: 'position', id: 'p5', before: null, after: position({ id: 'p5' }) },
  ];

  it('leaves positions, change log and history untouched when a write after the positions fails', async () => {
    await seeded();
    await applyChange(db, {
      scenarioId: 'sc',
      ops: [edit({ notes: 'avant' })],
      who: WHO,
      source: 'grid',
      label: 'a',
    });
    const before = await snapshot(db);
    // The new structure's bucket may exist already (a put that updates it) or not (a put that creates it).
    const fail = () => {
      throw quota();
    };
    db.structureBuckets.hook('creating', fail);
    db.structureBuckets.hook('updating', fail);
    const withStructure: Op[] = [
      ...ops,
      { entity: 'structure', id: 's5', before: null, after: structure({ id: 's5' }) },
    ];
    const change = { scenarioId: 'sc', ops: withStructure, who: WHO, source: 'paste', label: 'b' } as const;
    const error = await applyChange(db, change).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'quota', message: QUOTA_MESSAGE });
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back the records already written when the undo entry cannot be stored', async () => {
    await seeded();
    const before = await snapshot(db);
    db.history.hook('creating', () => {
      throw quota();
    });
    await expect(
      applyChange(db, { scenarioId: 'sc', ops, who: WHO, source: 'paste', label: 'b' }),
    ).rejects.toThrow(QUOTA_MESSAGE);
    expect(await snapshot(db)).toEqual(before);
  });

  it('says "Échec de l\'enregistrement" with the cause for any other failure', async () => {
    await seeded();
    const before = await snapshot(db);
    db.changes.hook('creating', () => {
      throw new TypeError('valeur impossible à copier');
    });
    await expect(
      applyChange(db, { scenarioId: 'sc', ops, who: WHO, source: 'grid', label: 'b' }),
    ).rejects.toThrow("Échec de l'enregistrement : valeur impossible à copier");
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('applyChange returns the undo/redo labels it leaves', () => {
  it('gives the labels historyState reads back, null when the stack did not change', async () => {
    await seeded();
    const first = await applyChange(db, {
      scenarioId: 'sc',
      ops: [edit({ notes: 'a' })],
      who: WHO,
      source: 'grid',
      label: 'Première',
    });
    expect(first.history).toEqual({ undoLabel: 'Première', redoLabel: null });
    expect(first.history).toEqual(await historyState(db, 'sc'));
    // A second part of the same batch extends the first entry: its label stays.
    const part = await applyChange(db, {
      scenarioId: 'sc',
      ops: [edit({ notes: 'b' })],
      who: WHO,
      source: 'grid',
      label: 'Suite',
      batchId: first.batchId,
    });
    expect(part.history).toEqual({ undoLabel: 'Première', redoLabel: null });
    expect(part.history).toEqual(await historyState(db, 'sc'));
    const current = (await loadScenario(db, 'sc'))!.positions.find((p) => p.id === 'p1')!;
    const same = await applyChange(db, {
      scenarioId: 'sc',
      ops: [{ entity: 'position', id: 'p1', before: current, after: current }],
      who: WHO,
      source: 'grid',
      label: 'Rien',
    });
    expect(same.history).toBeNull();
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: 'Première', redoLabel: null });
  });
});
