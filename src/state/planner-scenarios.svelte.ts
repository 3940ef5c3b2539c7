// Scenario commands of the planner: switch, create (empty, copy, from data), rename, delete and restore,
// clear the demo, and the full backup (Sauvegarde) out and back in.
import { emptyScenario } from '../domain/demo';
import { err, ok, type Result } from '../domain/result';
import type { Scenario } from '../domain/types';
import { buildBackup, readBackup } from '../io/backup-file';
import { APP_VERSION } from '../app-version';
import { readEverything, restoreEverything } from '../storage/backup';
import { getMeta, setMeta } from '../storage/meta';
import { importChangeLog, type ChangeLogImport } from '../storage/import-change-log';
import type { ChangeSource } from '../storage/rows';
import { createScenario, deleteScenario, loadScenario, replaceScenario } from '../storage/scenarios';
import { nowIso } from './clock';
import { newId } from './ids';
import { PlannerCore } from './planner-core.svelte';

export class PlannerScenarios extends PlannerCore {
  /** Leaves the 2026 campaign with its 18 regions, no envelope and no position (after the user confirmed). */
  clearDemo(): Promise<void> {
    return this.serial(async () => {
      if (!this.db) return;
      const empty = emptyScenario(this.scenario.id, nowIso());
      try {
        await replaceScenario(this.db, empty, {
          who: this.who(),
          source: 'demo',
          label: 'Données de démonstration vidées',
        });
        await setMeta(this.db, 'demoScenarioId', null);
        this.scenario = empty;
        this.isDemo = false;
        await this.afterWrite();
      } catch (e) {
        this.writeError = e instanceof Error ? e.message : String(e);
      }
    });
  }

  /** Makes another stored scenario the active one (the whole UI follows). */
  switchScenario(id: string): Promise<Result<void>> {
    return this.serial(async () => {
      if (!this.db) return err('Planificateur non prêt');
      const next = await loadScenario(this.db, id);
      if (!next) return err('Scénario introuvable');
      await setMeta(this.db, 'activeScenarioId', id);
      this.scenario = next;
      this.isDemo = (await getMeta<string>(this.db, 'demoScenarioId')) === id;
      this.revision += 1;
      await this.refreshHistory();
      return ok(undefined);
    });
  }

  /** Reads any stored scenario (for comparisons), without changing the active one. */
  async readScenario(id: string): Promise<Scenario | undefined> {
    return this.db ? loadScenario(this.db, id) : undefined;
  }

  /**
   * Stores `data` as a NEW scenario named `name` (fresh id) and makes it active: an empty one, a copy,
   * an allocation saved as a scenario, a file opened. One transaction.
   */
  addScenario(data: Scenario, name: string, source: ChangeSource, label: string): Promise<Result<string>> {
    return this.serial(async () => {
      if (!this.db) return err('Planificateur non prêt');
      const now = nowIso();
      const scenario: Scenario = {
        ...data,
        id: newId('sc'),
        name: name.trim() || 'Sans nom',
        createdAt: now,
        updatedAt: now,
      };
      try {
        await createScenario(this.db, scenario, { who: this.who(), source, label });
        await setMeta(this.db, 'activeScenarioId', scenario.id);
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      this.scenario = scenario;
      this.isDemo = false;
      this.revision += 1;
      await this.refreshHistory();
      await this.reloadScenarioList();
      return ok(scenario.id);
    });
  }

  renameScenario(name: string): Promise<Result<void>> {
    const trimmed = name.trim();
    if (trimmed === '') return Promise.resolve(err('nom de scénario vide'));
    return this.serial(async () => {
      const r = await this.commit(
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
      await this.reloadScenarioList();
      return r;
    });
  }

  /**
   * Deletes a scenario (not the active one, nor the last one). The deleted data is kept in `meta` so
   * `restoreDeletedScenario` brings it back, even after a reload, until the next deletion.
   */
  deleteScenarioById(id: string): Promise<Result<void>> {
    return this.serial(async () => {
      if (!this.db) return err('Planificateur non prêt');
      if (id === this.scenario.id)
        return err('Le scénario actif ne peut pas être supprimé : activez-en un autre.');
      const victim = await loadScenario(this.db, id);
      if (!victim) return err('Scénario introuvable');
      try {
        await setMeta(this.db, 'deletedScenario', victim);
        await deleteScenario(this.db, id, {
          who: this.who(),
          source: 'scenario',
          label: `Suppression du scénario « ${victim.name} »`,
        });
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      await this.reloadScenarioList();
      return ok(undefined);
    });
  }

  restoreDeletedScenario(): Promise<Result<void>> {
    return this.serial(async () => {
      if (!this.db) return err('Planificateur non prêt');
      const victim = await getMeta<Scenario>(this.db, 'deletedScenario');
      if (!victim) return err('Aucun scénario à rétablir');
      try {
        await createScenario(this.db, victim, {
          who: this.who(),
          source: 'scenario',
          label: `Rétablissement du scénario « ${victim.name} »`,
        });
        await setMeta(this.db, 'deletedScenario', undefined);
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      await this.reloadScenarioList();
      return ok(undefined);
    });
  }

  /** The `Sauvegarde` file: every scenario and the change log, as JSON text. */
  async backupText(): Promise<string> {
    if (!this.db) throw new Error('Planificateur non prêt');
    const text = buildBackup(await readEverything(this.db), APP_VERSION, nowIso());
    await this.markSaved();
    return text;
  }

  /** Replaces everything by a backup, all or nothing; the active scenario is kept when it is in the backup. */
  restoreBackup(text: string, fileName: string): Promise<Result<number>> {
    return this.serial(async () => {
      if (!this.db) return err('Planificateur non prêt');
      const parsed = readBackup(text, fileName);
      if (!parsed.ok) return parsed;
      const { scenarios, changes } = parsed.value;
      try {
        await restoreEverything(this.db, { scenarios, changes }, this.who());
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
      const active = scenarios.find((s) => s.id === this.scenario.id) ?? (scenarios[0] as Scenario);
      await setMeta(this.db, 'activeScenarioId', active.id);
      this.scenario = active;
      this.isDemo = (await getMeta<string>(this.db, 'demoScenarioId')) === active.id;
      await this.afterWrite();
      await this.reloadScenarioList();
      return ok(scenarios.length);
    });
  }

  /** Appends the change log carried by an opened scenario file to that scenario (one transaction). */
  async appendFileChangeLog(input: ChangeLogImport): Promise<number> {
    if (!this.db) throw new Error('Planificateur non prêt');
    const written = await importChangeLog(this.db, input);
    this.revision += 1;
    return written;
  }
}
