// The Postes grid as an imperative object: created once on a container, fed new positions and figures by the
// component, never recreated. Keeps totals, group headers and breach marks in step with what is shown.
import { createGrid, type GridApi } from 'ag-grid-community';
import type { ScenarioFigures } from '../../domain/recompute';
import type { Position, Scenario, Structure } from '../../domain/types';
import { registerGridModules } from './ag-grid-setup';
import { BREACH_COLUMN_IDS, breachStatusChanges } from './breach-cells';
import {
  isPositionRow,
  type GridRow,
  type GroupBy,
  type GroupRow,
  type PositionGridContext,
} from './grid-rows';
import { totalsOfAll, totalsSignature, type Totals } from './grid-totals';
import { shownTotals } from './shown-totals';
import { groupKeyOf, groupRowsFor } from './grouping';
import { changedInPlace } from './row-delta';
import { pasteGeometryOf, type PasteGeometry } from './paste-action';
import { jumpColumn, type CommitEdit } from './position-columns';
import { GRID_LABELS, GRID_MESSAGES } from './labels-fr';
import { positionsGridOptions, type PositionsViewState } from './positions-grid-options';

export interface PositionsGridCallbacks {
  commit: CommitEdit;
  /** A French message for the grid's live region. */
  announce: (text: string) => void;
  /** The view cleared the quick search and column filters to show a row (the toolbar clears its input). */
  onFiltersReset: () => void;
}

const TOTALS_ROW_ID = 'pinned-totals';
/** How long a jump to a row the grid does not have yet waits for it. */
const PENDING_JUMP_MS = 5_000;

export class PositionsGridView {
  readonly api: GridApi<GridRow>;
  private readonly ctx: PositionGridContext;
  private readonly state: PositionsViewState = { groupBy: 'none', onlyBreaches: false, regionFilter: null };
  private positions: readonly Position[] = [];
  private structureList: readonly Structure[] = [];
  private groupRows = new Map<string, GroupRow>();
  private groupSignatures = new Map<string, string>();
  private quickFilterStale = false;
  private pendingJump: { positionId: string; field: string | undefined; until: number } | null = null;

  constructor(
    container: HTMLElement,
    figures: ScenarioFigures,
    structures: ReadonlyMap<string, Structure>,
    private readonly callbacks: PositionsGridCallbacks,
  ) {
    registerGridModules();
    this.ctx = { figures, structures, groupTotals: new Map() };
    const options = positionsGridOptions(this.ctx, this.state, callbacks.commit);
    options.onModelUpdated = () => this.updateTotals();
    this.api = createGrid(container, options);
    this.api.setGridAriaProperty('label', GRID_LABELS.positionsGrid);
  }

  /**
   * New data from the app: only the replaced rows are updated (the whole list when rows came or went, or when
   * structures changed), then computed cells, marks and totals refreshed. Changes are told by array identity.
   */
  update(
    scenario: Pick<Scenario, 'positions' | 'structures'>,
    figures: ScenarioFigures,
    structuresById: ReadonlyMap<string, Structure>,
  ): void {
    const previous = this.ctx.figures;
    const structuresChanged = scenario.structures !== this.structureList;
    this.ctx.figures = figures;
    this.ctx.structures = structuresById;
    this.structureList = scenario.structures;
    if (scenario.positions !== this.positions || structuresChanged) {
      const before = this.positions;
      this.positions = scenario.positions;
      if (structuresChanged) this.quickFilterStale = true;
      if (structuresChanged) this.pushRows();
      else this.pushChanges(before);
    }
    if (figures !== previous) this.afterFiguresChanged(previous);
    this.updateTotals();
    const pending = this.pendingJump;
    if (pending && Date.now() > pending.until) this.pendingJump = null;
    else if (pending && this.api.getRowNode(pending.positionId))
      this.requestJump(pending.positionId, pending.field);
  }

  setQuickFilter(text: string): void {
    if (text === (this.api.getGridOption('quickFilterText') ?? '')) return;
    if (this.quickFilterStale) this.api.resetQuickFilter();
    this.quickFilterStale = false;
    this.api.setGridOption('quickFilterText', text);
    this.updateTotals();
  }

  setFilters(onlyBreaches: boolean, regionFilter: string | null): void {
    if (onlyBreaches === this.state.onlyBreaches && regionFilter === this.state.regionFilter) return;
    this.state.onlyBreaches = onlyBreaches;
    this.state.regionFilter = regionFilter;
    this.api.onFilterChanged();
    this.updateTotals();
  }

  setGroupBy(groupBy: GroupBy): void {
    if (groupBy === this.state.groupBy) return;
    this.state.groupBy = groupBy;
    this.pushRows();
    this.updateTotals();
  }

  /** The position of the focused cell, if a position row has the focus. */
  focusedPositionId(): string | null {
    const cell = this.api.getFocusedCell();
    if (!cell || cell.rowPinned) return null;
    const data = this.api.getDisplayedRowAtIndex(cell.rowIndex)?.data;
    return isPositionRow(data) ? data.id : null;
  }

  /** Rows a delete acts on: the selection when it holds the focused row (or nothing is focused), else that row. */
  deleteTargets(): string[] {
    const selected = this.api
      .getSelectedNodes()
      .map((n) => n.data)
      .filter(isPositionRow)
      .map((p) => p.id);
    const focused = this.focusedPositionId();
    if (focused === null) return selected;
    return selected.includes(focused) ? selected : [focused];
  }

