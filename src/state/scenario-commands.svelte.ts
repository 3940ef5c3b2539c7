// Scenario commands: switch, create (empty, copy, from data), rename, delete and restore, clear the demo, and
// the full backup (Sauvegarde) out and back in. Each runs in the write queue; a command that replaces the shown
// scenario shows it as stored, with its revision.
import { APP_VERSION } from '../app-version';
import { emptyScenario } from '../domain/demo';
import { err, ok, type Result } from '../domain/result';
import type { Scenario } from '../domain/types';
import { buildBackup, readBackup } from '../io/backup-file';
import { readEverything, restoreEverything } from '../storage/backup';
import { importChangeLog, type ChangeLogImport } from '../storage/import-change-log';
import { getMeta, setMeta } from '../storage/meta';
import type { ChangeSource } from '../storage/rows';
import {
  createScenario,
  deleteScenario,
  loadScenario,
  loadStoredScenario,
  replaceScenario,
} from '../storage/scenarios';
import { nowIso } from './clock';
import type { Database } from './database.svelte';
import { newId } from './ids';
import type { ScenarioList } from './scenario-list.svelte';
import type { ScenarioWriter } from './scenario-writer.svelte';
import type { Settings } from './settings.svelte';
import type { ShownScenario } from './shown-scenario.svelte';
import type { WriteQueue } from './write-queue.svelte';

export interface ScenarioParts {
  database: Database;
  queue: WriteQueue;
  shown: ShownScenario;
  writer: ScenarioWriter;
  list: ScenarioList;
  settings: Settings;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class ScenarioCommands {
  /** Whether the shown scenario is the demo campaign. */
  isDemo = $state(false);

  readonly #parts: ScenarioParts;

  constructor(parts: ScenarioParts) {
    this.#parts = parts;
  }

  /** Shows a stored scenario (as read, with its revision) and its undo labels. */
  async #show(scenario: Scenario, revision: number): Promise<void> {
    const { database, shown, writer } = this.#parts;
    shown.reset(scenario, revision);
    this.isDemo = database.db
      ? (await getMeta<string>(database.db, 'demoScenarioId')) === scenario.id
      : false;
    await writer.afterWrite(scenario.id);
  }

  /** Leaves the 2026 campaign with its 18 regions, no envelope and no position (after the user confirmed). */
  clearDemo(): Promise<void> {
    const { database, queue, shown, writer, settings } = this.#parts;
    return queue.serial(async () => {
      if (!database.db) return;
      const empty = emptyScenario(shown.scenario.id, nowIso());
      try {
        const written = await replaceScenario(database.db, empty, {
          who: settings.who(),
          source: 'demo',
          label: 'Données de démonstration vidées',
        });
        await setMeta(database.db, 'demoScenarioId', null);
        shown.reset(empty, written.revision);
        this.isDemo = false;
        writer.notify(empty.id);
        await writer.afterWrite(empty.id);
      } catch (e) {
        writer.writeError = message(e);
      }
    });
  }

  /** Makes another stored scenario the active one (the whole UI follows). */
  switchScenario(id: string): Promise<Result<void>> {
    const { database, queue } = this.#parts;
    return queue.serial(async () => {
      if (!database.db) return err('Planificateur non prêt');
      const next = await loadStoredScenario(database.db, id);
      if (!next) return err('Scénario introuvable');
      await setMeta(database.db, 'activeScenarioId', id);
      await this.#show(next.scenario, next.revision);
      return ok(undefined);
    });
  }

  /** Reads any stored scenario (for comparisons), without changing the active one. */
  async readScenario(id: string): Promise<Scenario | undefined> {
    const { db } = this.#parts.database;
    return db ? loadScenario(db, id) : undefined;
  }

  /**
   * Stores `data` as a NEW scenario named `name` (fresh id) and makes it active: an empty one, a copy,
   * an allocation saved as a scenario, a file opened. One transaction.
   */
  addScenario(data: Scenario, name: string, source: ChangeSource, label: string): Promise<Result<string>> {
    const { database, queue, settings, list } = this.#parts;
    return queue.serial(async () => {
      if (!database.db) return err('Planificateur non prêt');
      const now = nowIso();
      const scenario: Scenario = {
        ...data,
        id: newId('sc'),
        name: name.trim() || 'Sans nom',
        createdAt: now,
        updatedAt: now,
      };
      let revision: number;
      try {
        revision = (await createScenario(database.db, scenario, { who: settings.who(), source, label }))
          .revision;
        await setMeta(database.db, 'activeScenarioId', scenario.id);
      } catch (e) {
        return err(message(e));
      }
      await this.#show(scenario, revision);
      await list.reload(database.db);
      return ok(scenario.id);
    });
  }

