// The planner as the UI uses it: a thin front over small parts, each in its own file —
//   Database (database.svelte.ts)            the connection, its status and the lock screen's reason;
//   WriteQueue (write-queue.svelte.ts)       one queue of writes, and how many are pending;
//   ShownScenario (shown-scenario.svelte.ts) the scenario on screen, its figures, kept equal to storage;
//   ScenarioWriter (scenario-writer.svelte.ts) edits and ops stored then shown, undo/redo, other tabs;
//   UndoHistory, ScenarioList, Settings      labels of Annuler/Rétablir, the scenario list, this browser's settings;
//   ScenarioCommands (scenario-commands.svelte.ts) switch, create, rename, delete, backup.
// The commands below build ops with the pure builders of commands.ts; every op goes through the domain's one
// applier (src/domain/ops.ts) in storage, on screen and in the other tabs.
import { demoScenario, emptyScenario } from '../domain/demo';
import type { Op } from '../domain/ops';
import { describePosition } from '../domain/record-names';
import type { EditableField } from '../domain/position-edit';
import { err, type Result } from '../domain/result';
import type { Scenario } from '../domain/types';
import { historyState } from '../storage/changes';
import { recentChanges } from '../storage/change-log';
import { DEFAULT_DB_NAME, type PlannerDb } from '../storage/db';
import type { MetaKey } from '../storage/meta';
import { getMeta, setMeta } from '../storage/meta';
import { requestPersistence } from '../storage/persist';
import type { ChangeRow, ChangeSource } from '../storage/rows';
import { createScenario, loadStoredScenario } from '../storage/scenarios';
import { nowIso } from './clock';
import {
  cellEditOps,
  deleteOps,
  nationalEnvelopeOps,
  newPosition,
  regionEnvelopeOps,
  type PositionLookup,
} from './commands';
import { Database } from './database.svelte';
import { newId } from './ids';
import type { PasteCell, PasteOutcome, PlannerApi } from './planner-api';
import { ScenarioCommands } from './scenario-commands.svelte';
import { ScenarioList } from './scenario-list.svelte';
import { ScenarioWriter } from './scenario-writer.svelte';
import { Settings } from './settings.svelte';
import { structureMap } from './structure-map';
import { ShownScenario } from './shown-scenario.svelte';
import { TabSync } from './tab-sync';
import { UndoHistory } from './undo-history.svelte';
import { WriteQueue } from './write-queue.svelte';

export type { PlannerStatus } from './database.svelte';