  /** Ids of the position rows shown (search, filters and sort applied; group headers left out), in order. */
  displayedPositionIds(): string[] {
    const ids: string[] = [];
    this.api.forEachNodeAfterFilterAndSort((node) => {
      if (isPositionRow(node.data)) ids.push(node.data.id);
    });
    return ids;
  }

  isEditing(): boolean {
    return this.api.getEditingCells().length > 0;
  }

  /** Where a paste lands: the focused position cell, the displayed columns and position rows; null without one. */
  pasteGeometry(): PasteGeometry | null {
    return pasteGeometryOf(this.api, this.focusedPositionId());
  }

  /**
   * Shows, focuses and flashes a position's cell (see PositionsGridController.jumpTo). A row the grid does not
   * have yet (just added, rows not pushed yet) is tried again at the updates of the next few seconds.
   */
  requestJump(positionId: string, field?: string): void {
    this.pendingJump = null;
    let node = this.api.getRowNode(positionId);
    if (!node || !isPositionRow(node.data)) {
      this.pendingJump = { positionId, field, until: Date.now() + PENDING_JUMP_MS };
      return;
    }
    if (node.rowIndex == null && this.clearUserFilters()) node = this.api.getRowNode(positionId);
    if (!node || node.rowIndex == null) {
      this.callbacks.announce(GRID_MESSAGES.hiddenByFilters);
      return;
    }
    const colId = jumpColumn(field);
    this.api.ensureColumnVisible(colId);
    this.api.ensureNodeVisible(node, 'middle');
    this.api.setFocusedCell(node.rowIndex, colId);
    this.api.flashCells({ rowNodes: [node], columns: [colId] });
  }

  destroy(): void {
    this.api.destroy();
  }

  /**
   * Only the rows the planner replaced get their new data (O(edited rows), no re-sort or re-filter, so an edited
   * row stays under the cursor as in a spreadsheet); the whole list when rows came, went or moved group.
   */
  private pushChanges(before: readonly Position[]): void {
    const groupBy = this.state.groupBy;
    const changed = changedInPlace(
      before,
      this.positions,
      groupBy === 'none' ? undefined : (p) => groupKeyOf(p, groupBy),
    );
    if (changed === null || before.length === 0) this.pushRows();
    else for (const p of changed) this.api.getRowNode(p.id)?.updateData(p);
  }

  private pushRows(): void {
    const groupBy = this.state.groupBy;
    if (groupBy === 'none') {
      this.groupRows = new Map();
      this.api.setGridOption('rowData', this.positions as Position[]);
      return;
    }
    this.groupRows = groupRowsFor(this.positions, groupBy, this.ctx.structures, this.groupRows);
    this.api.setGridOption('rowData', [...this.groupRows.values(), ...this.positions]);
  }

  /** Quick search and column filters off (not the region filter, which the app owns); true if any was on. */
  private clearUserFilters(): boolean {
    const quick = (this.api.getGridOption('quickFilterText') ?? '') !== '';
    const columns = Object.keys(this.api.getFilterModel()).length > 0;
    if (!quick && !columns) return false;
    this.api.setGridOption('quickFilterText', '');
    this.api.setFilterModel(null);
    this.callbacks.onFiltersReset();
    return true;
  }

  private afterFiguresChanged(previous: ScenarioFigures): void {
    const api = this.api;
    // Cached search text holds computed columns: drop it now if a search is on, else before the next search.
    if ((api.getGridOption('quickFilterText') ?? '') !== '') api.resetQuickFilter();
    else this.quickFilterStale = true;
    // Class rules and tooltips are re-evaluated on every rendered cell; breach cells also re-render their message.
    api.refreshCells({ suppressFlash: true });
    api.refreshCells({ columns: [...BREACH_COLUMN_IDS], force: true, suppressFlash: true });
    // A group rule (new coordinator, ETP minimum) can mark a row whose data did not change: refresh its row class.
    for (const id of breachStatusChanges(previous, this.ctx.figures)) {
      const node = api.getRowNode(id);
      if (node?.data) node.updateData(node.data);
    }
    if (this.state.onlyBreaches) api.onFilterChanged();
  }

  /**
   * Pinned totals of the rows shown, and each group header's totals, from one walk over the displayed rows.
   * Called after each of our own changes (AG Grid's modelUpdated reaches listeners later, after a sort or a
   * column filter by the user).
   */
  private updateTotals(): void {
    const figures = this.ctx.figures;
    const filtered =
      this.state.onlyBreaches || this.state.regionFilter !== null || this.api.isAnyFilterPresent();
    if (!filtered && this.state.groupBy === 'none') {
      this.setTotalsRow(totalsOfAll(figures));
      return;
    }
    const { all, groups, groupNodes } = shownTotals(this.api, figures);
    this.ctx.groupTotals = groups;
    this.setTotalsRow(all);
    const changed = groupNodes.filter((n) => {
      const id = n.data?.id ?? '';
      const signature = totalsSignature(groups.get(id) ?? all);
      const same = this.groupSignatures.get(id) === signature;
      this.groupSignatures.set(id, signature);
      return !same;
    });
    if (changed.length > 0) this.api.refreshCells({ rowNodes: changed, force: true });
  }

  /** New data on the existing pinned row (setting pinned rows again would make the grid re-measure its layout). */
  private setTotalsRow(totals: Totals): void {
    const row: GridRow = { rowKind: 'totals', id: TOTALS_ROW_ID, totals };
    const pinned = this.api.getPinnedBottomRowCount() > 0 ? this.api.getPinnedBottomRow(0) : undefined;
    if (pinned) pinned.updateData(row);
    else this.api.setGridOption('pinnedBottomRowData', [row]);
  }
}