  renameScenario(name: string): Promise<Result<void>> {
    const { database, queue, shown, writer, list } = this.#parts;
    const trimmed = name.trim();
    if (trimmed === '') return Promise.resolve(err('nom de scénario vide'));
    return queue.serial(async () => {
      const { id, name: before } = shown.scenario;
      const r = await writer.store(
        [{ entity: 'scenarioName', id, before, after: trimmed.slice(0, 120) }],
        'Renommage du scénario',
        'scenario',
      );
      if (database.db) await list.reload(database.db);
      return r;
    });
  }

  /**
   * Deletes a scenario (not the active one, nor the last one). The deleted data is kept in `meta` so
   * `restoreDeletedScenario` brings it back, even after a reload, until the next deletion.
   */
  deleteScenarioById(id: string): Promise<Result<void>> {
    const { database, queue, shown, settings, list } = this.#parts;
    return queue.serial(async () => {
      if (!database.db) return err('Planificateur non prêt');
      if (id === shown.scenario.id)
        return err('Le scénario actif ne peut pas être supprimé : activez-en un autre.');
      const victim = await loadScenario(database.db, id);
      if (!victim) return err('Scénario introuvable');
      try {
        await setMeta(database.db, 'deletedScenario', victim);
        await deleteScenario(database.db, id, {
          who: settings.who(),
          source: 'scenario',
          label: `Suppression du scénario « ${victim.name} »`,
        });
      } catch (e) {
        return err(message(e));
      }
      await list.reload(database.db);
      return ok(undefined);
    });
  }

  restoreDeletedScenario(): Promise<Result<void>> {
    const { database, queue, settings, list } = this.#parts;
    return queue.serial(async () => {
      if (!database.db) return err('Planificateur non prêt');
      const victim = await getMeta<Scenario>(database.db, 'deletedScenario');
      if (!victim) return err('Aucun scénario à rétablir');
      try {
        await createScenario(database.db, victim, {
          who: settings.who(),
          source: 'scenario',
          label: `Rétablissement du scénario « ${victim.name} »`,
        });
        await setMeta(database.db, 'deletedScenario', undefined);
      } catch (e) {
        return err(message(e));
      }
      await list.reload(database.db);
      return ok(undefined);
    });
  }

  /** The `Sauvegarde` file: every scenario and the change log, as JSON text. */
  async backupText(): Promise<string> {
    const { database, settings } = this.#parts;
    if (!database.db) throw new Error('Planificateur non prêt');
    const text = buildBackup(await readEverything(database.db), APP_VERSION, nowIso());
    await settings.markSaved();
    return text;
  }

  /** Replaces everything by a backup, all or nothing; the active scenario is kept when it is in the backup. */
  restoreBackup(text: string, fileName: string): Promise<Result<number>> {
    const { database, queue, shown, writer, settings, list } = this.#parts;
    return queue.serial(async () => {
      if (!database.db) return err('Planificateur non prêt');
      const parsed = readBackup(text, fileName);
      if (!parsed.ok) return parsed;
      const { scenarios, changes } = parsed.value;
      try {
        await restoreEverything(database.db, { scenarios, changes }, settings.who());
      } catch (e) {
        return err(message(e));
      }
      const active = scenarios.find((s) => s.id === shown.scenario.id) ?? (scenarios[0] as Scenario);
      await setMeta(database.db, 'activeScenarioId', active.id);
      const stored = await loadStoredScenario(database.db, active.id);
      await this.#show(stored?.scenario ?? active, stored?.revision ?? 0);
      writer.notify(active.id);
      await list.reload(database.db);
      return ok(scenarios.length);
    });
  }

  /** Appends the change log carried by an opened scenario file to that scenario (one transaction). */
  async appendFileChangeLog(input: ChangeLogImport): Promise<number> {
    const { database, writer } = this.#parts;
    if (!database.db) throw new Error('Planificateur non prêt');
    const written = await importChangeLog(database.db, input);
    writer.revision += 1;
    return written;
  }
}
