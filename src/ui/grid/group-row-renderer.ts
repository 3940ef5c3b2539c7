// The full-width header row of a group (region or structure) with the totals of its rows shown after filters.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { formatEuros, formatFte } from '../../domain/format-fr';
import type { Fte } from '../../domain/fte';
import { isGroupRow, type GridRow, type PositionGridContext } from './grid-rows';
import type { Totals } from './grid-totals';
import { GRID_MESSAGES, POSITION_HEADERS as H } from './labels-fr';

/** The figures of a group header, as label/value pairs (also its accessible text). */
export function groupFigures(t: Totals): [string, string][] {
  return [
    [H.fte, formatFte(t.fte as Fte)],
    [H.annualCost, formatEuros(t.annualCost)],
    [H.stateAmount, formatEuros(t.stateAmount)],
    [H.coFundingTotal, formatEuros(t.coFundingTotal)],
    [H.remaining, formatEuros(t.remaining)],
  ];
}

export class GroupRowRenderer implements ICellRendererComp<GridRow> {
  private readonly root = document.createElement('div');

  init(params: ICellRendererParams<GridRow, unknown, PositionGridContext>): void {
    this.root.className = 'grid-group-row';
    // AG Grid gives the full-width row role="row"; a row needs a cell, which spans every column.
    this.root.setAttribute('role', 'gridcell');
    this.show(params);
  }

  getGui(): HTMLElement {
    return this.root;
  }

  refresh(params: ICellRendererParams<GridRow, unknown, PositionGridContext>): boolean {
    this.show(params);
    return true;
  }

  private show(params: ICellRendererParams<GridRow, unknown, PositionGridContext>): void {
    const row = params.data;
    this.root.setAttribute('aria-colspan', String(params.api.getAllDisplayedColumns().length));
    this.root.replaceChildren();
    if (!isGroupRow(row)) return;
    const totals = params.context.groupTotals.get(row.id);
    const title = document.createElement('strong');
    title.className = 'grid-group-row__title';
    title.textContent = row.label;
    this.root.append(title);
    if (!totals) return;
    this.root.append(item(GRID_MESSAGES.positions(totals.positionCount)));
    for (const [label, value] of groupFigures(totals)) this.root.append(item(`${label} : ${value}`));
    if (totals.breachCount > 0) {
      const breaches = item(GRID_MESSAGES.breaches(totals.breachCount));
      breaches.classList.add('grid-group-row__breaches');
      this.root.append(breaches);
    }
  }
}

function item(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'grid-group-row__item';
  span.textContent = text;
  return span;
}
