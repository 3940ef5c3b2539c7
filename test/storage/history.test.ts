// Undo/redo kept in IndexedDB: exact records back, redo dropped by a new change, 200 entries, survives reload.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import type { Scenario } from '../../src/domain/types';
import { applyChange, type ChangeInput } from '../../src/storage/changes';
import type { PlannerDb } from '../../src/storage/db';
import { HISTORY_LIMIT, historyState, redo, undo } from '../../src/storage/history';
import { createScenario, loadScenario } from '../../src/storage/scenarios';
import { recentChanges } from '../../src/storage/change-log';
import type { Op } from '../../src/domain/ops';
import { openTestDb, position, sampleScenario, uniqueDbName, WHO } from './helpers';

let db: PlannerDb;
afterEach(() => db?.close());

async function seeded(name?: string): Promise<Scenario> {
  db = await openTestDb(name);
  await createScenario(db, sampleScenario(), { who: 'Démo', source: 'demo', label: 'Démonstration' });
  return (await loadScenario(db, 'sc'))!;
}

function change(ops: Op[], label: string): ChangeInput {
  return { scenarioId: 'sc', ops, label, who: WHO, source: 'grid' };
}

function contentOf(scenario: Scenario) {
  const { updatedAt: _u, ...rest } = scenario;
  return rest;
}

/** The scenario content, without the updatedAt that every write bumps. */
async function content() {
  return contentOf((await loadScenario(db, 'sc'))!);
}

describe('undo / redo', () => {
  it('undoes and redoes a creation, an edit and a deletion, restoring exact records and their places', async () => {
    const start = await seeded();
    const [p10, p2] = start.positions;
    const created = position({ id: 'p7', stateAmount: 1_111_111 as Cents });
    const steps: Array<[Op, string]> = [
      [{ entity: 'position', id: 'p7', before: null, after: created }, 'Ajout du poste p7'],
      [{ entity: 'position', id: 'p10', before: p10!, after: { ...p10!, coFundings: [] } }, 'Cofinancements'],
      [{ entity: 'position', id: 'p2', before: p2!, after: null }, 'Suppression du poste p2'],
    ];
    const states = [await content()];
    for (const [op, label] of steps) {
      await applyChange(db, change([op], label));
      states.push(await content());
    }
    expect(states[3]?.positions.map((p) => p.id)).toEqual(['p10', 'p1', 'p7']);
    for (let i = 3; i > 0; i--) {
      expect(await historyState(db, 'sc')).toMatchObject({ undoLabel: steps[i - 1]?.[1] });
      await undo(db, 'sc', WHO);
      expect(await content()).toEqual(states[i - 1]);
    }
    expect(await undo(db, 'sc', WHO)).toBeNull();
    for (let i = 1; i <= 3; i++) {
      expect(await historyState(db, 'sc')).toMatchObject({ redoLabel: steps[i - 1]?.[1] });
      await redo(db, 'sc', WHO);
      expect(await content()).toEqual(states[i]);
    }
    expect(await redo(db, 'sc', WHO)).toBeNull();
  });

  it('returns the ops applied and logs them with source undo / redo', async () => {
    const start = await seeded();
    const p1 = start.positions[2]!;
    const edited = { ...p1, fte: 50 as never };
    await applyChange(db, change([{ entity: 'position', id: 'p1', before: p1, after: edited }], 'ETP'));
    const undone = await undo(db, 'sc', WHO);
    expect(undone?.ops).toEqual([
      expect.objectContaining({ entity: 'position', id: 'p1', before: edited, after: p1 }),
    ]);
    await redo(db, 'sc', 'Autre personne');
    const rows = await recentChanges(db, 'sc', 2);
    expect(rows.map((r) => [r.source, r.who, r.field, r.oldValue, r.newValue, r.label])).toEqual([
      ['redo', 'Autre personne', 'fte', 100, 50, 'Rétablissement : ETP'],
      ['undo', WHO, 'fte', 50, 100, 'Annulation : ETP'],
    ]);
  });

  it('restores a deleted region at its place in the list', async () => {
    const start = await seeded();
    const region = start.regions[3]!;
    await applyChange(
      db,
      change([{ entity: 'region', id: region.regionCode, before: region, after: null }], 'R'),
    );
    expect((await content()).regions).toHaveLength(start.regions.length - 1);
    await undo(db, 'sc', WHO);
    expect((await content()).regions).toEqual(start.regions);
  });

  it('drops the redo stack when a new change arrives after an undo', async () => {
    const start = await seeded();
    const p1 = start.positions[2]!;
    const op = (from: string, to: string): Op => ({
      entity: 'position',
      id: 'p1',
      before: { ...p1, notes: from },
      after: { ...p1, notes: to },
    });
    await applyChange(db, change([op('', 'un')], 'Un'));
    await applyChange(db, change([op('un', 'deux')], 'Deux'));
    await undo(db, 'sc', WHO);
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: 'Un', redoLabel: 'Deux' });
    await applyChange(db, change([op('un', 'trois')], 'Trois'));
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: 'Trois', redoLabel: null });
    expect(await redo(db, 'sc', WHO)).toBeNull();
    expect(await db.history.count()).toBe(2);
  });

  it(`keeps the ${HISTORY_LIMIT} newest entries of a scenario`, async () => {
    const start = await seeded();
    const p1 = start.positions[2]!;
    let previous = p1;
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) {
      const next = { ...p1, notes: `n${i}` };
      await applyChange(
        db,
        change([{ entity: 'position', id: 'p1', before: previous, after: next }], `Étape ${i}`),
      );
      previous = next;
    }
    const entries = await db.history.where('scenarioId').equals('sc').toArray();
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]?.label).toBe('Étape 6');
    for (let i = 0; i < HISTORY_LIMIT; i++) await undo(db, 'sc', WHO);
    expect(await undo(db, 'sc', WHO)).toBeNull();
    expect((await content()).positions[2]?.notes).toBe('n5');
  }, 30_000);

  it('survives closing and reopening the database', async () => {
    const name = uniqueDbName('reload');
    const start = await seeded(name);
    const p1 = start.positions[2]!;
    await applyChange(
      db,
      change([{ entity: 'position', id: 'p1', before: p1, after: { ...p1, notes: 'x' } }], 'Note'),
    );
    db.close();
    db = await openTestDb(name);
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: 'Note', redoLabel: null });
    await undo(db, 'sc', WHO);
    expect((await content()).positions[2]).toEqual(p1);
  });

  it('extends the newest entry when a change reuses its batchId (one undo step)', async () => {
    const start = await seeded();
    const [p10, , p1] = start.positions;
    const first = await applyChange(
      db,
      change([{ entity: 'position', id: 'p1', before: p1!, after: null }], 'Lot'),
    );
    await applyChange(db, {
      ...change([{ entity: 'position', id: 'p10', before: p10!, after: null }], 'Lot'),
      batchId: first.batchId,
    });
    expect((await content()).positions.map((p) => p.id)).toEqual(['p2']);
    await undo(db, 'sc', WHO);
    expect(await content()).toEqual(contentOf(start));
    expect(await historyState(db, 'sc')).toEqual({ undoLabel: null, redoLabel: 'Lot' });
  });
});
