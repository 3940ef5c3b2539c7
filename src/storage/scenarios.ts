// Whole scenarios: assemble one from its rows, list them, create, replace and delete them, each in one
// transaction. A scenario's structures and positions are rows keyed [scenarioId+id] with an `order`.
import Dexie, { type Collection, type Table } from 'dexie';
import type { Position, Scenario, Structure } from '../domain/types';
import type { PlannerDb, ScopedKey } from './db';
import { applyOpsInTransaction } from './apply-ops';
import { appendChanges } from './change-log';
import { StorageError } from './errors';
import { clearHistory, pushHistory, pushesHistory } from './history';
import { newBatchId, nowIso } from './ids';
import type { Op } from './ops';
import type { ChangeSource, PositionRow, ScenarioRow, StructureRow } from './rows';
import { assertUniqueIds, scenarioOps } from './scenario-ops';
import { readTransaction, writeTransaction } from './transaction';

export interface ScenarioSummary {
  id: string;
  name: string;
  updatedAt: string;
  positionCount: number;
}

export interface WriteInfo {
  who: string;
  source: ChangeSource;
  /** Short French description for the change log, e.g. `Import de Occitanie.xlsx`. */
  label: string;
}

export interface ScenarioWriteResult {
  batchId: string;
  /** seq of the last change-log row written; null when nothing changed. */
  seq: number | null;
  /** The ops applied (replaceScenario of an existing scenario); empty for a creation. */
  ops: Op[];
}

function byOrder(a: { order: number; id: string }, b: { order: number; id: string }): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The rows of one scenario in a table keyed [scenarioId+id], as a primary-key range. */
export function inScenario<T>(table: Table<T, ScopedKey>, scenarioId: string): Collection<T, ScopedKey> {
  return table.where(':id').between([scenarioId, Dexie.minKey], [scenarioId, Dexie.maxKey], true, true);
}

/** Reads inside the caller's transaction. */
async function readScenario(db: PlannerDb, id: string): Promise<Scenario | undefined> {
  const row = await db.scenarios.get(id);
  if (!row) return undefined;
  // By primary-key range ([scenarioId+id] keys start with the scenario id), not through the scenarioId index:
  // one ordered scan of the records, without a lookup of each record from the index.
  const structureRows = await inScenario(db.structures, id).toArray();
  const positionRows = await inScenario(db.positions, id).toArray();
  const structures: Structure[] = structureRows.sort(byOrder).map(({ scenarioId: _s, order: _o, ...s }) => s);
  const positions: Position[] = positionRows.sort(byOrder).map(({ scenarioId: _s, order: _o, ...p }) => p);
  return { ...row, structures, positions };
}

/** Some records of a scenario as stored now (null: no longer there), with its own row (name, campaign, regions). */
export interface StoredRecords {
  scenario: Omit<Scenario, 'positions' | 'structures'>;
  positions: Map<string, Position | null>;
  structures: Map<string, Structure | null>;
}

/** Reads a scenario's row and the named positions and structures in one read transaction; undefined if gone. */
export function loadRecords(
  db: PlannerDb,
  scenarioId: string,
  positionIds: readonly string[],
  structureIds: readonly string[],
): Promise<StoredRecords | undefined> {
  return readTransaction(db, async () => {
    const row = await db.scenarios.get(scenarioId);
    if (!row) return undefined;
    // Each await reads something (transaction.ts): an empty list is not read.
    const positions = positionIds.length
      ? await db.positions.bulkGet(positionIds.map((id): ScopedKey => [scenarioId, id]))
      : [];
    const structures = structureIds.length
      ? await db.structures.bulkGet(structureIds.map((id): ScopedKey => [scenarioId, id]))
      : [];
    const strip = <T>(r: (T & { scenarioId: string; order: number }) | undefined): T | null => {
      if (!r) return null;
      const { scenarioId: _s, order: _o, ...record } = r;
      return record as T;
    };
    return {
      scenario: row,
      positions: new Map(positionIds.map((id, i) => [id, strip<Position>(positions[i])])),
      structures: new Map(structureIds.map((id, i) => [id, strip<Structure>(structures[i])])),
    };
  });
}

/** The scenario with its structures and positions in their stored order; undefined when there is none. */
export function loadScenario(db: PlannerDb, id: string): Promise<Scenario | undefined> {
  return readTransaction(db, () => readScenario(db, id));
}

/** Every scenario with its position count, by name (French collation). */
export async function listScenarios(db: PlannerDb): Promise<ScenarioSummary[]> {
  const summaries = await readTransaction(db, async () => {
    const rows = await db.scenarios.toArray();
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        name: row.name,
        updatedAt: row.updatedAt,
        positionCount: await db.positions.where('scenarioId').equals(row.id).count(),
      })),
    );
  });
  return summaries.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

