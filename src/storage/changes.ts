// Every accepted edit goes through applyChange: one read-write transaction that writes the records, the
// field-level change log and the undo entry, or nothing at all. The UI may say "enregistré" only once the
// returned promise resolves.
//
// Two tabs: each op carries the record the tab saw (`before`) and wants (`after`). Only the fields that
// differ between them are written onto the record as stored now, read inside the transaction; the change log
// records the stored value as oldValue. So two tabs editing different fields of one position both keep their
// edit, on the same field the last write wins, and the log shows both writes.
import type { PlannerDb } from './db';
import { applyOpsInTransaction } from './apply-ops';
import { appendChanges } from './change-log';
import { pushHistory, pushesHistory, type HistoryState } from './history';
import { newBatchId, nowIso } from './ids';
import type { Op } from '../domain/ops';
import type { ChangeSource } from './rows';
import { writeTransaction } from './transaction';

export { undo, redo, historyState, HISTORY_LIMIT, type HistoryState } from './history';

export interface ChangeInput {
  scenarioId: string;
  ops: readonly Op[];
  /** Short French description, shown in the change log and as `Annuler : …`. */
  label: string;
  /** User name. */
  who: string;
  source: ChangeSource;
  /** Reuse the batchId of the newest undo entry to extend it (one undo step for a change sent in parts). */
  batchId?: string;
}

export interface ChangeResult {
  batchId: string;
  /** seq of the last change-log row written (a "saved up to" marker); null when nothing changed. */
  seq: number | null;
  /**
   * The ops as applied: `before` is the record that was stored, `after` the record now stored (which may
   * include another tab's edits of other fields). Ops that changed nothing are left out.
   */
  ops: Op[];
  /** The undo/redo labels after this change; null when the undo stack did not change. */
  history: HistoryState | null;
  /** The scenario's revision before and after this change (equal when nothing changed). */
  revisionBefore: number;
  revision: number;
}

/**
 * Applies the ops to the scenario in one transaction. Rejects with a StorageError (French message) and
 * writes nothing when anything fails: full disk ('quota'), closed database ('closed'), unknown scenario
 * ('notFound'), inconsistent op ('invalid'), or any other error ('failed').
 */
export async function applyChange(db: PlannerDb, input: ChangeInput): Promise<ChangeResult> {
  const batchId = input.batchId ?? newBatchId();
  return writeTransaction(db, async () => {
    const at = nowIso();
    const applied = await applyOpsInTransaction(db, input.scenarioId, input.ops, at);
    const batch = {
      scenarioId: input.scenarioId,
      batchId,
      at,
      who: input.who,
      source: input.source,
      label: input.label,
    };
    const seq = applied.changes.length ? await appendChanges(db, batch, applied.changes) : null;
    let history: HistoryState | null = null;
    if (applied.ops.length > 0 && pushesHistory(input.source)) {
      history = await pushHistory(db, {
        scenarioId: input.scenarioId,
        batchId,
        label: input.label,
        at,
        ops: applied.ops,
      });
    }
    return {
      batchId,
      seq,
      ops: applied.ops,
      history,
      revisionBefore: applied.revisionBefore,
      revision: applied.revision,
    };
  });
}
