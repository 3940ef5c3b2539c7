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
import { historyState, undo } from '../../src/storage/history';
import { getMeta } from '../../src/storage/meta';
import { loadScenario } from '../../src/storage/scenarios';
import { V1_ROWS } from './fixtures/v1-rows';
import { position, uniqueDbName } from './helpers';
import { openCurrent, writeWithVersion, type RawRows } from './upgrade-harness';

/** One fixture per declared version: a new version without one fails here. */
const ROWS_BY_VERSION: Record<number, RawRows> = { 1: V1_ROWS };

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
});
