// The write path of the shown scenario: every change is a list of ops (src/domain/ops.ts), stored in one
// transaction through the write queue, then applied to the shown scenario in storage's order; other tabs are
// told the ops and apply them the same way.
//
// Two kinds of write. A user's edit (cell, paste, add, delete, envelope) is shown at once — the figures follow
// in the same frame — and stored in the queue; the app says « Enregistré » only when every queued write is in
// IndexedDB (`queue.pending`), and a refused write is taken off the screen. A bulk change (import, allocation,
// scenario commands) is stored first and shown after, since its dialog reports the outcome.
import { err, ok, type Result } from '../domain/result';
import type { Op } from '../domain/ops';
import { applyChange, redo, undo, type HistoryState } from '../storage/changes';
import { StorageError } from '../storage/errors';
import type { ChangeSource } from '../storage/rows';
import { loadStoredScenario } from '../storage/scenarios';
import type { Database } from './database.svelte';
import type { PendingEdit, ShownScenario, StoredOps } from './shown-scenario.svelte';
import type { ChangeNotice, TabSync } from './tab-sync';
import type { UndoHistory } from './undo-history.svelte';
import type { WriteQueue } from './write-queue.svelte';

export interface WriterParts {
  database: Database;
  queue: WriteQueue;
  shown: ShownScenario;
  history: UndoHistory;
  /** The name the change log records. */
  who: () => string;
}

export class ScenarioWriter {
  /** The last write error (e.g. `Stockage plein…`), shown until the next successful write. */
  writeError = $state<string | null>(null);

  /** Bumped after each write, so the change log view knows to re-read. */
  revision = $state(0);

  /** Told of every stored change (null until the planner has started). */
  sync: TabSync | null = null;

  readonly #parts: WriterParts;

  constructor(parts: WriterParts) {
    this.#parts = parts;
  }

  /**
   * A user's edit: shown now, then stored in the write queue. The ops must be built on the scenario as shown
   * (which includes edits still being stored).
   */
  showAndStore(ops: Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    const { database, queue, shown } = this.#parts;
    if (!database.writable) return Promise.resolve(err(database.notReady));
    if (ops.length === 0) return Promise.resolve(ok(undefined));
    const edit = shown.propose(ops);
    return queue.run(() => this.store(ops, label, source, edit));
  }

  /** Ops built elsewhere (an import plan, an allocation), stored in the queue as one transaction and one undo step. */
  storeQueued(build: () => Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    return this.#parts.queue.run(() => this.store(build(), label, source));
  }

  /**
   * Stores ops (to run inside the queue), then shows what storage applied. `edit`: the pending edit these ops
   * are, already shown; without one, they are shown once stored.
   */
  async store(
    ops: readonly Op[],
    label: string,
    source: ChangeSource,
    edit: PendingEdit | null = null,
  ): Promise<Result<void>> {
    const { database, shown, who } = this.#parts;
    const db = database.writable;
    const scenarioId = edit?.scenarioId ?? shown.scenario.id;
    if (!db) {
      if (edit) shown.refuse(edit);
      return err(database.notReady);
    }
    if (ops.length === 0) return ok(undefined);
    try {
      const result = await applyChange(db, { scenarioId, ops, label, who: who(), source });
      this.writeError = null;
      await this.#stored(edit, { scenarioId, ...result }, result.history);
      return ok(undefined);
    } catch (e) {
      if (edit) shown.refuse(edit);
      const message = e instanceof StorageError ? e.message : `Échec de l’enregistrement : ${String(e)}`;
      this.writeError = message;
      return err(message);
    }
  }

  /**
   * After ops were stored: shown in storage's order (the scenario read again when a revision is missing), the
   * other tabs told, the change log view and the undo/redo labels refreshed — from `history` when the write
   * returned them (null: the stack did not change), else read again.
   */
  async #stored(edit: PendingEdit | null, stored: StoredOps, history?: HistoryState | null): Promise<void> {
    const { shown } = this.#parts;
    if (!shown.settle(edit, stored)) await this.resync(stored.scenarioId);
    if (stored.revision !== stored.revisionBefore) this.notify(stored.scenarioId, stored);
    await this.afterWrite(stored.scenarioId, history);
  }

  /** Tells the other tabs (`stored` absent: they read the scenario again). */
  notify(scenarioId: string, stored?: StoredOps): void {
    this.sync?.notify(
      scenarioId,
      stored && { ops: [...stored.ops], revisionBefore: stored.revisionBefore, revision: stored.revision },
    );
  }

  /** The change log view re-reads; the undo/redo labels follow (`history` undefined: read them again). */
  async afterWrite(scenarioId = this.#parts.shown.scenario.id, history?: HistoryState | null): Promise<void> {
    const { database, shown } = this.#parts;
    this.revision += 1;
    if (scenarioId !== shown.scenario.id) return;
    if (history) this.#parts.history.show(history);
    else if (history === undefined && database.db) await this.#parts.history.refresh(database.db, scenarioId);
  }

  /** Reads the shown scenario again from storage (to run inside the queue), keeping this tab's pending edits. */
  async resync(scenarioId = this.#parts.shown.scenario.id): Promise<void> {
    const { database, shown } = this.#parts;
    if (!database.db) return;
    try {
      const stored = await loadStoredScenario(database.db, scenarioId);
      if (stored && shown.scenario.id === scenarioId) shown.reset(stored.scenario, stored.revision);
    } catch {
      // the database is gone (closed by an upgrade in another tab): the lock screen says so
    }
  }

  /** Another tab's change: its ops applied now, or the scenario read again (in the queue) when they cannot be. */
  receive(notice: ChangeNotice): void {
    const { database, queue, shown } = this.#parts;
    if (database.status !== 'ready' || notice.scenarioId !== shown.scenario.id) return;
    const outcome = notice.change
      ? shown.receive({ scenarioId: notice.scenarioId, ...notice.change })
      : 'gap';
    if (outcome === 'known') return;
    if (outcome === 'applied') this.revision += 1;
    // Waiting ops whose missing revision does not come by the time the queue gets here: read everything again.
    const catchUp = outcome === 'gap' || outcome === 'waiting';
    void queue.serial(async () => {
      if (catchUp && (outcome === 'gap' || shown.waiting)) await this.resync(notice.scenarioId);
      if (outcome !== 'applied') this.revision += 1;
      if (database.db && shown.scenario.id === notice.scenarioId)
        await this.#parts.history.refresh(database.db, notice.scenarioId).catch(() => undefined);
    });
  }

  undo(): Promise<void> {
    return this.#parts.queue.run(() => this.#move('undo'));
  }

  redo(): Promise<void> {
    return this.#parts.queue.run(() => this.#move('redo'));
  }

  async #move(kind: 'undo' | 'redo'): Promise<void> {
    const { database, shown, who } = this.#parts;
    const db = database.writable;
    if (!db) return;
    const scenarioId = shown.scenario.id;
    try {
      const moved = await (kind === 'undo' ? undo : redo)(db, scenarioId, who());
      this.writeError = null;
      if (moved) await this.#stored(null, { scenarioId, ...moved });
      else await this.afterWrite(scenarioId);
    } catch (e) {
      this.writeError = e instanceof Error ? e.message : String(e);
    }
  }
}
