// Data written by each schema version must open, unchanged in meaning, with the current schema.
// Adding schema version N+1: add fixtures/vN+1-rows.ts (rows as N+1 stores them) and copy the
// "written by version 1" block below for version N+1; then change the expectations of the older blocks
// only where the upgrade is meant to change what the app reads.
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types';
import type { PlannerDb } from '../../src/storage/db';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../src/storage/migrations';
import { applyChange } from '../../src/storage/changes';
import { batchChanges, recentChanges } from '../../src/storage/change-log';
import { readEverything } from '../../src/storage/backup';
import { historyState, undo } from '../../src/storage/history';
import { getMeta } from '../../src/storage/meta';
import { loadScenario } from '../../src/storage/scenarios';
import { V1_ROWS } from './fixtures/v1-rows';
import { V2_ROWS } from './fixtures/v2-rows';
import { position, uniqueDbName } from './helpers';
import { openCurrent, writeWithVersion, type RawRows } from './upgrade-harness';

/** One fixture per declared version: a new version without one fails here. */
const ROWS_BY_VERSION: Record<number, RawRows> = { 1: V1_ROWS, 2: V2_ROWS };

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
