// Data written by each schema version must open, unchanged in meaning, with the current schema.
// Adding schema version N+1: add fixtures/vN+1-rows.ts (rows as N+1 stores them) and copy the
// "written by version 1" block below for version N+1; then change the expectations of the older blocks
// only where the upgrade is meant to change what the app reads.
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types';
import type { PlannerDb } from '../../src/storage/db';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../src/storage/migrations';
import { applyChange } from '../../src/storage/changes';
import { recentChanges } from '../../src/storage/change-log';
import { readEverything } from '../../src/storage/backup';
import { historyState, undo } from '../../src/storage/history';
import { getMeta } from '../../src/storage/meta';
import { listScenarios, loadScenario } from '../../src/storage/scenarios';
import { V1_ROWS } from './fixtures/v1-rows';
import { V2_ROWS } from './fixtures/v2-rows';
import { V3_ROWS } from './fixtures/v3-rows';
import { batchChanges, position, storedRecord, uniqueDbName } from './helpers';
import { openCurrent, writeWithVersion, type RawRows } from './upgrade-harness';

/** One fixture per declared version: a new version without one fails here. */
const ROWS_BY_VERSION: Record<number, RawRows> = { 1: V1_ROWS, 2: V2_ROWS, 3: V3_ROWS };

let db: PlannerDb;
afterEach(() => db?.close());

describe('schema versions', () => {
  it('are increasing integers ending at SCHEMA_VERSION, each with a fixture of its rows', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.every(Number.isInteger)).toBe(true);
    expect(versions[versions.length - 1]).toBe(SCHEMA_VERSION);
    expect(Object.keys(ROWS_BY_VERSION).map(Number)).toEqual(versions);
  });
});

describe('written by version 1, opened with the current schema', () => {
  async function upgraded(): Promise<PlannerDb> {
    const name = uniqueDbName('v1');
    await writeWithVersion(name, 1, V1_ROWS);
    db = await openCurrent(name);
    return db;
  }

  it('reads the scenario with exact cents, co-fundings and the stored order', async () => {
    await upgraded();
    const scenario = (await loadScenario(db, 'sc-v1')) as Scenario;
    expect(scenario.name).toBe('Campagne 2026');
    expect(scenario.campaign.nationalEnvelope).toBe(470_000_000);
    expect(scenario.campaign.rules.maxStateRate).toBe(7000);
    expect(scenario.regions).toEqual([
      { regionCode: '84', envelope: 56_000_000, fteTarget: null },
      { regionCode: '76', envelope: 37_000_000, fteTarget: 1250 },
    ]);
    expect(scenario.structures.map((s) => s.id)).toEqual(['s-gard', 's-ain']);
    expect(scenario.positions.map((p) => p.id)).toEqual(['p-a', 'p-b']);
    const b = scenario.positions[1]!;
    expect([b.fte, b.annualCost, b.stateAmount, b.whiteZone, b.purpose]).toEqual([
      80,
      5_234_567,
      3_664_196,
      true,
      'consolidation',
    ]);
    expect(b.coFundings.map((c) => [c.category, c.amount])).toEqual([
      ['localAuthority', 1_070_371],
      ['esfPlus', 500_000],
    ]);
    expect(scenario.createdAt).toBe('2026-10-01T08:00:00.000Z');
  });

  it('keeps the change log, the undo stack and the settings working', async () => {
    await upgraded();
    expect((await recentChanges(db, 'sc-v1', 5))[0]).toMatchObject({
      field: 'notes',
      newValue: 'Avenant n° 2',
    });
    expect(await getMeta<string>(db, 'userName')).toBe('Camille Martin');
    expect(await historyState(db, 'sc-v1')).toEqual({ undoLabel: 'Modification du poste', redoLabel: null });
    await undo(db, 'sc-v1', 'Camille Martin');
    expect((await loadScenario(db, 'sc-v1'))?.positions[1]?.notes).toBe('Avenant n° 1');
  });

  it('appends new positions after the stored ones and continues the change-log sequence', async () => {
    await upgraded();
    const created = position({ id: 'p-new' });
    const result = await applyChange(db, {
      scenarioId: 'sc-v1',
      ops: [{ entity: 'position', id: 'p-new', before: null, after: created }],
      label: 'Ajout',
      who: 'Camille Martin',
      source: 'grid',
    });
    expect(result.seq).toBe(2);
    expect((await loadScenario(db, 'sc-v1'))?.positions.map((p) => p.id)).toEqual(['p-a', 'p-b', 'p-new']);
  });

  it('reads a batch logged row by row (version 1) and the packed rows written after it, newest first', async () => {
    const name = uniqueDbName('v1-log');
    const v1Row = (V1_ROWS.changes ?? [])[0] as Record<string, unknown>;
    const paste = (seq: number, field: string, oldValue: number, newValue: number) => ({
      ...v1Row,
      seq,
      batchId: 'b-paste',
      source: 'paste',
      label: 'Collage de 2 cellules',
      field,
      oldValue,
      newValue,
    });
    await writeWithVersion(name, 1, {
      ...V1_ROWS,
      changes: [v1Row, paste(2, 'fte', 80, 100), paste(3, 'cohort', 2023, 2024)],
    });
    db = await openCurrent(name);
    await applyChange(db, {
      scenarioId: 'sc-v1',
      ops: ['p-x', 'p-y'].map((id) => ({ entity: 'position', id, before: null, after: position({ id }) })),
      label: 'Ajout',
      who: 'Camille Martin',
      source: 'grid',
    });
    const log = await recentChanges(db, 'sc-v1', 10);
    expect(log.map((r) => [r.seq, r.part, r.field, r.entityId])).toEqual([
      [4, 1, '*', 'p-y'],
      [4, 0, '*', 'p-x'],
      [3, 0, 'cohort', 'p-b'],
      [2, 0, 'fte', 'p-b'],
      [1, 0, 'notes', 'p-b'],
    ]);
    expect((await batchChanges(db, 'b-paste')).map((r) => r.field)).toEqual(['fte', 'cohort']);
  });
});

