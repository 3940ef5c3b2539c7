// Rule breaches shown in the Postes grid: which columns a breach marks, the marked cell's renderer (value plus a
// visually hidden French message for screen readers) and the CSS classes (icon + hatching, not colour alone).
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { Breach, BreachField } from '../../domain/breach';
import type { ScenarioFigures } from '../../domain/recompute';
import { isPositionRow, type GridRow, type PositionGridContext } from './grid-rows';
import { GRID_LABELS } from './labels-fr';

export const BREACH_CELL_CLASS = 'grid-cell--breach';
export const BREACH_ROW_CLASS = 'grid-row--breach';
export const SR_ONLY_CLASS = 'grid-sr-only';

/** The columns that show a breach of each field; the first is where a jump to the breach lands. */
export const BREACH_FIELD_COLUMNS: Readonly<Record<BreachField, readonly string[]>> = {
  stateAmount: ['stateAmount'],
  coFundings: ['coFundingTotal', 'remaining'],
  annualCost: ['annualCost'],
  fte: ['fte'],
  role: ['role'],
  conventionYear: ['conventionYear'],
};

const FIELDS_BY_COLUMN: ReadonlyMap<string, readonly BreachField[]> = (() => {
  const map = new Map<string, BreachField[]>();
  for (const [field, columns] of Object.entries(BREACH_FIELD_COLUMNS) as [BreachField, readonly string[]][]) {
    for (const colId of columns) map.set(colId, [...(map.get(colId) ?? []), field]);
  }
  return map;
})();

/** Column ids that can carry a breach mark (refreshed with force when the figures change). */
export const BREACH_COLUMN_IDS: readonly string[] = [...FIELDS_BY_COLUMN.keys()];

export function breachColumnOf(field: BreachField): string {
  return BREACH_FIELD_COLUMNS[field][0] ?? 'stateAmount';
}

/** The breaches of a position shown in a column (empty for columns that carry none). */
export function cellBreaches(ctx: PositionGridContext, positionId: string, colId: string): readonly Breach[] {
  const fields = FIELDS_BY_COLUMN.get(colId);
  if (!fields) return [];
  const all = ctx.figures.breachesByPosition.get(positionId);
  if (!all) return [];
  return all.filter((b) => fields.includes(b.field));
}

export function breachText(breaches: readonly Breach[]): string {
  return breaches.map((b) => b.message).join(' ; ');
}

export function rowHasBreach(ctx: PositionGridContext, row: GridRow | undefined): boolean {
  return isPositionRow(row) && (ctx.figures.breachesByPosition.get(row.id)?.length ?? 0) > 0;
}

/** Class rules, tooltip and screen-reader note of a column that can carry a breach. */
export function breachColumnProps(colId: string) {
  const messages = (data: GridRow | undefined, context: PositionGridContext) =>
    isPositionRow(data) ? breachText(cellBreaches(context, data.id, colId)) : '';
  return {
    cellClassRules: {
      [BREACH_CELL_CLASS]: (p: { data: GridRow | undefined; context: PositionGridContext }) =>
        messages(p.data, p.context) !== '',
    },
    tooltip: (p: { data?: GridRow | undefined; context: PositionGridContext }) =>
      messages(p.data, p.context) || undefined,
    cellRenderer: MarkedCellRenderer,
    cellRendererParams: { note: messages } satisfies NoteParams<GridRow, PositionGridContext>,
  };
}

/** What a marked cell says to screen readers after its value; empty when the cell is not marked. */
export interface NoteParams<TData, TContext> {
  note: (data: TData | undefined, context: TContext) => string;
}

/** Renders the displayed value as text, plus `Anomalie : …` (visually hidden) when the cell is marked. */
export class MarkedCellRenderer<TData, TContext> implements ICellRendererComp<TData> {
  private readonly root = document.createElement('span');
  private readonly value = document.createElement('span');
  private readonly hidden = document.createElement('span');

  init(params: ICellRendererParams<TData, unknown, TContext> & NoteParams<TData, TContext>): void {
    this.root.className = 'grid-cell-content';
    this.hidden.className = SR_ONLY_CLASS;
    this.root.append(this.value, this.hidden);
    this.show(params);
  }

  getGui(): HTMLElement {
    return this.root;
  }

  refresh(params: ICellRendererParams<TData, unknown, TContext> & NoteParams<TData, TContext>): boolean {
    this.show(params);
    return true;
  }

  private show(params: ICellRendererParams<TData, unknown, TContext> & NoteParams<TData, TContext>): void {
    this.value.textContent = params.valueFormatted ?? (params.value == null ? '' : String(params.value));
    const text = params.note(params.data, params.context);
    this.hidden.textContent = text === '' ? '' : ` ${GRID_LABELS.breachPrefix}${text}`;
  }
}

/** Ids of positions that gained or lost every breach between two recomputations. */
export function breachStatusChanges(before: ScenarioFigures, after: ScenarioFigures): string[] {
  const ids: string[] = [];
  for (const id of before.breachesByPosition.keys()) if (!after.breachesByPosition.has(id)) ids.push(id);
  for (const id of after.breachesByPosition.keys()) if (!before.breachesByPosition.has(id)) ids.push(id);
  return ids;
}
