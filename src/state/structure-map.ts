// id → structure for a structures array, built once per array (arrays are immutable values here): an edit
// of a position does not rebuild a map of every structure.
import type { Structure } from '../domain/types';

const cache = new WeakMap<readonly Structure[], ReadonlyMap<string, Structure>>();

export function structureMap(structures: readonly Structure[]): ReadonlyMap<string, Structure> {
  let map = cache.get(structures);
  if (!map) {
    map = new Map(structures.map((s) => [s.id, s]));
    cache.set(structures, map);
  }
  return map;
}
