// The planner's live state and its write path: the active scenario from IndexedDB, every figure derived from
// it by the domain core, one queue of writes, undo/redo, tab sync, settings.
//
// Two kinds of write. A user's edit (cell, paste, add, delete, envelope) is shown at once — the figures follow
// in the same frame — and stored in the queue; the app says « Enregistré » only when every queued write is in
// IndexedDB (`pendingWrites`), and a refused write puts back what storage holds. A bulk change (import,
// allocation, scenario commands) is stored first and shown after, since its dialog reports the outcome.
// Commands live in the subclasses: planner-scenarios.svelte.ts (scenarios, backup), planner.svelte.ts (edits).
import { demoScenario, emptyScenario } from '../domain/demo';
import { createRecomputer } from '../domain/recompute-incremental';
import { err, ok, type Result } from '../domain/result';
import type { Scenario, Structure } from '../domain/types';
import { applyChange, historyState, redo, undo, type HistoryState } from '../storage/changes';
import { recentChanges } from '../storage/change-log';
import { DEFAULT_DB_NAME, openPlannerDb, type PlannerDb } from '../storage/db';
import { StorageError } from '../storage/errors';
import { getMeta, setMeta, type MetaKey } from '../storage/meta';
import { jsonEqual, type Op } from '../storage/ops';
import { requestPersistence } from '../storage/persist';
import { rawDump } from '../storage/raw-dump';
import type { ChangeRow, ChangeSource } from '../storage/rows';
import {
  createScenario,
  listScenarios,
  loadRecords,
  loadScenario,
  type ScenarioSummary,
} from '../storage/scenarios';
import { nowIso } from './clock';
import { structureMap } from './structure-map';
import { applyOpsToScenario, withStoredRecords } from './scenario-patch';
import { TabSync, type ChangedRecords } from './tab-sync';

/** The positions and structures some ops wrote (the scenario's own fields are always re-read). */
function changedRecords(ops: readonly Op[]): ChangedRecords {
  const changed: ChangedRecords = { positions: [], structures: [] };
  for (const op of ops) {
    if (op.entity === 'position') changed.positions.push(op.id);
    else if (op.entity === 'structure') changed.structures.push(op.id);
  }
  return changed;
}

export type PlannerStatus = 'loading' | 'ready' | 'locked' | 'unavailable';

export class PlannerCore {
  status = $state<PlannerStatus>('loading');

  /** Why the app cannot work (IndexedDB missing, newer schema, another tab upgraded). */
  blockingMessage = $state<string | null>(null);

  /** The last write error (e.g. `Stockage plein…`), shown until the next successful write. */
  writeError = $state<string | null>(null);

  scenario = $state.raw<Scenario>(emptyScenario('loading', nowIso()));

  /** Recomputes only the positions an edit replaced (falls back to a full recompute otherwise). */
  #recompute = createRecomputer();

