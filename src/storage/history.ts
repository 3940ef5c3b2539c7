// Undo/redo stack per scenario, kept in IndexedDB so it survives a reload. Entries are ordered by seq; the
// undone ones are always the newest (a new change drops them), so the undo target is the newest entry not
// undone and the redo target the oldest undone one. Undo/redo apply ops with the same merge as any change
// (only the fields the entry changed), log them with source 'undo'/'redo', and push no entry themselves.
import type { PlannerDb } from './db';
import { applyOpsInTransaction } from './apply-ops';
import { appendChanges } from './change-log';
import { newBatchId, nowIso } from './ids';
import { invertOps, type Op } from '../domain/ops';
import type { ChangeSource, HistoryRow } from './rows';
import { readTransaction, writeTransaction } from './transaction';

/** Undo depth per scenario: the oldest entries beyond it are dropped in the transaction that adds one. */
export const HISTORY_LIMIT = 200;

/**
 * Sources that push an undo entry. Not: 'undo'/'redo' (they move along the existing stack), 'demo' (seeding
 * the demo is not a user edit) and 'restore' (a backup restored replaces the history it would conflict with).
 */
export function pushesHistory(source: ChangeSource): boolean {
  return source !== 'undo' && source !== 'redo' && source !== 'demo' && source !== 'restore';
}

interface StackTop {
  undo: HistoryRow | null;
  redo: HistoryRow | null;
  /** Keys of every undone entry (the redo stack). */
  undoneSeqs: number[];
}

/** Reads only the redo tail and one more entry, not the whole stack (entries may carry large imports). */
async function stackTop(db: PlannerDb, scenarioId: string): Promise<StackTop> {
  const tail = await db.history
    .where('scenarioId')
    .equals(scenarioId)
    .reverse()
    .until((entry) => !entry.undone, true)
    .toArray();
  const last = tail[tail.length - 1];
  const undone = tail.filter((entry) => entry.undone);
  return {
    undo: last && !last.undone ? last : null,
    redo: undone[undone.length - 1] ?? null,
    undoneSeqs: undone.flatMap((entry) => (entry.seq === undefined ? [] : [entry.seq])),
  };
}

/**
 * Adds an entry for a new change, inside its transaction: drops the redo tail, merges into the newest entry
 * when it has the same batchId (a change sent in several calls undoes as one), and caps the stack. Returns the
 * labels of the stack as it now is (so the caller need not read the entry back).
 */
export async function pushHistory(
  db: PlannerDb,
  entry: Omit<HistoryRow, 'seq' | 'undone'>,
): Promise<HistoryState> {
  const { undo, undoneSeqs } = await stackTop(db, entry.scenarioId);
  if (undoneSeqs.length) await db.history.bulkDelete(undoneSeqs);
  if (undo?.seq !== undefined && undo.batchId === entry.batchId) {
    await db.history.update(undo.seq, { ops: [...undo.ops, ...entry.ops], at: entry.at });
    return { undoLabel: undo.label, redoLabel: null };
  }
  await db.history.add({ ...entry, undone: false });
  const count = await db.history.where('scenarioId').equals(entry.scenarioId).count();
  if (count > HISTORY_LIMIT) {
    const oldest = await db.history
      .where('scenarioId')
      .equals(entry.scenarioId)
      .limit(count - HISTORY_LIMIT)
      .primaryKeys();
    await db.history.bulkDelete(oldest);
  }
  return { undoLabel: entry.label, redoLabel: null };
}

/** What an undo or redo applied: the ops as applied and the scenario's revision before and after. */
export interface HistoryMove {
  ops: Op[];
  revisionBefore: number;
  revision: number;
}

async function move(
  db: PlannerDb,
  scenarioId: string,
  who: string,
  direction: 'undo' | 'redo',
): Promise<HistoryMove | null> {
  return writeTransaction(db, async () => {
    const top = await stackTop(db, scenarioId);
    const entry = direction === 'undo' ? top.undo : top.redo;
    if (!entry || entry.seq === undefined) return null;
    const at = nowIso();
    const ops = direction === 'undo' ? invertOps(entry.ops) : entry.ops;
    const applied = await applyOpsInTransaction(db, scenarioId, ops, at);
    const label = `${direction === 'undo' ? 'Annulation' : 'Rétablissement'} : ${entry.label}`;
    const batch = { scenarioId, batchId: newBatchId(), at, who, source: direction, label };
    if (applied.changes.length) await appendChanges(db, batch, applied.changes);
    await db.history.update(entry.seq, { undone: direction === 'undo' });
    return { ops: applied.ops, revisionBefore: applied.revisionBefore, revision: applied.revision };
  });
}

/**
 * Undoes the newest change of the scenario that is not undone. Returns the ops applied (records as stored
 * before and after, for the UI to update its memory; empty when another tab already reverted everything)
 * with the revisions, or null when there is nothing to undo.
 */
export function undo(db: PlannerDb, scenarioId: string, who: string): Promise<HistoryMove | null> {
  return move(db, scenarioId, who, 'undo');
}

/** Redoes the most recently undone change; null when there is nothing to redo. */
export function redo(db: PlannerDb, scenarioId: string, who: string): Promise<HistoryMove | null> {
  return move(db, scenarioId, who, 'redo');
}

export interface HistoryState {
  /** Label of the change `undo` would revert, e.g. for `Annuler : Collage de 12 cellules`. */
  undoLabel: string | null;
  redoLabel: string | null;
}

export async function historyState(db: PlannerDb, scenarioId: string): Promise<HistoryState> {
  const top = await readTransaction(db, () => stackTop(db, scenarioId));
  return { undoLabel: top.undo?.label ?? null, redoLabel: top.redo?.label ?? null };
}

/** Removes the whole undo/redo stack of a scenario (inside the caller's transaction). */
export async function clearHistory(db: PlannerDb, scenarioId: string): Promise<void> {
  await db.history.where('scenarioId').equals(scenarioId).delete();
}