export class Planner implements PlannerApi {
  readonly #database = new Database(() => this.#writer.sync?.close());
  readonly #queue = new WriteQueue();
  readonly #shown = new ShownScenario(emptyScenario('loading', nowIso()));
  readonly #history = new UndoHistory();
  readonly #list = new ScenarioList();
  readonly #settings = new Settings();
  readonly #writer = new ScenarioWriter({
    database: this.#database,
    queue: this.#queue,
    shown: this.#shown,
    history: this.#history,
    who: () => this.#settings.who(),
  });
  readonly #scenarios = new ScenarioCommands({
    database: this.#database,
    queue: this.#queue,
    shown: this.#shown,
    writer: this.#writer,
    list: this.#list,
    settings: this.#settings,
  });

  // The read model, as the UI reads it.
  get status() {
    return this.#database.status;
  }
  get blockingMessage() {
    return this.#database.blockingMessage;
  }
  get scenario(): Scenario {
    return this.#shown.scenario;
  }
  get figures() {
    return this.#shown.figures;
  }
  get structuresById() {
    return this.#shown.structuresById;
  }
  get writeError() {
    return this.#writer.writeError;
  }
  /** Bumped after each write, so the change log view knows to re-read. */
  get revision() {
    return this.#writer.revision;
  }
  /** Writes queued or running: the UI says « Enregistrement… » while it is above 0, « Enregistré » after. */
  get pendingWrites() {
    return this.#queue.pending;
  }
  get undoLabel() {
    return this.#history.undoLabel;
  }
  get redoLabel() {
    return this.#history.redoLabel;
  }
  get scenarios() {
    return this.#list.scenarios;
  }
  get deletedScenarioName() {
    return this.#list.deletedScenarioName;
  }
  get isDemo() {
    return this.#scenarios.isDemo;
  }
  get userName() {
    return this.#settings.userName;
  }
  get lastSavedAt() {
    return this.#settings.lastSavedAt;
  }
  get persistence() {
    return this.#settings.persistence;
  }

  /** The open database (tests reach it to read what is stored or to inject a fault). */
  private get db(): PlannerDb | null {
    return this.#database.db;
  }

  /** This tab's channel to the others (tests close it to play a notice that has not arrived). */
  private get sync(): TabSync | null {
    return this.#writer.sync;
  }

  async start(dbName = DEFAULT_DB_NAME): Promise<void> {
    if (!(await this.#database.open(dbName))) return;
    const db = this.db as PlannerDb;
    // First paint waits for these reads: they run side by side, the scenario read starts with them.
    const [, activeId, demoId] = await Promise.all([
      this.#settings.load(db),
      getMeta<string>(db, 'activeScenarioId'),
      getMeta<string>(db, 'demoScenarioId'),
    ]);
    // The undo/redo labels are read alongside the scenario (read again below if that read fails).
    const [stored, history] = activeId
      ? await Promise.all([loadStoredScenario(db, activeId), historyState(db, activeId).catch(() => null)])
      : [undefined, null];
    let isDemo = activeId !== undefined && demoId === activeId;
    if (stored && history) this.#history.show(history);
    if (stored) this.#shown.reset(stored.scenario, stored.revision);
    else {
      const scenario = demoScenario(nowIso());
      const written = await createScenario(db, scenario, {
        who: this.#settings.who(),
        source: 'demo',
        label: 'Données de démonstration',
      });
      await setMeta(db, 'demoScenarioId', scenario.id);
      await setMeta(db, 'activeScenarioId', scenario.id);
      this.#shown.reset(scenario, written.revision);
      isDemo = true;
    }
    this.#scenarios.isDemo = isDemo;
    if (!stored || !history) await this.#history.refresh(db, this.scenario.id);
    // The scenario list counts every scenario's positions: not needed to show the grid, it loads right after.
    // A failure here (the database closed by an upgrade in another tab) leaves the list as it was.
    this.refreshScenarios().catch(() => undefined);
    this.#writer.sync = new TabSync((notice) => this.#writer.receive(notice));
    this.#database.status = 'ready';
    void requestPersistence().then((r) => (this.#settings.persistence = r));
  }

  /** Finds a position of the current scenario through the figures' index (no scan of 100 000 rows). */
  #lookup(): PositionLookup {
    const { positions } = this.scenario;
    return (id) => {
      const i = this.#shown.indexOf(id);
      const p = i === undefined ? undefined : positions[i];
      return p?.id === id ? p : undefined;
    };
  }

  editPositionField(positionId: string, field: EditableField, text: string): Promise<Result<void>> {
    const { ops, problems } = cellEditOps(this.scenario, [{ positionId, field, text }], this.#lookup());
    if (problems[0]) return Promise.resolve(err(problems[0].message));
    return this.#writer.showAndStore(ops, 'Modification d’une cellule', 'grid');
  }

  async pasteCells(cells: readonly PasteCell[]): Promise<PasteOutcome> {
    const { ops, problems, applied } = cellEditOps(this.scenario, cells, this.#lookup());
    const label = `Collage de ${applied} cellule${applied > 1 ? 's' : ''}`;
    const r = await this.#writer.showAndStore(ops, label, 'paste');
    if (!r.ok) return { applied: 0, problems: cells.map((c) => ({ ...c, message: r.message })) };
    return { applied, problems };
  }

  async addPosition(regionCode: string): Promise<string> {
    const p = newPosition(this.scenario, regionCode);
    const r = await this.#writer.showAndStore(
      [{ entity: 'position', id: p.id, before: null, after: p }],
      'Ajout d’un poste',
      'grid',
    );
    return r.ok ? p.id : '';
  }

  async duplicatePosition(positionId: string): Promise<string> {
    const source = this.#lookup()(positionId);
    if (!source) return '';
    const copy = { ...source, id: newId('pos') };
    const r = await this.#writer.showAndStore(
      [{ entity: 'position', id: copy.id, before: null, after: copy }],
      `Duplication du poste ${describePosition(source, structureMap(this.scenario.structures))}`,
      'grid',
    );
    return r.ok ? copy.id : '';
  }

  async deletePositions(positionIds: readonly string[]): Promise<void> {
    const { ops, label } = deleteOps(this.scenario, positionIds);
    await this.#writer.showAndStore(ops, label, 'grid');
  }

  /**
   * Writes ops built elsewhere (an import plan, an allocation) as ONE transaction and one undo step.
   * `build` runs in the write queue, so it sees the scenario as the previous write left it.
   */
  applyOps(build: (scenario: Scenario) => Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    return this.#writer.storeQueued(() => build(this.scenario), label, source);
  }

  setRegionEnvelope(regionCode: string, text: string): Promise<Result<void>> {
    const r = regionEnvelopeOps(this.scenario, regionCode, text);
    return r.ok ? this.#writer.showAndStore(r.value.ops, r.value.label, 'grid') : Promise.resolve(r);
  }

  setNationalEnvelope(text: string): Promise<Result<void>> {
    const r = nationalEnvelopeOps(this.scenario, text);
    return r.ok ? this.#writer.showAndStore(r.value.ops, r.value.label, 'grid') : Promise.resolve(r);
  }

  undo(): Promise<void> {
    return this.#writer.undo();
  }

  redo(): Promise<void> {
    return this.#writer.redo();
  }

  // Scenarios and backup (scenario-commands.svelte.ts).
  clearDemo(): Promise<void> {
    return this.#scenarios.clearDemo();
  }
  switchScenario(id: string): Promise<Result<void>> {
    return this.#scenarios.switchScenario(id);
  }
  readScenario(id: string): Promise<Scenario | undefined> {
    return this.#scenarios.readScenario(id);
  }
  addScenario(data: Scenario, name: string, source: ChangeSource, label: string): Promise<Result<string>> {
    return this.#scenarios.addScenario(data, name, source, label);
  }
  renameScenario(name: string): Promise<Result<void>> {
    return this.#scenarios.renameScenario(name);
  }
  deleteScenarioById(id: string): Promise<Result<void>> {
    return this.#scenarios.deleteScenarioById(id);
  }
  restoreDeletedScenario(): Promise<Result<void>> {
    return this.#scenarios.restoreDeletedScenario();
  }
  backupText(): Promise<string> {
    return this.#scenarios.backupText();
  }
  restoreBackup(text: string, fileName: string): Promise<Result<number>> {
    return this.#scenarios.restoreBackup(text, fileName);
  }
  appendFileChangeLog(...args: Parameters<ScenarioCommands['appendFileChangeLog']>): Promise<number> {
    return this.#scenarios.appendFileChangeLog(...args);
  }

  /** Re-reads the scenario list (position counts included): on scenario commands and when the list is shown. */
  async refreshScenarios(): Promise<void> {
    if (this.db) await this.#list.reload(this.db);
  }

  // Settings of this browser.
  setUserName(name: string): Promise<void> {
    return this.#settings.setUserName(name);
  }
  markSaved(): Promise<void> {
    return this.#settings.markSaved();
  }
  readSetting<T>(key: MetaKey): Promise<T | undefined> {
    return this.#settings.read<T>(key);
  }
  writeSetting(key: MetaKey, value: unknown): Promise<Result<void>> {
    if (!this.db) return Promise.resolve(err(this.#database.notReady));
    return this.#settings.write(key, value);
  }

  /** When the database cannot be opened: every table as stored, whatever its version, as JSON text. */
  rawDumpText(): Promise<string> {
    return this.#database.rawDumpText();
  }

  /** The newest change-log rows of the active scenario. */
  async recentChanges(limit: number): Promise<ChangeRow[]> {
    return this.db ? recentChanges(this.db, this.scenario.id, limit) : [];
  }
}