function summaryOf(scenario: Scenario): Record<string, unknown> {
  return {
    id: scenario.id,
    name: scenario.name,
    campaignId: scenario.campaign.id,
    regionCount: scenario.regions.length,
    structureCount: scenario.structures.length,
    positionCount: scenario.positions.length,
  };
}

/** The scenario's own dates are kept: a scenario opened from a file keeps its creation and last-change dates. */
function toRow(scenario: Scenario): ScenarioRow {
  return {
    id: scenario.id,
    name: scenario.name,
    campaign: scenario.campaign,
    regions: [...scenario.regions],
    createdAt: scenario.createdAt,
    updatedAt: scenario.updatedAt,
  };
}

/** Writes a new scenario's rows inside the caller's transaction; one 'scenario' change-log row. */
async function insertScenario(
  db: PlannerDb,
  scenario: Scenario,
  info: WriteInfo,
): Promise<ScenarioWriteResult> {
  const at = nowIso();
  const batchId = newBatchId();
  await db.scenarios.add(toRow(scenario));
  const structures: StructureRow[] = scenario.structures.map((s, order) => ({
    ...s,
    scenarioId: scenario.id,
    order,
  }));
  const positions: PositionRow[] = scenario.positions.map((p, order) => ({
    ...p,
    scenarioId: scenario.id,
    order,
  }));
  await db.structures.bulkPut(structures);
  await db.positions.bulkPut(positions);
  const change = {
    entity: 'scenario' as const,
    entityId: scenario.id,
    field: '*',
    oldValue: null,
    newValue: summaryOf(scenario),
  };
  const seq = await appendChanges(db, { scenarioId: scenario.id, batchId, at, ...info }, [change]);
  return { batchId, seq, ops: [] };
}

/**
 * Creates a scenario with all its records in one transaction. Rejects with a StorageError when the id is
 * taken or a list holds the same id twice. The creation is logged as one row, not one per position, and
 * is not undoable (delete the scenario instead).
 */
export async function createScenario(
  db: PlannerDb,
  scenario: Scenario,
  info: WriteInfo,
): Promise<ScenarioWriteResult> {
  assertUniqueIds(scenario);
  return writeTransaction(db, async () => {
    if (await db.scenarios.get(scenario.id)) {
      throw new StorageError('invalid', `Un scénario existe déjà avec l'identifiant « ${scenario.id} ».`);
    }
    return insertScenario(db, scenario, info);
  });
}

/**
 * Replaces everything in a scenario (name, campaign, regions, structures, positions) by `scenario`, all or
 * nothing; creates it when it does not exist. The difference is written as ops, so the change log shows
 * each field that changed and, for undoable sources, one undo step reverts the whole replacement.
 */
export async function replaceScenario(
  db: PlannerDb,
  scenario: Scenario,
  info: WriteInfo,
): Promise<ScenarioWriteResult> {
  assertUniqueIds(scenario);
  return writeTransaction(db, async () => {
    const current = await readScenario(db, scenario.id);
    if (!current) return insertScenario(db, scenario, info);
    const at = nowIso();
    const batchId = newBatchId();
    const applied = await applyOpsInTransaction(db, scenario.id, scenarioOps(current, scenario), at);
    const batch = { scenarioId: scenario.id, batchId, at, ...info };
    const seq = applied.changes.length ? await appendChanges(db, batch, applied.changes) : null;
    if (applied.ops.length > 0) {
      if (pushesHistory(info.source)) {
        await pushHistory(db, { scenarioId: scenario.id, batchId, label: info.label, at, ops: applied.ops });
      } else {
        // A restore or the demo reset replaces the state the older undo entries were made against.
        await clearHistory(db, scenario.id);
      }
    }
    return { batchId, seq, ops: applied.ops };
  });
}

/**
 * Deletes a scenario, its records and its undo stack in one transaction; logs one 'scenario' row. The
 * change log of the scenario is kept (audit). Returns false when there was no such scenario.
 */
export async function deleteScenario(db: PlannerDb, id: string, info: WriteInfo): Promise<boolean> {
  return writeTransaction(db, async () => {
    const current = await readScenario(db, id);
    if (!current) return false;
    await db.positions.where('scenarioId').equals(id).delete();
    await db.structures.where('scenarioId').equals(id).delete();
    await db.scenarios.delete(id);
    await clearHistory(db, id);
    const change = {
      entity: 'scenario' as const,
      entityId: id,
      field: '*',
      oldValue: summaryOf(current),
      newValue: null,
    };
    await appendChanges(db, { scenarioId: id, batchId: newBatchId(), at: nowIso(), ...info }, [change]);
    return true;
  });
}
