// The ops that turn one complete scenario into another (whole-scenario imports, restores, clearing the demo),
// so a replacement is written, logged and undone like any other change. Pure: no Dexie here.
import type { Scenario } from '../domain/types';
import { StorageError } from './errors';
import type { Op } from '../domain/ops';

/** Throws a StorageError when two records of one list share an id (a put would silently keep one). */
export function assertUniqueIds(scenario: Scenario): void {
  const lists: Array<[string, readonly string[]]> = [
    ['poste', scenario.positions.map((p) => p.id)],
    ['structure', scenario.structures.map((s) => s.id)],
    ['région', scenario.regions.map((r) => r.regionCode)],
  ];
  for (const [kind, ids] of lists) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) {
        throw new StorageError(
          'invalid',
          `Identifiant de ${kind} en double (« ${id} ») : rien n'a été enregistré.`,
        );
      }
      seen.add(id);
    }
  }
}

function listOps<T, E extends 'position' | 'structure' | 'region'>(
  entity: E,
  current: readonly T[],
  next: readonly T[],
  idOf: (record: T) => string,
): Op[] {
  const nextIds = new Set(next.map(idOf));
  const stored = new Map(current.map((record) => [idOf(record), record]));
  const ops: Op[] = [];
  // Deletions first, then every record at its index in turn: after step i, places 0…i hold next[0…i].
  for (const record of current) {
    const id = idOf(record);
    if (!nextIds.has(id)) ops.push({ entity, id, before: record, after: null } as Op);
  }
  next.forEach((record, index) => {
    const id = idOf(record);
    ops.push({ entity, id, before: stored.get(id) ?? null, after: record, orderAfter: index } as Op);
  });
  return ops;
}

/**
 * Ops from `current` (as stored) to `next`: campaign, name, regions, structures, positions, in the order of
 * `next`. Unchanged records give ops that storage drops; ids must be unique (see assertUniqueIds).
 */
export function scenarioOps(current: Scenario, next: Scenario): Op[] {
  return [
    { entity: 'campaign', id: next.campaign.id, before: current.campaign, after: next.campaign },
    { entity: 'scenarioName', id: current.id, before: current.name, after: next.name },
    ...listOps('region', current.regions, next.regions, (r) => r.regionCode),
    ...listOps('structure', current.structures, next.structures, (s) => s.id),
    ...listOps('position', current.positions, next.positions, (p) => p.id),
  ];
}