describe('written by version 2, opened with the current schema', () => {
  async function upgraded(): Promise<PlannerDb> {
    const name = uniqueDbName('v2');
    await writeWithVersion(name, 2, V2_ROWS);
    db = await openCurrent(name);
    return db;
  }

  it('reads the scenario and the packed change log, one row per change in the order written', async () => {
    await upgraded();
    const scenario = (await loadScenario(db, 'sc-v2')) as Scenario;
    expect(scenario.positions.map((p) => [p.id, p.notes])).toEqual([
      ['p-a', ''],
      ['p-b', 'Avenant n° 2'],
    ]);
    const log = await recentChanges(db, 'sc-v2', 10);
    expect(log.map((r) => [r.batchId, r.entity, r.entityId, r.field, r.source])).toEqual([
      ['b-edit', 'position', 'p-b', 'notes', 'grid'],
      ['b-import', 'position', 'p-b', '*', 'import'],
      ['b-import', 'position', 'p-a', '*', 'import'],
      ['b-import', 'structure', 's-gard', '*', 'import'],
    ]);
    expect(log[1]).toMatchObject({
      who: 'Camille Martin',
      at: '2026-10-03T10:00:00.000Z',
      label: 'Import de « postes.xlsx » (2 postes)',
      oldValue: null,
      newValue: { id: 'p-b', notes: 'Avenant n° 1' },
    });
    expect((await recentChanges(db, 'sc-v2', 2)).map((r) => r.entityId)).toEqual(['p-b', 'p-b']);
    expect((await batchChanges(db, 'b-import')).map((r) => r.entityId)).toEqual(['s-gard', 'p-a', 'p-b']);
    const backup = await readEverything(db);
    expect(backup.changes).toHaveLength(4);
    expect(backup.changes.every((c) => !('more' in c) && !('seq' in c) && !('part' in c))).toBe(true);
  });

  it('undoes the edit then the packed import', async () => {
    await upgraded();
    expect(await historyState(db, 'sc-v2')).toEqual({ undoLabel: 'Modification du poste', redoLabel: null });
    await undo(db, 'sc-v2', 'Camille Martin');
    expect((await loadScenario(db, 'sc-v2'))?.positions[1]?.notes).toBe('Avenant n° 1');
    await undo(db, 'sc-v2', 'Camille Martin');
    expect((await loadScenario(db, 'sc-v2'))?.positions).toEqual([]);
    expect((await recentChanges(db, 'sc-v2', 3)).map((r) => [r.source, r.entityId, r.newValue])).toEqual([
      ['undo', 's-gard', null],
      ['undo', 'p-a', null],
      ['undo', 'p-b', null],
    ]);
  });
});

