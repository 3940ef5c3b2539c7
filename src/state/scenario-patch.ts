// Applying ops to the in-memory scenario, the same way storage applied them (no I/O, no runes).
import type { Op } from '../storage/ops';
import type { Position, RegionBudget, Scenario, Structure } from '../domain/types';

/** A record coming back (undo of a delete) goes to the end in memory; storage restores its place on reload. */
function replaceById<T extends { id: string }>(list: readonly T[], id: string, after: T | null) {
  const index = list.findIndex((x) => x.id === id);
  if (after === null) return index < 0 ? list : [...list.slice(0, index), ...list.slice(index + 1)];
  if (index >= 0) {
    const copy = list.slice();
    copy[index] = after;
    return copy;
  }
  return [...list, after];
}

function replaceRegion(list: readonly RegionBudget[], code: string, after: RegionBudget | null) {
  const index = list.findIndex((r) => r.regionCode === code);
  if (after === null) return index < 0 ? list : list.filter((r) => r.regionCode !== code);
  if (index < 0) return [...list, after];
  const copy = list.slice();
  copy[index] = after;
  return copy;
}

/** A new scenario value with the ops applied in order (positions/structures keep their place). */
export function applyOpsToScenario(scenario: Scenario, ops: readonly Op[]): Scenario {
  let positions: readonly Position[] = scenario.positions;
  let structures: readonly Structure[] = scenario.structures;
  let regions: readonly RegionBudget[] = scenario.regions;
  let { campaign, name } = scenario;
  for (const op of ops) {
    switch (op.entity) {
      case 'position':
        positions = replaceById(positions, op.id, op.after);
        break;
      case 'structure':
        structures = replaceById(structures, op.id, op.after);
        break;
      case 'region':
        regions = replaceRegion(regions, op.id, op.after);
        break;
      case 'campaign':
        campaign = op.after;
        break;
      case 'scenarioName':
        name = op.after;
        break;
    }
  }
  return { ...scenario, positions, structures, regions, campaign, name };
}
