// The planner's live state: the active scenario from IndexedDB, every figure derived from it by the domain
// core, and the commands that write a change to storage first and only then show it.
import { demoScenario, emptyScenario } from '../domain/demo';
import { createRecomputer } from '../domain/recompute-incremental';
import type { EditableField } from '../domain/position-edit';
import { err, ok, type Result } from '../domain/result';
import type { Scenario, Structure } from '../domain/types';
import { applyChange, historyState, redo, undo } from '../storage/changes';
import { DEFAULT_DB_NAME, openPlannerDb, type PlannerDb } from '../storage/db';
import { rawDump } from '../storage/raw-dump';
import { StorageError } from '../storage/errors';
import type { Op } from '../storage/ops';
import type { ChangeSource } from '../storage/rows';
import {
  createScenario,
  deleteScenario,
  listScenarios,
  loadScenario,
  replaceScenario,
  type ScenarioSummary,
} from '../storage/scenarios';
import { getMeta, setMeta, type MetaKey } from '../storage/meta';
import { recentChanges } from '../storage/change-log';
import { readEverything, restoreEverything } from '../storage/backup';
import { buildBackup, readBackup } from '../io/backup-file';
import { APP_VERSION } from '../app-version';
import type { ChangeRow } from '../storage/rows';
import { requestPersistence } from '../storage/persist';
import { nowIso } from './clock';
import { cellEditOps, deleteOps, nationalEnvelopeOps, newPosition, regionEnvelopeOps } from './commands';
import { newId } from './ids';
import type { PasteCell, PasteOutcome, PlannerApi } from './planner-api';
import { applyOpsToScenario } from './scenario-patch';
import { TabSync } from './tab-sync';

export type PlannerStatus = 'loading' | 'ready' | 'locked' | 'unavailable';

