// AG Grid column definitions of the Postes grid from the column specs: French display, filters, breach marks;
// computed columns read-only; an edit goes to the planner as the text typed (a choice label as its code).
import type { ColDef, ValueSetterParams } from 'ag-grid-community';
import type { BreachField } from '../../domain/breach';
import type { EditableField } from '../../domain/position-edit';
import { BREACH_COLUMN_IDS, BREACH_FIELD_COLUMNS, breachColumnOf, breachColumnProps } from './breach-cells';
import { formatCell, kindColDef, type CellValue } from './column-kinds';
import { isPositionRow, isTotalsRow, type GridRow, type PositionGridContext } from './grid-rows';
import { GRID_LABELS, GRID_MESSAGES } from './labels-fr';
import { POSITION_COLUMN_BY_ID, POSITION_COLUMNS, type PositionColumn } from './position-column-specs';

/** Sends an edit to the planner (the grid shows the result when the app gives it new rows). */
export type CommitEdit = (positionId: string, field: EditableField, text: string) => void;

/** The text the planner reads for what the editor gave: a choice label becomes its code, anything else as typed. */
export function editText(column: PositionColumn, newValue: unknown): string {
  const text = newValue == null ? '' : String(newValue);
  return column.choices?.find((c) => c.label === text)?.code ?? text;
}

/** The value of a cell for any kind of row (null for group rows and columns without a total). */
export function readCell(
  column: PositionColumn,
  row: GridRow | undefined,
  ctx: PositionGridContext,
): CellValue {
  if (isPositionRow(row)) return column.value(row, ctx);
  if (isTotalsRow(row)) {
    if (column.colId === 'regionCode') return GRID_LABELS.total;
    return column.total ? column.total(row.totals) : null;
  }
  return null;
}

export function positionColDefs(ctx: PositionGridContext, commit: CommitEdit): ColDef<GridRow>[] {
  return POSITION_COLUMNS.map((column) => colDefOf(column, ctx, commit));
}

function colDefOf(column: PositionColumn, ctx: PositionGridContext, commit: CommitEdit): ColDef<GridRow> {
  const read = (data: GridRow | undefined) => readCell(column, data, ctx);
  const field = column.field;
  const def: ColDef<GridRow> = {
    colId: column.colId,
    headerName: column.header,
    width: column.width,
    valueGetter: (p) => read(p.data),
    ...kindColDef<GridRow>(column.kind, read),
    editable: field !== null ? (p) => isPositionRow(p.data) : false,
    // The whole label on hover, should a narrowed column cut its wrapped header.
    headerTooltip: column.header,
  };
  if (field === null) {
    def.cellClass = [def.cellClass, 'grid-cell--computed'].filter((c): c is string => typeof c === 'string');
    def.headerTooltip = GRID_MESSAGES.computedColumn(column.header);
  } else {
    def.valueSetter = (p: ValueSetterParams<GridRow>) => {
      if (!isPositionRow(p.data)) return false;
      const typed = p.newValue == null ? '' : String(p.newValue);
      const unchanged = p.newValue === p.oldValue || typed === formatCell(column.kind, read(p.data));
      if (!unchanged) commit(p.data.id, field, editText(column, p.newValue));
      return false;
    };
    if (column.choices) {
      def.cellEditor = 'agSelectCellEditor';
      def.cellEditorParams = { values: column.choices.map((c) => c.label) };
    } else {
      def.cellEditor = 'agTextCellEditor';
      def.cellEditorParams = { useFormatter: true, maxLength: 2000 };
    }
  }
  if (BREACH_COLUMN_IDS.includes(column.colId)) Object.assign(def, breachColumnProps(column.colId));
  return def;
}

/** The column a jump lands on: the first column of a breach field, a column id as given, else Structure. */
export function jumpColumn(field: string | undefined): string {
  if (field === undefined) return 'structureName';
  if (Object.hasOwn(BREACH_FIELD_COLUMNS, field)) return breachColumnOf(field as BreachField);
  return POSITION_COLUMN_BY_ID.has(field) ? field : 'structureName';
}
