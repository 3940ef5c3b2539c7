// The planner's live state: the active scenario from IndexedDB, every figure derived from it by the domain
// core, and the commands that write a change to storage first and only then show it.
import { demoScenario, emptyScenario } from '../domain/demo';
import { recompute } from '../domain/recompute';
import type { EditableField } from '../domain/position-edit';
import { err, ok, type Result } from '../domain/result';
import type { Scenario, Structure } from '../domain/types';
import { applyChange, historyState, redo, undo } from '../storage/changes';
import { openPlannerDb, type PlannerDb } from '../storage/db';
import { StorageError } from '../storage/errors';
import type { Op } from '../storage/ops';
import type { ChangeSource } from '../storage/rows';
import { createScenario, loadScenario, replaceScenario } from '../storage/scenarios';
import { getMeta, setMeta } from '../storage/meta';
import { recentChanges } from '../storage/change-log';
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
  figures = $derived(recompute(this.scenario));
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

  #db: PlannerDb | null = null;
  #sync: TabSync | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  async start(dbName?: string): Promise<void> {
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

  /** The newest change-log rows of the active scenario. */
  async recentChanges(limit: number): Promise<ChangeRow[]> {
    return this.#db ? recentChanges(this.#db, this.scenario.id, limit) : [];
  }
}
