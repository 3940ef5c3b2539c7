// The planner's live state: the active scenario and every figure derived from it by the domain core.
import { demoScenario } from '../domain/demo';
import { recompute } from '../domain/recompute';
import { nowIso } from './clock';
import type { Scenario } from '../domain/types';

export class Planner {
  scenario = $state.raw<Scenario>(demoScenario(nowIso()));
  figures = $derived(recompute(this.scenario));
  isDemo = $state(true);
}
