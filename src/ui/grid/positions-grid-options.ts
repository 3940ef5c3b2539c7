// AG Grid options of the Postes grid: columns, row ids, breach row class, our grouping (header rows that always
// pass the filters, ordered after the user's sort), the external filters and the quick search.
import type { GridOptions, IRowNode } from 'ag-grid-community';
import { commonGridOptions } from './ag-grid-setup';
import { BREACH_ROW_CLASS, rowHasBreach } from './breach-cells';
import { searchKey } from './column-kinds';
import { GroupRowRenderer } from './group-row-renderer';
import {
  isGroupRow,
  isPositionRow,
  type GridRow,
  type GroupBy,
  type GroupRow,
  type PositionGridContext,
} from './grid-rows';
import { groupKeyOf, interleaveGroups } from './grouping';
import { positionColDefs, type CommitEdit } from './position-columns';

/** What the user chose in the toolbar, read by the grid's callbacks. */
export interface PositionsViewState {
  groupBy: GroupBy;
  onlyBreaches: boolean;
  regionFilter: string | null;
}

export function positionsGridOptions(
  ctx: PositionGridContext,
  view: PositionsViewState,
  commit: CommitEdit,
): GridOptions<GridRow> {
  const base = commonGridOptions() as GridOptions<GridRow>;
  return {
    ...base,
    context: ctx,
    columnDefs: positionColDefs(ctx, commit),
    rowData: [],
    getRowId: (p) => p.data.id,
    // Every column stays in the DOM (rows are still virtualised): screen readers and Ctrl+F see all of a row.
    suppressColumnVirtualisation: true,
    // …so each rendered row costs 27 cells: 4 rows kept ready above and below the viewport (AG Grid's default
    // is 10), fewer cells to build at first paint and after each scroll.
    rowBuffer: 4,
    rowSelection: {
      mode: 'multiRow',
      checkboxes: false,
      headerCheckbox: false,
      enableClickSelection: true,
      isRowSelectable: (node) => isPositionRow(node.data),
    },
    rowClassRules: {
      [BREACH_ROW_CLASS]: (p) => rowHasBreach(ctx, p.data),
      'grid-row--group': (p) => isGroupRow(p.data),
    },
    isFullWidthRow: (p) => isGroupRow(p.rowNode.data),
    fullWidthCellRenderer: GroupRowRenderer,
    // Group headers are rows of our own: they never hide under a filter; empty groups are dropped below.
    alwaysPassFilter: (node) => isGroupRow(node.data),
    isExternalFilterPresent: () => view.onlyBreaches || view.regionFilter !== null,
    doesExternalFilterPass: (node) => {
      const p = node.data;
      if (!isPositionRow(p)) return true;
      if (view.regionFilter !== null && p.regionCode !== view.regionFilter) return false;
      return !view.onlyBreaches || rowHasBreach(ctx, p);
    },
    postSortRows: (p) => orderByGroup(p.nodes, view.groupBy),
    cacheQuickFilter: true,
    quickFilterParser: (text) =>
      searchKey(text)
        .split(/\s+/)
        .filter((w) => w !== ''),
    quickFilterMatcher: (parts, rowText) => {
      const text = searchKey(rowText);
      return parts.every((part) => text.includes(part));
    },
  };
}

/** Puts each group's rows (in the user's sort order) after its header; headers of empty groups are left out. */
function orderByGroup(nodes: IRowNode<GridRow>[], groupBy: GroupBy): void {
  if (groupBy === 'none') return;
  const headers = new Map<string, GroupRow>();
  const headerNodes = new Map<string, IRowNode<GridRow>>();
  for (const node of nodes) {
    if (isGroupRow(node.data)) {
      headers.set(node.data.key, node.data);
      headerNodes.set(node.data.key, node);
    }
  }
  const ordered = interleaveGroups(
    nodes,
    (node) => (isPositionRow(node.data) ? groupKeyOf(node.data, groupBy) : null),
    headers,
    (header) => headerNodes.get(header.key),
  );
  nodes.length = 0;
  for (const node of ordered.rows) nodes.push(node);
}
