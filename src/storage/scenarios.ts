// Whole scenarios: assemble one from its rows, list them, create, replace and delete them, each in one
// transaction. A scenario's structures and positions are packed in bucket rows (buckets.ts), each with an `order`.
import type { Position, Scenario, Structure } from '../domain/types';
import {
  bucketOf,
  inScenario,
  packRecords,
  readBuckets,
  recordsInOrder,
  scenarioFields,
  tallyOf,
  withoutOrder,
  type RecordKind,
} from './buckets';
import type { PlannerDb } from './db';
import { applyOpsInTransaction } from './apply-ops';
import { appendChanges } from './change-log';
import { StorageError } from './errors';
import { clearHistory, pushHistory, pushesHistory } from './history';
import { newBatchId, nowIso } from './ids';
import type { Op } from './ops';
import type { ChangeSource, ScenarioRow } from './rows';
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

/** Reads inside the caller's transaction. */
async function readScenario(db: PlannerDb, id: string): Promise<Scenario | undefined> {
  const row = await db.scenarios.get(id);
  if (!row) return undefined;
  const structures = recordsInOrder<Structure>(await inScenario(db.structureBuckets, id).toArray());
  const positions = recordsInOrder<Position>(await inScenario(db.positionBuckets, id).toArray());
  return { ...scenarioFields(row), structures, positions };
}

/** The named records in the buckets readBuckets read for them (null: not stored). */
function named<T extends { id: string }>(
  kind: RecordKind,
  ids: readonly string[],
  buckets: ReadonlyMap<number, ReadonlyMap<string, T & { order: number }>>,
): Map<string, T | null> {
  return new Map(
    ids.map((id) => {
      const record = buckets.get(bucketOf(kind, id))?.get(id);
      return [id, record ? (withoutOrder(record) as unknown as T) : null];
    }),
  );
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
    const positions = named<Position>(
      'positions',
      positionIds,
      positionIds.length
        ? await readBuckets('positions', db.positionBuckets, scenarioId, positionIds)
        : new Map(),
    );
    const structures = named<Structure>(
      'structures',
      structureIds,
      structureIds.length
        ? await readBuckets('structures', db.structureBuckets, scenarioId, structureIds)
        : new Map(),
    );
    return { scenario: scenarioFields(row), positions, structures };
  });
}

/** The scenario with its structures and positions in their stored order; undefined when there is none. */
export function loadScenario(db: PlannerDb, id: string): Promise<Scenario | undefined> {
  return readTransaction(db, () => readScenario(db, id));
}

/** Every scenario with its position count, by name (French collation). */
export async function listScenarios(db: PlannerDb): Promise<ScenarioSummary[]> {
  const rows = await readTransaction(db, () => db.scenarios.toArray());
  const summaries = rows.map((row) => ({
    id: row.id,
    name: row.name,
    updatedAt: row.updatedAt,
    positionCount: row.stored.positions.count,
  }));
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

/**
 * The row of a scenario about to be written with its records packed by packRecords. The scenario's own dates
 * are kept: a scenario opened from a file keeps its creation and last-change dates.
 */
export function toRow(scenario: Scenario): ScenarioRow {
  return {
    id: scenario.id,
    name: scenario.name,
    campaign: scenario.campaign,
    regions: [...scenario.regions],
    createdAt: scenario.createdAt,
    updatedAt: scenario.updatedAt,
    stored: {
      positions: tallyOf(scenario.positions.length),
      structures: tallyOf(scenario.structures.length),
    },
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
  // Each await writes something (transaction.ts): an empty list is not written.
  const structures = packRecords('structures', scenario.id, scenario.structures);
  const positions = packRecords('positions', scenario.id, scenario.positions);
  if (structures.length) await db.structureBuckets.bulkPut(structures);
  if (positions.length) await db.positionBuckets.bulkPut(positions);
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
    await inScenario(db.positionBuckets, id).delete();
    await inScenario(db.structureBuckets, id).delete();
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
