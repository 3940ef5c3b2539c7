// Sums of the rows the Postes grid shows after filters, overall and under each group header, in one walk.
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { ScenarioFigures } from '../../domain/recompute';
import { isGroupRow, isPositionRow, type GridRow } from './grid-rows';
import { addPosition, emptyTotals, type Totals } from './grid-totals';

export interface ShownTotals {
  all: Totals;
  /** By group header row id. */
  groups: Map<string, Totals>;
  groupNodes: IRowNode<GridRow>[];
}

/** Walks the displayed rows in order: each header's totals are those of the rows after it, until the next one. */
export function shownTotals(api: GridApi<GridRow>, figures: ScenarioFigures): ShownTotals {
  const all = emptyTotals();
  const groups = new Map<string, Totals>();
  const groupNodes: IRowNode<GridRow>[] = [];
  let current: Totals | null = null;
  api.forEachNodeAfterFilterAndSort((node) => {
    const data = node.data;
    if (isGroupRow(data)) {
      current = emptyTotals();
      groups.set(data.id, current);
      groupNodes.push(node);
    } else if (isPositionRow(data)) {
      addPosition(all, data, figures);
      if (current) addPosition(current, data, figures);
    }
  });
  return { all, groups, groupNodes };
}