  figures = $derived(this.#recompute(this.scenario));

  /** Built once per structures array (a position edit keeps the same array): never mutated. */
  structuresById: ReadonlyMap<string, Structure> = $derived(structureMap(this.scenario.structures));

  isDemo = $state(false);

  userName = $state('');

  undoLabel = $state<string | null>(null);

  redoLabel = $state<string | null>(null);

  persistence = $state<'granted' | 'refused' | 'unavailable' | 'unknown'>('unknown');

  /** Writes queued or running: the UI says « Enregistrement… » while it is above 0, « Enregistré » after. */
  pendingWrites = $state(0);

  /** Bumped after each write, so the change log view knows to re-read. */
  revision = $state(0);

  /** Every stored scenario (id, name, updatedAt, position count), refreshed after scenario commands. */
  scenarios = $state.raw<ScenarioSummary[]>([]);

  /** When data was last saved to a file (backup, export, scenario file); null when never. */
  lastSavedAt = $state<string | null>(null);

  /** The last deleted scenario's name, while it can still be restored. */
  deletedScenarioName = $state<string | null>(null);

  protected db: PlannerDb | null = null;

  protected dbName = DEFAULT_DB_NAME;

  protected sync: TabSync | null = null;

  protected queue: Promise<unknown> = Promise.resolve();

  async start(dbName = DEFAULT_DB_NAME): Promise<void> {
    this.dbName = dbName;
    try {
      this.db = await openPlannerDb(dbName, {
        onVersionChange: () =>
          this.lock(
            'Une version plus récente du planificateur a été ouverte dans un autre onglet. Rechargez cette page pour continuer : aucune modification ne sera perdue.',
          ),
        onBlocked: () =>
          this.lock(
            'Un autre onglet utilise une ancienne version du planificateur : fermez-le ou rechargez-le.',
          ),
      });
    } catch (e) {
      this.status = 'unavailable';
      this.blockingMessage = e instanceof Error ? e.message : String(e);
      return;
    }
    const db = this.db;
    // First paint waits for these reads: they run side by side, the scenario read starts with them.
    const [userName, lastSavedAt, activeId, demoId] = await Promise.all([
      getMeta<string>(db, 'userName'),
      getMeta<string>(db, 'lastSavedAt'),
      getMeta<string>(db, 'activeScenarioId'),
      getMeta<string>(db, 'demoScenarioId'),
    ]);
    this.userName = userName ?? '';
    this.lastSavedAt = lastSavedAt ?? null;
    // The undo/redo labels are read alongside the scenario (read again below if that read fails).
    const [stored, history] = activeId
      ? await Promise.all([loadScenario(db, activeId), historyState(db, activeId).catch(() => null)])
      : [undefined, null];
    let scenario = stored;
    let isDemo = activeId !== undefined && demoId === activeId;
    if (scenario && history) {
      this.undoLabel = history.undoLabel;
      this.redoLabel = history.redoLabel;
    }
    if (!scenario) {
      scenario = demoScenario(nowIso());
      await createScenario(db, scenario, {
        who: this.who(),
        source: 'demo',
        label: 'Données de démonstration',
      });
      await setMeta(db, 'demoScenarioId', scenario.id);
      await setMeta(db, 'activeScenarioId', scenario.id);
      isDemo = true;
    }
    this.scenario = scenario;
    this.isDemo = isDemo;
    if (!history) await this.refreshHistory();
    // The scenario list counts every scenario's positions: not needed to show the grid, it loads right after.
    // A failure here (the database closed by an upgrade in another tab) leaves the list as it was.
    this.reloadScenarioList().catch(() => undefined);
    this.sync = new TabSync((notice) => {
      if (notice.scenarioId === this.scenario.id) void this.reloadFromStorage(notice.changed);
    });
    this.status = 'ready';
    void requestPersistence().then((r) => (this.persistence = r));
  }

  protected who(): string {
    return this.userName.trim() || 'Utilisateur sans nom';
  }

  protected lock(message: string): void {
    this.status = 'locked';
    this.blockingMessage = message;
    this.sync?.close();
  }

  /** Writes run one after the other, so ops are built on the state the previous write left. */
  protected serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * A user's edit: applied to the shown scenario now, then stored in the write queue. The ops must be built
   * on the scenario as shown (which includes edits still being stored). If storage refuses the write, the
   * scenario is read back from storage — the truth — and the error is shown; later queued edits still apply.
   */
  protected showAndStore(ops: Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    if (this.status !== 'ready' || !this.db)
      return Promise.resolve(err(this.blockingMessage ?? 'Planificateur non prêt'));
    if (ops.length === 0) return Promise.resolve(ok(undefined));
    const scenarioId = this.scenario.id;
    this.scenario = applyOpsToScenario(this.scenario, ops, this.#indexOf);
    return this.tracked(
      this.serial(async () => {
        const r = await this.commit(ops, label, source, { shown: true, scenarioId });
        if (!r.ok && this.scenario.id === scenarioId) await this.#readBack();
        return r;
      }),
    );
  }

  /** Counts a queued write in `pendingWrites` until it settles. */
  protected async tracked<T>(write: Promise<T>): Promise<T> {
    this.pendingWrites += 1;
    try {
      return await write;
    } finally {
      this.pendingWrites -= 1;
    }
  }

  #indexOf = (id: string): number | undefined => this.figures.positions.indexOf(id);

  /** Replaces the shown scenario by the stored one (after a refused write); keeps the shown one if unreadable. */
  async #readBack(): Promise<void> {
    try {
      await this.#showStored(this.scenario.id);
    } catch {
      // the database is gone (closed by an upgrade in another tab): the lock screen says so
    }
  }

  /** Shows the scenario as stored, unless the user switched to another one meanwhile. */
  async #showStored(id: string): Promise<void> {
    if (!this.db) return;
    const stored = await loadScenario(this.db, id);
    if (stored && this.scenario.id === id) this.scenario = stored;
  }

