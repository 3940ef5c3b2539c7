// A paste into the Postes grid, from clipboard text to the French report: read the block, map it from the focused
// cell, send the readable cells to the planner as one undoable step, list what was not pasted.
import type { GridApi } from 'ag-grid-community';
import type { EditableField } from '../../domain/position-edit';
import type { PasteOutcome, PlannerApi } from '../../state/planner-api';
import { isPositionRow, type GridRow } from './grid-rows';
import { GRID_MESSAGES } from './labels-fr';
import { mapBlock, parseClipboardTable, type PasteAnchor, type PasteColumn } from './paste';
import { pasteReport, type PasteReport } from './paste-report';
import { POSITION_COLUMN_BY_ID } from './position-column-specs';

export interface PasteGeometry {
  anchor: PasteAnchor;
  columns: PasteColumn[];
  rowIds: string[];
}

/** The displayed columns and position rows (in display order) and the focused cell; null off a position row. */
export function pasteGeometryOf(
  api: GridApi<GridRow>,
  focusedPositionId: string | null,
): PasteGeometry | null {
  const cell = api.getFocusedCell();
  if (!cell || focusedPositionId === null) return null;
  const columns: PasteColumn[] = [];
  for (const col of api.getAllDisplayedColumns()) {
    const spec = POSITION_COLUMN_BY_ID.get(col.getColId());
    if (spec) columns.push({ colId: spec.colId, header: spec.header, field: spec.field });
  }
  const rowIds: string[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (isPositionRow(node.data)) rowIds.push(node.data.id);
  });
  return { anchor: { rowId: focusedPositionId, colId: cell.column.getColId() }, columns, rowIds };
}

/** Pastes `text` at `geometry`; a one-line report when nothing could be pasted. */
export async function pasteIntoGrid(
  text: string,
  geometry: PasteGeometry | null,
  planner: PlannerApi,
): Promise<PasteReport> {
  const failed = (summary: string): PasteReport => ({ summary, details: [], complete: false });
  if (!geometry) return failed(GRID_MESSAGES.pasteNoAnchor);
  const table = parseClipboardTable(text);
  if (table.length === 0) return failed(GRID_MESSAGES.pasteEmpty);
  const mapping = mapBlock(table, geometry.anchor, geometry.columns, geometry.rowIds);
  if (!mapping) return failed(GRID_MESSAGES.pasteNoAnchor);
  const outcome: PasteOutcome =
    mapping.cells.length > 0 ? await planner.pasteCells(mapping.cells) : { applied: 0, problems: [] };
  const positions = new Map(planner.scenario.positions.map((p) => [p.id, p]));
  const rowLabel = (id: string) => {
    const p = positions.get(id);
    return (p && planner.structuresById.get(p.structureId)?.name) || id;
  };
  const headerOf = (field: EditableField) => POSITION_COLUMN_BY_ID.get(field)?.header ?? field;
  return pasteReport(mapping, outcome, rowLabel, headerOf);
}
