// @vitest-environment happy-dom
// The Postes grid object on a real AG Grid (happy-dom): delta updates, filters, our grouping, totals, paste target.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eurosToCents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import type { Position, Scenario } from '../../src/domain/types';
import { isGroupRow, isPositionRow, isTotalsRow, type GridRow } from '../../src/ui/grid/grid-rows';
import { PositionsGridView } from '../../src/ui/grid/positions-grid-view';
import { position, scenario, structure } from '../domain/helpers';

let container: HTMLElement;
let view: PositionsGridView;
const commit = vi.fn();
const announce = vi.fn();
const onFiltersReset = vi.fn();

const sc = scenario(
  [
    position({ id: 'a', regionCode: '76', structureId: 's1' }),
    position({
      id: 'b',
      regionCode: '84',
      departmentCode: '69',
      structureId: 's2',
      stateAmount: eurosToCents(30_000),
    }),
    position({ id: 'c', regionCode: '76', structureId: 's2' }),
  ],
  [structure({ id: 's1', name: 'PLIE TEST' }), structure({ id: 's2', name: 'MAISON DE L’EMPLOI' })],
);

function load(s: Scenario) {
  view.update(s, recompute(s), new Map(s.structures.map((x) => [x.id, x])));
}

function displayed(): string[] {
  const out: string[] = [];
  view.api.forEachNodeAfterFilterAndSort((n) => {
    const d = n.data;
    out.push(isGroupRow(d) ? `[${d.label}]` : isPositionRow(d) ? d.id : '?');
  });
  return out;
}

function pinnedTotals() {
  const row = view.api.getPinnedBottomRow(0)?.data as GridRow | undefined;
  return isTotalsRow(row) ? row.totals : null;
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  const figures = recompute(sc);
  view = new PositionsGridView(container, figures, new Map(), { commit, announce, onFiltersReset });
  load(sc);
});

afterEach(() => {
  view.destroy();
  container.remove();
  vi.clearAllMocks();
});

