// The embedded demo campaign shown on first start: 2026, 4,7 M€, 18 regions, the Occitanie positions and others.
import type { Scenario } from '../types';
import { campaign2026, emptyRegionBudgets, exampleRegionBudgets } from './campaign-2026';
import { generateForEnvelopes } from './generate';
import { occitanieData } from './occitanie';

export const DEMO_SCENARIO_ID = 'demo-2026';

export function demoScenario(now: string): Scenario {
  const regions = exampleRegionBudgets();
  const occitanie = occitanieData();
  const others = generateForEnvelopes(regions, 0.8, ['76']);
  return {
    id: DEMO_SCENARIO_ID,
    name: 'Démonstration 2026',
    campaign: campaign2026(),
    regions,
    structures: [...occitanie.structures, ...others.structures],
    positions: [...occitanie.positions, ...others.positions],
    createdAt: now,
    updatedAt: now,
  };
}

/** What is left after clearing the demo: the 2026 campaign, its 18 regions with no envelope, no positions. */
export function emptyScenario(id: string, now: string): Scenario {
  return {
    id,
    name: 'Campagne 2026',
    campaign: campaign2026(),
    regions: emptyRegionBudgets(),
    structures: [],
    positions: [],
    createdAt: now,
    updatedAt: now,
  };
}
