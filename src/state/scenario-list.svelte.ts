// Every stored scenario (id, name, updatedAt, position count) and the last deleted one that can still be
// restored: read again after scenario commands and when the list is shown.
import type { Scenario } from '../domain/types';
import type { PlannerDb } from '../storage/db';
import { getMeta } from '../storage/meta';
import { listScenarios, type ScenarioSummary } from '../storage/scenarios';

export class ScenarioList {
  scenarios = $state.raw<ScenarioSummary[]>([]);

  /** The last deleted scenario's name, while it can still be restored. */
  deletedScenarioName = $state<string | null>(null);

  async reload(db: PlannerDb): Promise<void> {
    this.scenarios = await listScenarios(db);
    this.deletedScenarioName = (await getMeta<Scenario>(db, 'deletedScenario'))?.name ?? null;
  }
}