describe('written by version 2, upgraded to packed records (version 3)', () => {
  /** Version-2 rows with a gap in the list places (records deleted since): p-b at 5, a third position at 3. */
  async function upgradedWithGap(): Promise<PlannerDb> {
    const name = uniqueDbName('v2-gap');
    const [a, b] = (V2_ROWS.positions ?? []) as Record<string, unknown>[];
    const third = { ...a, id: 'p-c', order: 3, notes: 'troisième' };
    await writeWithVersion(name, 2, { ...V2_ROWS, positions: [a!, { ...b, order: 5 }, third] });
    db = await openCurrent(name);
    return db;
  }

  it('moves every record into its bucket with its place, and drops the one-row-per-record stores', async () => {
    await upgradedWithGap();
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'changes',
      'history',
      'meta',
      'positionBuckets',
      'scenarios',
      'structureBuckets',
    ]);
    expect(await storedRecord(db, 'positions', 'sc-v2', 'p-b')).toMatchObject({
      order: 5,
      notes: 'Avenant n° 2',
    });
    expect(await storedRecord(db, 'structures', 'sc-v2', 's-gard')).toMatchObject({
      order: 0,
      name: 'PLIE DU GARD',
    });
    const scenario = (await loadScenario(db, 'sc-v2')) as Scenario;
    expect(scenario.positions.map((p) => p.id)).toEqual(['p-a', 'p-c', 'p-b']);
    expect(scenario).not.toHaveProperty('stored');
    expect(scenario.positions[0]).not.toHaveProperty('order');
    expect(await listScenarios(db)).toEqual([
      { id: 'sc-v2', name: 'Campagne 2026', updatedAt: '2026-10-03T10:05:00.000Z', positionCount: 3 },
    ]);
  });

  it('keeps a row without a usable place, after the others', async () => {
    const name = uniqueDbName('v2-no-order');
    const [a, b] = (V2_ROWS.positions ?? []) as Record<string, unknown>[];
    const { order: _order, ...withoutOrder } = { ...a!, id: 'p-0', notes: 'sans place' } as Record<
      string,
      unknown
    >;
    await writeWithVersion(name, 2, { ...V2_ROWS, positions: [a!, b!, withoutOrder] });
    db = await openCurrent(name);
    expect((await loadScenario(db, 'sc-v2'))?.positions.map((p) => [p.id, p.notes])).toEqual([
      ['p-a', ''],
      ['p-b', 'Avenant n° 2'],
      ['p-0', 'sans place'],
    ]);
    expect(await storedRecord(db, 'positions', 'sc-v2', 'p-0')).toMatchObject({ order: 2 });
    expect((await listScenarios(db))[0]?.positionCount).toBe(3);
  });

  it('puts a new position after the highest stored place, and undo still finds the records', async () => {
    await upgradedWithGap();
    await applyChange(db, {
      scenarioId: 'sc-v2',
      ops: [{ entity: 'position', id: 'p-new', before: null, after: position({ id: 'p-new' }) }],
      label: 'Ajout',
      who: 'Camille Martin',
      source: 'grid',
    });
    expect(await storedRecord(db, 'positions', 'sc-v2', 'p-new')).toMatchObject({ order: 6 });
    expect((await loadScenario(db, 'sc-v2'))?.positions.map((p) => p.id)).toEqual([
      'p-a',
      'p-c',
      'p-b',
      'p-new',
    ]);
    await undo(db, 'sc-v2', 'Camille Martin');
    await undo(db, 'sc-v2', 'Camille Martin');
    expect((await loadScenario(db, 'sc-v2'))?.positions.find((p) => p.id === 'p-b')?.notes).toBe(
      'Avenant n° 1',
    );
    expect((await listScenarios(db))[0]?.positionCount).toBe(3);
  });
});