describe('PositionsGridView', () => {
  it('shows the positions and a totals row of the rows shown', () => {
    expect(displayed()).toEqual(['a', 'b', 'c']);
    expect(pinnedTotals()?.stateAmount).toBe(28_000_00 * 2 + 30_000_00);
  });

  it('updates rows by id when the app gives a new scenario, keeping the others', () => {
    const nodeC = view.api.getRowNode('c');
    const changed: Position = { ...sc.positions[0]!, stateAmount: eurosToCents(29_000) };
    load({ ...sc, positions: [changed, sc.positions[1]!, sc.positions[2]!] });
    expect(view.api.getRowNode('a')?.data).toBe(changed);
    expect(view.api.getRowNode('c')).toBe(nodeC);
    expect(pinnedTotals()?.stateAmount).toBe(29_000_00 + 30_000_00 + 28_000_00);
  });

  it('filters on breaches and on the region, totals following', () => {
    view.setFilters(true, null);
    expect(displayed()).toEqual(['b']);
    expect(pinnedTotals()?.positionCount).toBe(1);
    view.setFilters(false, '76');
    expect(displayed()).toEqual(['a', 'c']);
  });

  it('groups by region with header rows and group totals, and drops empty groups', () => {
    view.setGroupBy('region');
    expect(displayed()).toEqual(['[Auvergne-Rhône-Alpes]', 'b', '[Occitanie]', 'a', 'c']);
    view.setFilters(false, '76');
    expect(displayed()).toEqual(['[Occitanie]', 'a', 'c']);
    expect(pinnedTotals()?.positionCount).toBe(2);
    view.setGroupBy('none');
    expect(displayed()).toEqual(['a', 'c']);
  });

  it('keeps the user sort inside groups', () => {
    view.setGroupBy('structure');
    view.api.applyColumnState({ state: [{ colId: 'stateAmount', sort: 'desc' }] });
    expect(displayed()).toEqual(['[MAISON DE L’EMPLOI]', 'b', 'c', '[PLIE TEST]', 'a']);
  });

  it('searches without accents or case', () => {
    view.setQuickFilter('maison emploi');
    expect(displayed()).toEqual(['b', 'c']);
    view.setQuickFilter('rhone');
    expect(displayed()).toEqual(['b']);
  });

  it('gives the paste target from the focused cell over the displayed position rows', () => {
    view.setGroupBy('region');
    const index = displayed().indexOf('a');
    view.api.setFocusedCell(index, 'stateAmount');
    const g = view.pasteGeometry();
    expect(g?.anchor).toEqual({ rowId: 'a', colId: 'stateAmount' });
    expect(g?.rowIds).toEqual(['b', 'a', 'c']);
    expect(g?.columns.find((c) => c.colId === 'stateRate')?.field).toBeNull();
    view.api.setFocusedCell(0, 'stateAmount');
    expect(view.pasteGeometry()).toBeNull();
  });

  it('deletes the focused row, or the selection when it holds the focused row', () => {
    view.api.setFocusedCell(2, 'fte');
    expect(view.deleteTargets()).toEqual(['c']);
    view.api.getRowNode('a')?.setSelected(true);
    expect(view.deleteTargets()).toEqual(['c']);
    view.api.getRowNode('c')?.setSelected(true);
    expect(view.deleteTargets().sort()).toEqual(['a', 'c']);
  });

  it('jumps to a row hidden by the quick search after clearing it, and waits for rows not given yet', () => {
    view.setQuickFilter('PLIE');
    view.requestJump('b', 'stateAmount');
    expect(onFiltersReset).toHaveBeenCalled();
    expect(view.api.getFocusedCell()?.column.getColId()).toBe('stateAmount');
    view.requestJump('new', 'fte');
    const added = position({ id: 'new' });
    load({ ...sc, positions: [...sc.positions, added] });
    expect(view.focusedPositionId()).toBe('new');
    expect(view.api.getFocusedCell()?.column.getColId()).toBe('fte');
  });

  it('says so when the region filter hides the row to jump to', () => {
    view.setFilters(false, '76');
    view.requestJump('b');
    expect(announce).toHaveBeenCalledWith('Ce poste est masqué par le filtre de région');
  });

  it('marks a breached cell with a class, its French message as title and for screen readers, until fixed', () => {
    const cell = () => container.querySelector('[row-id="b"] [col-id="stateAmount"]');
    expect(cell()?.classList.contains('grid-cell--breach')).toBe(true);
    expect(cell()?.getAttribute('title')).toMatch(/^Part État 75,00/);
    expect(cell()?.querySelector('.grid-sr-only')?.textContent).toMatch(/^ Anomalie : Part État 75,00/);
    expect(container.querySelector('[row-id="b"]')?.classList.contains('grid-row--breach')).toBe(true);
    const fixed: Position = { ...sc.positions[1]!, stateAmount: eurosToCents(28_000) };
    load({ ...sc, positions: [sc.positions[0]!, fixed, sc.positions[2]!] });
    expect(cell()?.classList.contains('grid-cell--breach')).toBe(false);
    expect(cell()?.querySelector('.grid-sr-only')?.textContent).toBe('');
    expect(container.querySelector('[row-id="b"]')?.classList.contains('grid-row--breach')).toBe(false);
  });

  it('unmarks a row whose breach came from another row (new coordinator) when that row goes', () => {
    const old = position({ id: 'old', role: 'coordinateur', cohort: 2022, structureId: 's1' });
    const fresh = position({ id: 'fresh', role: 'coordinateur', cohort: 2026, structureId: 's2' });
    load({ ...sc, positions: [fresh, old] });
    const row = () => container.querySelector('[row-id="fresh"]');
    expect(row()?.classList.contains('grid-row--breach')).toBe(true);
    expect(row()?.querySelector('[col-id="role"]')?.classList.contains('grid-cell--breach')).toBe(true);
    load({ ...sc, positions: [fresh] });
    expect(view.api.getRowNode('fresh')?.data).toBe(fresh);
    expect(row()?.classList.contains('grid-row--breach')).toBe(false);
    expect(row()?.querySelector('[col-id="role"]')?.classList.contains('grid-cell--breach')).toBe(false);
  });

  it('renders values and messages as text, never as HTML', () => {
    const s = {
      ...sc,
      structures: [structure({ id: 's1', name: '<img src=x onerror=alert(1)>' }), sc.structures[1]!],
    };
    load(s);
    const cell = container.querySelector('[row-id="a"] [col-id="structureName"]');
    expect(cell?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});
