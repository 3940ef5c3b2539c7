// Whole scenarios: assemble one from its rows, list them, create, replace and delete them, each in one
// transaction. A scenario's structures and positions are packed in bucket rows (buckets.ts), each with an `order`.
import type { Position, Scenario, Structure } from '../domain/types';
import { inScenario, packRecords, recordsInOrder, scenarioFields, tallyOf } from './buckets';
import type { PlannerDb } from './db';
import { applyOpsInTransaction } from './apply-ops';
import { appendChanges } from './change-log';
import { StorageError } from './errors';
import { clearHistory, pushHistory, pushesHistory } from './history';
import { newBatchId, nowIso } from './ids';
import type { Op } from '../domain/ops';
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
  /** The scenario's revision once written (ScenarioRow.revision). */
  revision: number;
}

/** A scenario as stored, with the revision it was read at. */
export interface StoredScenario {
  scenario: Scenario;
  revision: number;
}

/** Reads inside the caller's transaction (callers await it directly: one async level, see transaction.ts). */
async function readStored(db: PlannerDb, id: string): Promise<StoredScenario | undefined> {
  const row = await db.scenarios.get(id);
  if (!row) return undefined;
  const structures = recordsInOrder<Structure>(await inScenario(db.structureBuckets, id).toArray());
  const positions = recordsInOrder<Position>(await inScenario(db.positionBuckets, id).toArray());
  return { scenario: { ...scenarioFields(row), structures, positions }, revision: row.revision ?? 0 };
}

/** The scenario with its structures and positions in their stored order; undefined when there is none. */
export function loadScenario(db: PlannerDb, id: string): Promise<Scenario | undefined> {
  return readTransaction(db, async () => (await readStored(db, id))?.scenario);
}

/** loadScenario with the revision it was read at, for a tab that follows later changes by their ops. */
export function loadStoredScenario(db: PlannerDb, id: string): Promise<StoredScenario | undefined> {
  return readTransaction(db, () => readStored(db, id));
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
    revision: Date.now(),
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
  const row = toRow(scenario);
  await db.scenarios.add(row);
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
  return { batchId, seq, ops: [], revision: row.revision ?? 0 };
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
    const current = (await readStored(db, scenario.id))?.scenario;
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
    return { batchId, seq, ops: applied.ops, revision: applied.revision };
  });
}

/**
 * Deletes a scenario, its records and its undo stack in one transaction; logs one 'scenario' row. The
 * change log of the scenario is kept (audit). Returns false when there was no such scenario.
 */
export async function deleteScenario(db: PlannerDb, id: string, info: WriteInfo): Promise<boolean> {
  return writeTransaction(db, async () => {
    const current = (await readStored(db, id))?.scenario;
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
