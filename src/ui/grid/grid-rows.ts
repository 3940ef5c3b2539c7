// The kinds of rows the Postes grid shows: positions, group header rows (our own grouping) and the totals row.
import type { ScenarioFigures } from '../../domain/recompute';
import type { Position, Structure } from '../../domain/types';
import type { Totals } from './grid-totals';

export type GroupBy = 'none' | 'region' | 'structure';

/** A full-width header row above the positions of one region or structure. */
export interface GroupRow {
  rowKind: 'group';
  /** Row id, `group:region:76`, never a position id. */
  id: string;
  groupBy: Exclude<GroupBy, 'none'>;
  key: string;
  label: string;
}

/** The pinned bottom row: sums of the rows shown after filters. */
export interface TotalsRow {
  rowKind: 'totals';
  id: string;
  totals: Totals;
}

export type GridRow = Position | GroupRow | TotalsRow;

export function isPositionRow(row: GridRow | null | undefined): row is Position {
  return row != null && !('rowKind' in row);
}

export function isGroupRow(row: GridRow | null | undefined): row is GroupRow {
  return row != null && 'rowKind' in row && row.rowKind === 'group';
}

export function isTotalsRow(row: GridRow | null | undefined): row is TotalsRow {
  return row != null && 'rowKind' in row && row.rowKind === 'totals';
}

/**
 * What the column getters read besides the row: the latest figures and structures from the planner.
 * One mutable object per grid, updated before each push of row data, so getters never see a stale scenario.
 */
export interface PositionGridContext {
  figures: ScenarioFigures;
  structures: ReadonlyMap<string, Structure>;
  /** Sums of the rows shown under each group header, by header row id (filled when the rows are ordered). */
  groupTotals: Map<string, Totals>;
}