describe('written by version 3, opened with the current schema', () => {
  async function opened(): Promise<PlannerDb> {
    const name = uniqueDbName('v3');
    await writeWithVersion(name, 3, V3_ROWS);
    db = await openCurrent(name);
    return db;
  }

  it('reads records of one bucket and of several in their list order, with exact cents', async () => {
    await opened();
    const scenario = (await loadScenario(db, 'sc-v3')) as Scenario;
    expect(scenario.positions.map((p) => [p.id, p.stateAmount, p.notes])).toEqual([
      ['p-a', 2_800_000, ''],
      ['p-b', 3_664_196, 'Avenant n° 2'],
      ['p-438', 2_799_999, 'Zone blanche « Bugey »'],
    ]);
    expect(scenario.structures.map((s) => s.name)).toEqual(['PLIE DU GARD', 'MAISON DE L’EMPLOI DE L’AIN']);
    expect(scenario.regions.map((r) => r.regionCode)).toEqual(['76', '84']);
    expect((await listScenarios(db))[0]?.positionCount).toBe(3);
  });

  it('edits one record of a shared bucket without touching the other, and undoes the stored edit', async () => {
    await opened();
    await applyChange(db, {
      scenarioId: 'sc-v3',
      ops: [
        {
          entity: 'position',
          id: 'p-a',
          before: { ...position({ id: 'p-a' }), notes: '' },
          after: { ...position({ id: 'p-a' }), notes: 'Revu' },
        },
      ],
      label: 'Modification du poste',
      who: 'Camille Martin',
      source: 'grid',
    });
    expect(await storedRecord(db, 'positions', 'sc-v3', 'p-a')).toMatchObject({ order: 0, notes: 'Revu' });
    expect(await storedRecord(db, 'positions', 'sc-v3', 'p-438')).toMatchObject({
      order: 7,
      notes: 'Zone blanche « Bugey »',
    });
    await undo(db, 'sc-v3', 'Camille Martin');
    await undo(db, 'sc-v3', 'Camille Martin');
    const positions = (await loadScenario(db, 'sc-v3'))?.positions ?? [];
    expect(positions.map((p) => [p.id, p.notes])).toEqual([
      ['p-a', ''],
      ['p-b', 'Avenant n° 1'],
      ['p-438', 'Zone blanche « Bugey »'],
    ]);
  });

  it('gives a new position the stored next place and deletes an emptied bucket', async () => {
    await opened();
    const pB = (await loadScenario(db, 'sc-v3'))!.positions[1]!;
    await applyChange(db, {
      scenarioId: 'sc-v3',
      ops: [
        { entity: 'position', id: 'p-new', before: null, after: position({ id: 'p-new' }) },
        { entity: 'position', id: 'p-b', before: pB, after: null },
      ],
      label: 'Ajout et suppression',
      who: 'Camille Martin',
      source: 'grid',
    });
    expect(await storedRecord(db, 'positions', 'sc-v3', 'p-new')).toMatchObject({ order: 8 });
    expect(await db.positionBuckets.get(['sc-v3', 76])).toBeUndefined();
    expect((await loadScenario(db, 'sc-v3'))?.positions.map((p) => p.id)).toEqual(['p-a', 'p-438', 'p-new']);
    expect((await listScenarios(db))[0]?.positionCount).toBe(3);
    await undo(db, 'sc-v3', 'Camille Martin');
    expect((await loadScenario(db, 'sc-v3'))?.positions.map((p) => p.id)).toEqual(['p-a', 'p-b', 'p-438']);
    expect((await listScenarios(db))[0]?.positionCount).toBe(3);
  });
});
