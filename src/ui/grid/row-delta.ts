// What changed between two position lists from the planner, so the grid can update only those rows. The planner
// replaces a changed position in place and keeps every other object, so a pointer comparison finds the edits.
import type { Position } from '../../domain/types';

/**
 * The positions of `next` that differ from `previous` at the same index, or null when rows were added, removed or
 * reordered, or when a changed row moved to another group (`groupKey`): the caller then gives the whole list.
 */
export function changedInPlace(
  previous: readonly Position[],
  next: readonly Position[],
  groupKey?: (p: Position) => string,
): Position[] | null {
  if (previous.length !== next.length) return null;
  const changed: Position[] = [];
  for (let i = 0; i < next.length; i++) {
    const before = previous[i] as Position;
    const after = next[i] as Position;
    if (before === after) continue;
    if (before.id !== after.id) return null;
    if (groupKey && groupKey(before) !== groupKey(after)) return null;
    changed.push(after);
  }
  return changed;
}
