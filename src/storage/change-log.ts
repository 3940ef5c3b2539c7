// The change log: one row per field changed by a batch (who, when, where from, old → new). Rows are only
// ever appended, in the same transaction as the change they describe, and survive undo (which logs anew).
import type { PlannerDb } from './db';
import type { LoggedChange } from './apply-ops';
import { toReadError } from './errors';
import type { ChangeRow, ChangeSource } from './rows';

export interface BatchInfo {
  scenarioId: string;
  batchId: string;
  at: string;
  who: string;
  source: ChangeSource;
  label: string;
}

/**
 * Appends the rows of one batch; must run inside the batch's transaction. Returns the last seq. Callers skip
 * an empty batch rather than awaiting this (see transaction.ts: no await without an IndexedDB request).
 */
export async function appendChanges(
  db: PlannerDb,
  batch: BatchInfo,
  changes: readonly LoggedChange[],
): Promise<number | null> {
  if (changes.length === 0) throw new Error('appendChanges : lot vide');
  const rows: ChangeRow[] = changes.map((change) => ({ ...batch, ...change }));
  return (await db.changes.bulkAdd(rows)) ?? null;
}

/** The `limit` most recent change-log rows of a scenario, newest first. */
export async function recentChanges(db: PlannerDb, scenarioId: string, limit: number): Promise<ChangeRow[]> {
  try {
    return await db.changes.where('scenarioId').equals(scenarioId).reverse().limit(limit).toArray();
  } catch (error) {
    throw toReadError(error);
  }
}

/** Every change-log row of one batch, in the order written. */
export async function batchChanges(db: PlannerDb, batchId: string): Promise<ChangeRow[]> {
  try {
    return await db.changes.where('batchId').equals(batchId).sortBy('seq');
  } catch (error) {
    throw toReadError(error);
  }
}
