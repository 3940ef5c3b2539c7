// The change log: one logical row per field changed by a batch (who, when, where from, old → new). Rows are only
// ever appended, in the same transaction as the change they describe, and survive undo (which logs anew).
//
// Stored packed (schema version 2): one IndexedDB row holds up to CHANGES_PER_ROW changes of one batch, its own
// fields being the first change and `more` the next ones. In Chromium every request of a transaction costs its
// browser process 0,1 to 0,3 ms (2-core VM, more as the transaction grows), whatever the size of the value: logged
// row by row, an import of 10 000 positions doubled the requests of its transaction (21 000 instead of 10 600).
// Everything read from here is unpacked: callers see one ChangeRow per change, in the order written, with `seq`
// the stored row and `part` the place in it.
import type { PlannerDb } from './db';
import type { LoggedChange } from './apply-ops';
import { toReadError } from './errors';
import type { ChangeRow, ChangeSource, PackedChange, StoredChangeRow } from './rows';

export interface BatchInfo {
  scenarioId: string;
  batchId: string;
  at: string;
  who: string;
  source: ChangeSource;
  label: string;
}

/**
 * Changes per stored row: few requests for a large batch, while reading the newest rows of the log (the
 * journal shows 200) never deserialises more than one large row (500 created records ≈ 300 kB).
 */
export const CHANGES_PER_ROW = 500;

function packed(change: PackedChange): PackedChange {
  return {
    entity: change.entity,
    entityId: change.entityId,
    field: change.field,
    oldValue: change.oldValue,
    newValue: change.newValue,
  };
}

/** The stored rows of one batch's changes, CHANGES_PER_ROW at most per row, in order. */
function packBatch(batch: BatchInfo, changes: readonly LoggedChange[]): StoredChangeRow[] {
  const rows: StoredChangeRow[] = [];
  for (let i = 0; i < changes.length; i += CHANGES_PER_ROW) {
    const [first, ...rest] = changes.slice(i, i + CHANGES_PER_ROW) as [LoggedChange, ...LoggedChange[]];
    const row: StoredChangeRow = { ...batch, ...packed(first) };
    if (rest.length) row.more = rest.map(packed);
    rows.push(row);
  }
  return rows;
}

const batchOf = (row: ChangeRow): BatchInfo => ({
  scenarioId: row.scenarioId,
  batchId: row.batchId,
  at: row.at,
  who: row.who,
  source: row.source,
  label: row.label,
});

const sameBatch = (a: BatchInfo, b: BatchInfo): boolean =>
  a.scenarioId === b.scenarioId &&
  a.batchId === b.batchId &&
  a.at === b.at &&
  a.who === b.who &&
  a.source === b.source &&
  a.label === b.label;

/** Logical rows (from a backup, a file) as stored rows: consecutive rows of one batch share stored rows. */
export function packChangeRows(rows: readonly ChangeRow[]): StoredChangeRow[] {
  const out: StoredChangeRow[] = [];
  let i = 0;
  while (i < rows.length) {
    const batch = batchOf(rows[i] as ChangeRow);
    let end = i + 1;
    while (end < rows.length && sameBatch(batch, rows[end] as ChangeRow)) end++;
    out.push(...packBatch(batch, rows.slice(i, end)));
    i = end;
  }
  return out;
}

/** The changes of one stored row, in the order written (a version-1 row gives one). */
export function unpackChangeRow(row: StoredChangeRow): ChangeRow[] {
  const { more, ...first } = row;
  const rows: ChangeRow[] = [{ ...first, part: 0 }];
  if (!Array.isArray(more)) return rows;
  const batch = batchOf(first);
  more.forEach((change, i) => {
    rows.push({ seq: first.seq, part: i + 1, ...batch, ...packed(change) });
  });
  return rows;
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
  return (await db.changes.bulkAdd(packBatch(batch, changes))) ?? null;
}

/** The `limit` most recent change-log rows of a scenario, newest first. */
export async function recentChanges(db: PlannerDb, scenarioId: string, limit: number): Promise<ChangeRow[]> {
  if (limit <= 0) return [];
  try {
    let count = 0;
    const stored = await db.changes
      .where('scenarioId')
      .equals(scenarioId)
      .reverse()
      .until((row) => {
        count += 1 + (Array.isArray(row.more) ? row.more.length : 0);
        return count >= limit;
      }, true)
      .toArray();
    return stored.flatMap((row) => unpackChangeRow(row).reverse()).slice(0, limit);
  } catch (error) {
    throw toReadError(error);
  }
}

/** The whole log (every scenario), oldest first. */
export async function allChanges(db: PlannerDb): Promise<ChangeRow[]> {
  return (await db.changes.orderBy('seq').toArray()).flatMap(unpackChangeRow);
}
