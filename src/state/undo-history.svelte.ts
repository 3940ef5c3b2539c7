// What Annuler / Rétablir would do now: the labels of the newest undo entry and of the redo target, as
// stored (storage/history.ts keeps the stack in IndexedDB, so it survives a reload).
import { historyState, type HistoryState } from '../storage/changes';
import type { PlannerDb } from '../storage/db';

export class UndoHistory {
  undoLabel = $state<string | null>(null);

  redoLabel = $state<string | null>(null);

  show(state: HistoryState): void {
    this.undoLabel = state.undoLabel;
    this.redoLabel = state.redoLabel;
  }

  /** Reads the labels of a scenario's stack again. */
  async refresh(db: PlannerDb, scenarioId: string): Promise<void> {
    this.show(await historyState(db, scenarioId));
  }
}
