// Helpers shared by the ui tests.
import type { ScenarioFigures } from '../../src/domain/recompute';
import type { Position } from '../../src/domain/types';
import { addPosition, emptyTotals, type Totals } from '../../src/ui/grid/grid-totals';

/** The grid's totals of some positions, summed one row at a time (what the group and totals rows show). */
export function sumPositions(positions: Iterable<Position>, figures: ScenarioFigures): Totals {
  const t = emptyTotals();
  for (const p of positions) addPosition(t, p, figures);
  return t;
}