export class Planner implements PlannerApi {
  status = $state<PlannerStatus>('loading');
  /** Why the app cannot work (IndexedDB missing, newer schema, another tab upgraded). */
  blockingMessage = $state<string | null>(null);
  /** The last write error (e.g. `Stockage plein…`), shown until the next successful write. */
  writeError = $state<string | null>(null);
  scenario = $state.raw<Scenario>(emptyScenario('loading', nowIso()));
  /** Recomputes only the positions an edit replaced (falls back to a full recompute otherwise). */
  #recompute = createRecomputer();
  figures = $derived(this.#recompute(this.scenario));
  // A fresh read-only Map per scenario value: never mutated, so no SvelteMap is needed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  structuresById = $derived(new Map<string, Structure>(this.scenario.structures.map((s) => [s.id, s])));
  isDemo = $state(false);
  userName = $state('');
  undoLabel = $state<string | null>(null);
  redoLabel = $state<string | null>(null);
  persistence = $state<'granted' | 'refused' | 'unavailable' | 'unknown'>('unknown');
  /** Bumped after each write, so the change log view knows to re-read. */
  revision = $state(0);
  /** Every stored scenario (id, name, updatedAt, position count), refreshed after scenario commands. */
  scenarios = $state.raw<ScenarioSummary[]>([]);
  /** When data was last saved to a file (backup, export, scenario file); null when never. */
  lastSavedAt = $state<string | null>(null);
  /** The last deleted scenario's name, while it can still be restored. */
  deletedScenarioName = $state<string | null>(null);

  #db: PlannerDb | null = null;
  #dbName = DEFAULT_DB_NAME;
  #sync: TabSync | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  async start(dbName = DEFAULT_DB_NAME): Promise<void> {
    this.#dbName = dbName;
    try {
      this.#db = await openPlannerDb(dbName, {
        onVersionChange: () =>
          this.#lock(
            'Une version plus récente du planificateur a été ouverte dans un autre onglet. Rechargez cette page pour continuer : aucune modification ne sera perdue.',
          ),
        onBlocked: () =>
          this.#lock(
            'Un autre onglet utilise une ancienne version du planificateur : fermez-le ou rechargez-le.',
          ),
      });
    } catch (e) {
      this.status = 'unavailable';
      this.blockingMessage = e instanceof Error ? e.message : String(e);
      return;
    }
    const db = this.#db;
    this.userName = (await getMeta<string>(db, 'userName')) ?? '';
    this.lastSavedAt = (await getMeta<string>(db, 'lastSavedAt')) ?? null;
    let id = await getMeta<string>(db, 'activeScenarioId');
    let scenario = id ? await loadScenario(db, id) : undefined;
    if (!scenario) {
      scenario = demoScenario(nowIso());
      await createScenario(db, scenario, {
        who: this.#who(),
        source: 'demo',
        label: 'Données de démonstration',
      });
      await setMeta(db, 'demoScenarioId', scenario.id);
      await setMeta(db, 'activeScenarioId', scenario.id);
      id = scenario.id;
    }
    this.scenario = scenario;
    this.isDemo = (await getMeta<string>(db, 'demoScenarioId')) === id;
    await this.#refreshHistory();
    await this.#refreshScenarios();
    this.#sync = new TabSync((notice) => {
      if (notice.scenarioId === this.scenario.id) void this.#reloadFromStorage();
    });
    this.status = 'ready';
    void requestPersistence().then((r) => (this.persistence = r));
  }

  #who(): string {
    return this.userName.trim() || 'Utilisateur sans nom';
  }

  #lock(message: string): void {
    this.status = 'locked';
    this.blockingMessage = message;
    this.#sync?.close();
  }

  /** Writes run one after the other, so ops are built on the state the previous write left. */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #commit(ops: Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    if (this.status !== 'ready' || !this.#db) return err(this.blockingMessage ?? 'Planificateur non prêt');
    if (ops.length === 0) return ok(undefined);
    try {
      const result = await applyChange(this.#db, {
        scenarioId: this.scenario.id,
        ops,
        label,
        who: this.#who(),
        source,
      });
      this.scenario = applyOpsToScenario(this.scenario, result.ops);
      this.writeError = null;
      await this.#afterWrite();
      return ok(undefined);
    } catch (e) {
      const message = e instanceof StorageError ? e.message : `Échec de l’enregistrement : ${String(e)}`;
      this.writeError = message;
      return err(message);
    }
  }

  async #afterWrite(): Promise<void> {
    this.revision += 1;
    this.#sync?.notify(this.scenario.id);
    await this.#refreshHistory();
  }

  async #refreshHistory(): Promise<void> {
    if (!this.#db) return;
    const h = await historyState(this.#db, this.scenario.id);
    this.undoLabel = h.undoLabel;
    this.redoLabel = h.redoLabel;
  }

  async #reloadFromStorage(): Promise<void> {
    if (!this.#db || this.status !== 'ready') return;
    await this.#serial(async () => {
      const fresh = await loadScenario(this.#db as PlannerDb, this.scenario.id);
      if (fresh) this.scenario = fresh;
      this.revision += 1;
      await this.#refreshHistory();
    });
  }

  editPositionField(positionId: string, field: EditableField, text: string): Promise<Result<void>> {
    return this.#serial(async () => {
      const { ops, problems } = cellEditOps(this.scenario, [{ positionId, field, text }]);
      if (problems[0]) return err(problems[0].message);
      return this.#commit(ops, 'Modification d’une cellule', 'grid');
    });
  }

  pasteCells(cells: readonly PasteCell[]): Promise<PasteOutcome> {
    return this.#serial(async () => {
      const { ops, problems, applied } = cellEditOps(this.scenario, cells);
      const r = await this.#commit(ops, `Collage de ${applied} cellule${applied > 1 ? 's' : ''}`, 'paste');
      if (!r.ok) return { applied: 0, problems: cells.map((c) => ({ ...c, message: r.message })) };
      return { applied, problems };
    });
  }

  addPosition(regionCode: string): Promise<string> {
    return this.#serial(async () => {
      const p = newPosition(this.scenario, regionCode);
      const r = await this.#commit(
        [{ entity: 'position', id: p.id, before: null, after: p }],
        'Ajout d’un poste',
        'grid',
      );
      return r.ok ? p.id : '';
    });
  }

  duplicatePosition(positionId: string): Promise<string> {
    return this.#serial(async () => {
      const source = this.scenario.positions.find((p) => p.id === positionId);
      if (!source) return '';
      const copy = { ...source, id: newId('pos') };
      const r = await this.#commit(
        [{ entity: 'position', id: copy.id, before: null, after: copy }],
        'Duplication d’un poste',
        'grid',
      );
      return r.ok ? copy.id : '';
    });
  }

  deletePositions(positionIds: readonly string[]): Promise<void> {
    return this.#serial(async () => {
      const { ops, label } = deleteOps(this.scenario, positionIds);
      await this.#commit(ops, label, 'grid');
    });
  }

  /**
   * Writes ops built elsewhere (an import plan, an allocation) as ONE transaction and one undo step.
   * `build` runs in the write queue, so it sees the scenario as the previous write left it.
   */
  applyOps(build: (scenario: Scenario) => Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    return this.#serial(() => this.#commit(build(this.scenario), label, source));
  }

  setRegionEnvelope(regionCode: string, text: string): Promise<Result<void>> {
    return this.#serial(async () => {
      const r = regionEnvelopeOps(this.scenario, regionCode, text);
      return r.ok ? this.#commit(r.value.ops, r.value.label, 'grid') : r;
    });
  }

  setNationalEnvelope(text: string): Promise<Result<void>> {
    return this.#serial(async () => {
      const r = nationalEnvelopeOps(this.scenario, text);
      return r.ok ? this.#commit(r.value.ops, r.value.label, 'grid') : r;
    });
  }

  undo(): Promise<void> {
    return this.#serial(() => this.#history('undo'));
  }

  redo(): Promise<void> {
    return this.#serial(() => this.#history('redo'));
  }

  async #history(kind: 'undo' | 'redo'): Promise<void> {
    if (this.status !== 'ready' || !this.#db) return;
    try {
      const ops = await (kind === 'undo' ? undo : redo)(this.#db, this.scenario.id, this.#who());
      if (ops) this.scenario = applyOpsToScenario(this.scenario, ops);
      this.writeError = null;
      await this.#afterWrite();
    } catch (e) {
      this.writeError = e instanceof Error ? e.message : String(e);
    }
  }

  /** Leaves the 2026 campaign with its 18 regions, no envelope and no position (after the user confirmed). */
  clearDemo(): Promise<void> {
    return this.#serial(async () => {
      if (!this.#db) return;
      const empty = emptyScenario(this.scenario.id, nowIso());
      try {
        await replaceScenario(this.#db, empty, {
          who: this.#who(),
          source: 'demo',
          label: 'Données de démonstration vidées',
        });
        await setMeta(this.#db, 'demoScenarioId', null);
        this.scenario = empty;
        this.isDemo = false;
        await this.#afterWrite();
      } catch (e) {
        this.writeError = e instanceof Error ? e.message : String(e);
      }
    });
  }

  async setUserName(name: string): Promise<void> {
    this.userName = name.trim().slice(0, 80);
    if (this.#db) await setMeta(this.#db, 'userName', this.userName);
  }

  /** A small setting of this browser (remembered import mappings, last export); undefined if absent or unreadable. */
  async readSetting<T>(key: MetaKey): Promise<T | undefined> {
    if (!this.#db) return undefined;
    try {
      return await getMeta<T>(this.#db, key);
    } catch {
      return undefined;
    }
  }

  /** Stores a small setting (a plain, JSON-safe value); the French message when storage refuses it. */
  async writeSetting(key: MetaKey, value: unknown): Promise<Result<void>> {
    if (!this.#db) return err(this.blockingMessage ?? 'Planificateur non prêt');
    try {
      await setMeta(this.#db, key, value);
      return ok(undefined);
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  }

  /** Re-reads the scenario list (position counts included): on scenario commands and when the list is shown. */
  refreshScenarios(): Promise<void> {
    return this.#refreshScenarios();
  }

  async #refreshScenarios(): Promise<void> {
    if (!this.#db) return;
    this.scenarios = await listScenarios(this.#db);
    this.deletedScenarioName = (await getMeta<Scenario>(this.#db, 'deletedScenario'))?.name ?? null;
  }

  /** Makes another stored scenario the active one (the whole UI follows). */
  switchScenario(id: string): Promise<Result<void>> {
    return this.#serial(async () => {
      if (!this.#db) return err('Planificateur non prêt');
      const next = await loadScenario(this.#db, id);
      if (!next) return err('Scénario introuvable');
      await setMeta(this.#db, 'activeScenarioId', id);
      this.scenario = next;
      this.isDemo = (await getMeta<string>(this.#db, 'demoScenarioId')) === id;
      this.revision += 1;
      await this.#refreshHistory();
      return ok(undefined);
    });
  }

  /** Reads any stored scenario (for comparisons), without changing the active one. */
  async readScenario(id: string): Promise<Scenario | undefined> {
    return this.#db ? loadScenario(this.#db, id) : undefined;
  }

  /**
   * Stores `data` as a NEW scenario named `name` (fresh id) and makes it active: an empty one, a copy,
   * an allocation saved as a scenario, a file opened. One transaction.
   */
  addScenario(data: Scenario, name: string, source: ChangeSource, label: string): Promise<Result<string>> {
    return this.#serial(async () => {
      if (!this.#db) return err('Planificateur non prêt');
      const now = nowIso();
      const scenario: Scenario = {
        ...data,
        id: newId('sc'),
        name: name.trim() || 'Sans nom',
        createdAt: now,
        updatedAt: now,
      };
      try {
        await createScenario(this.#db, scenario, { who: this.#who(), source, label });
        await setMeta(this.#db, 'activeScenarioId', scenario.id);
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      this.scenario = scenario;
      this.isDemo = false;
      this.revision += 1;
      await this.#refreshHistory();
      await this.#refreshScenarios();
      return ok(scenario.id);
    });
  }

  renameScenario(name: string): Promise<Result<void>> {
    const trimmed = name.trim();
    if (trimmed === '') return Promise.resolve(err('nom de scénario vide'));
    return this.#serial(async () => {
      const r = await this.#commit(
        [
          {
            entity: 'scenarioName',
            id: this.scenario.id,
            before: this.scenario.name,
            after: trimmed.slice(0, 120),
          },
        ],
        'Renommage du scénario',
        'scenario',
      );
      await this.#refreshScenarios();
      return r;
    });
  }

  /**
   * Deletes a scenario (not the active one, nor the last one). The deleted data is kept in `meta` so
   * `restoreDeletedScenario` brings it back, even after a reload, until the next deletion.
   */
  deleteScenarioById(id: string): Promise<Result<void>> {
    return this.#serial(async () => {
      if (!this.#db) return err('Planificateur non prêt');
      if (id === this.scenario.id)
        return err('Le scénario actif ne peut pas être supprimé : activez-en un autre.');
      const victim = await loadScenario(this.#db, id);
      if (!victim) return err('Scénario introuvable');
      try {
        await setMeta(this.#db, 'deletedScenario', victim);
        await deleteScenario(this.#db, id, {
          who: this.#who(),
          source: 'scenario',
          label: `Suppression du scénario « ${victim.name} »`,
        });
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      await this.#refreshScenarios();
      return ok(undefined);
    });
  }

  restoreDeletedScenario(): Promise<Result<void>> {
    return this.#serial(async () => {
      if (!this.#db) return err('Planificateur non prêt');
      const victim = await getMeta<Scenario>(this.#db, 'deletedScenario');
      if (!victim) return err('Aucun scénario à rétablir');
      try {
        await createScenario(this.#db, victim, {
          who: this.#who(),
          source: 'scenario',
          label: `Rétablissement du scénario « ${victim.name} »`,
        });
        await setMeta(this.#db, 'deletedScenario', undefined);
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      await this.#refreshScenarios();
      return ok(undefined);
    });
  }

  /** When the database cannot be opened: every table as stored, whatever its version, as JSON text. */
  async rawDumpText(): Promise<string> {
    return JSON.stringify(await rawDump(this.#dbName));
  }

  /** Notes that the data was just saved to a file (for the weekly reminder). */
  async markSaved(): Promise<void> {
    this.lastSavedAt = nowIso();
    if (this.#db) await setMeta(this.#db, 'lastSavedAt', this.lastSavedAt);
  }

  /** The `Sauvegarde` file: every scenario and the change log, as JSON text. */
  async backupText(): Promise<string> {
    if (!this.#db) throw new Error('Planificateur non prêt');
    const text = buildBackup(await readEverything(this.#db), APP_VERSION, nowIso());
    await this.markSaved();
    return text;
  }

  /** Replaces everything by a backup, all or nothing; the active scenario is kept when it is in the backup. */
  restoreBackup(text: string, fileName: string): Promise<Result<number>> {
    return this.#serial(async () => {
      if (!this.#db) return err('Planificateur non prêt');
      const parsed = readBackup(text, fileName);
      if (!parsed.ok) return parsed;
      const { scenarios, changes } = parsed.value;
      try {
        await restoreEverything(this.#db, { scenarios, changes }, this.#who());
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      const active = scenarios.find((s) => s.id === this.scenario.id) ?? (scenarios[0] as Scenario);
      await setMeta(this.#db, 'activeScenarioId', active.id);
      this.scenario = active;
      this.isDemo = (await getMeta<string>(this.#db, 'demoScenarioId')) === active.id;
      await this.#afterWrite();
      await this.#refreshScenarios();
      return ok(scenarios.length);
    });
  }

  /** The newest change-log rows of the active scenario. */
  async recentChanges(limit: number): Promise<ChangeRow[]> {
    return this.#db ? recentChanges(this.#db, this.scenario.id, limit) : [];
  }
}