  /** The shown record an op is about (undefined when absent). */
  #shown(op: Op): unknown {
    const s = this.scenario;
    switch (op.entity) {
      case 'position': {
        const i = this.#indexOf(op.id); // the figures index every shown position
        return i === undefined ? undefined : s.positions[i];
      }
      case 'structure':
        return this.structuresById.get(op.id);
      case 'region':
        return s.regions.find((x) => x.regionCode === op.id);
      case 'campaign':
        return s.campaign;
      default:
        return s.name;
    }
  }

  /**
   * Stores ops, then shows what storage now holds for each record they touched. When the ops were already
   * shown (`shown`), only the records that differ are replaced (another tab's edit of other fields merged in,
   * an undo that ran in between, a read-back after a refused write), so an edit is not rendered twice.
   */
  protected async commit(
    ops: Op[],
    label: string,
    source: ChangeSource,
    { shown = false, scenarioId = this.scenario.id }: { shown?: boolean; scenarioId?: string } = {},
  ): Promise<Result<void>> {
    if (this.status !== 'ready' || !this.db) return err(this.blockingMessage ?? 'Planificateur non prêt');
    if (ops.length === 0) return ok(undefined);
    try {
      const result = await applyChange(this.db, {
        scenarioId,
        ops,
        label,
        who: this.who(),
        source,
      });
      const stale = shown
        ? result.ops.filter((op) => !jsonEqual(this.#shown(op) ?? null, op.after))
        : result.ops;
      // An edit stored after the user switched to another scenario is not shown there.
      if (stale.length > 0 && this.scenario.id === scenarioId)
        this.scenario = applyOpsToScenario(this.scenario, stale, this.#indexOf);
      this.writeError = null;
      await this.afterWrite(result.ops, scenarioId, result.history);
      return ok(undefined);
    } catch (e) {
      const message = e instanceof StorageError ? e.message : `Échec de l’enregistrement : ${String(e)}`;
      this.writeError = message;
      return err(message);
    }
  }

  /**
   * After a write: the change log view re-reads, other tabs are told (which records, when `ops` are given), and
   * the undo/redo labels follow — from `history` when the write returned them (null: the stack did not change),
   * else read again.
   */
  protected async afterWrite(
    ops?: readonly Op[],
    scenarioId = this.scenario.id,
    history?: HistoryState | null,
  ): Promise<void> {
    this.revision += 1;
    this.sync?.notify(scenarioId, ops && changedRecords(ops));
    if (history === undefined) await this.refreshHistory();
    else if (history && this.scenario.id === scenarioId) {
      this.undoLabel = history.undoLabel;
      this.redoLabel = history.redoLabel;
    }
  }

  protected async refreshHistory(): Promise<void> {
    if (!this.db) return;
    const h = await historyState(this.db, this.scenario.id);
    this.undoLabel = h.undoLabel;
    this.redoLabel = h.redoLabel;
  }

  /** Shows another tab's change: only the records it names, else the whole scenario read again. */
  protected async reloadFromStorage(changed?: ChangedRecords): Promise<void> {
    if (!this.db || this.status !== 'ready') return;
    await this.serial(async () => {
      const db = this.db as PlannerDb;
      const id = this.scenario.id;
      if (changed) {
        const stored = await loadRecords(db, id, changed.positions, changed.structures);
        if (stored && this.scenario.id === id)
          this.scenario = withStoredRecords(this.scenario, stored, this.#indexOf);
      } else {
        await this.#showStored(id);
      }
      this.revision += 1;
      await this.refreshHistory();
    });
  }

  undo(): Promise<void> {
    return this.tracked(this.serial(() => this.history('undo')));
  }

  redo(): Promise<void> {
    return this.tracked(this.serial(() => this.history('redo')));
  }

  protected async history(kind: 'undo' | 'redo'): Promise<void> {
    if (this.status !== 'ready' || !this.db) return;
    try {
      const ops = await (kind === 'undo' ? undo : redo)(this.db, this.scenario.id, this.who());
      if (ops) this.scenario = applyOpsToScenario(this.scenario, ops, this.#indexOf);
      this.writeError = null;
      await this.afterWrite(ops ?? []);
    } catch (e) {
      this.writeError = e instanceof Error ? e.message : String(e);
    }
  }

  async setUserName(name: string): Promise<void> {
    this.userName = name.trim().slice(0, 80);
    if (this.db) await setMeta(this.db, 'userName', this.userName);
  }

  /** A small setting of this browser (remembered import mappings, last export); undefined if absent or unreadable. */
  async readSetting<T>(key: MetaKey): Promise<T | undefined> {
    if (!this.db) return undefined;
    try {
      return await getMeta<T>(this.db, key);
    } catch {
      return undefined;
    }
  }

  /** Stores a small setting (a plain, JSON-safe value); the French message when storage refuses it. */
  async writeSetting(key: MetaKey, value: unknown): Promise<Result<void>> {
    if (!this.db) return err(this.blockingMessage ?? 'Planificateur non prêt');
    try {
      await setMeta(this.db, key, value);
      return ok(undefined);
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  }

  /** Re-reads the scenario list (position counts included): on scenario commands and when the list is shown. */
  refreshScenarios(): Promise<void> {
    return this.reloadScenarioList();
  }

  protected async reloadScenarioList(): Promise<void> {
    if (!this.db) return;
    this.scenarios = await listScenarios(this.db);
    this.deletedScenarioName = (await getMeta<Scenario>(this.db, 'deletedScenario'))?.name ?? null;
  }

  /** When the database cannot be opened: every table as stored, whatever its version, as JSON text. */
  async rawDumpText(): Promise<string> {
    return JSON.stringify(await rawDump(this.dbName));
  }

  /** Notes that the data was just saved to a file (for the weekly reminder). */
  async markSaved(): Promise<void> {
    this.lastSavedAt = nowIso();
    if (this.db) await setMeta(this.db, 'lastSavedAt', this.lastSavedAt);
  }

  /** The newest change-log rows of the active scenario. */
  async recentChanges(limit: number): Promise<ChangeRow[]> {
    return this.db ? recentChanges(this.db, this.scenario.id, limit) : [];
  }
}
