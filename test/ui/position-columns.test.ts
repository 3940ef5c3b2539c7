// Columns of the Postes grid: French display, values from the domain's figures, edits sent as text to the planner.
import type { ColDef, ValueSetterParams } from 'ag-grid-community';
import { describe, expect, it, vi } from 'vitest';
import { eurosToCents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { formatCell } from '../../src/ui/grid/column-kinds';
import type { GridRow, PositionGridContext } from '../../src/ui/grid/grid-rows';
import { sumPositions } from './helpers';
import { POSITION_COLUMN_BY_ID, POSITION_COLUMNS } from '../../src/ui/grid/position-column-specs';
import { editText, positionColDefs, readCell } from '../../src/ui/grid/position-columns';
import { plain, position, scenario, structure } from '../domain/helpers';

const p = position({
  id: 'p1',
  departmentCode: '31',
  stateAmount: eurosToCents(31_500.5),
  annualCost: eurosToCents(45_000),
  coFundings: [
    { funder: 'Département', category: 'localAuthority', amount: eurosToCents(10_000) },
    { funder: 'Métropole', category: 'localAuthority', amount: eurosToCents(2_000) },
    { funder: 'FSE+', category: 'esfPlus', amount: eurosToCents(1_000) },
  ],
  conventionEnd: '2027-10-31',
  whiteZone: true,
});
const sc = scenario([p], [structure({ id: 's1', name: 'PLIE TEST', legalStatus: 'epci' })]);
const ctx: PositionGridContext = {
  figures: recompute(sc),
  structures: new Map(sc.structures.map((s) => [s.id, s])),
  groupTotals: new Map(),
};

const shown = (colId: string, row: GridRow = p) => {
  const column = POSITION_COLUMN_BY_ID.get(colId);
  if (!column) throw new Error(colId);
  return plain(formatCell(column.kind, readCell(column, row, ctx)));
};

describe('Postes columns', () => {
  it('has the headers of the issue, `Part État` among them, and one column per funder category', () => {
    expect(POSITION_COLUMNS.map((c) => c.header)).toEqual([
      'Région',
      'Département',
      'Structure',
      'Statut juridique',
      'Fonction',
      'ETP',
      'Coût annuel',
      'Part État',
      'Taux État',
      'État autres crédits',
      'FSE+',
      'Collectivités',
      'Autres publics',
      'Privés',
      'Fonds propres',
      'Total cofinancements',
      'Taux cofinancement',
      'Reste à financer',
      'Cohorte',
      'Début convention',
      'Fin convention',
      'Année de convention',
      'Échéancier',
      'Service de suivi',
      'Objet',
      'Zone blanche',
      'Observations',
    ]);
  });

  it.each([
    ['regionCode', 'Occitanie'],
    ['departmentCode', '31 – Haute-Garonne'],
    ['structureName', 'PLIE TEST'],
    ['legalStatus', 'Groupement de collectivités (EPCI, métropole, syndicat)'],
    ['role', 'Facilitateur'],
    ['fte', '1,00'],
    ['annualCost', '45 000,00 €'],
    ['stateAmount', '31 500,50 €'],
    ['stateRate', '70,00 %'],
    ['coFunding.localAuthority', '12 000,00 €'],
    ['coFunding.esfPlus', '1 000,00 €'],
    ['coFunding.private', '0,00 €'],
    ['coFundingTotal', '13 000,00 €'],
    ['coFundingRate', '28,89 %'],
    ['remaining', '499,50 €'],
    ['conventionEnd', '31/10/2027'],
    ['conventionYear', '1'],
    ['paymentSchedule', '100 % à la signature'],
    ['purpose', 'Convention en cours'],
    ['whiteZone', 'Oui'],
  ])('shows %s as %s', (colId, text) => {
    expect(shown(colId)).toBe(text);
  });

  it('keeps amounts as integer cents for sorting and gives euros to the number filter', () => {
    const defs = positionColDefs(ctx, () => {});
    const def = defs.find((d) => d.colId === 'stateAmount') as ColDef<GridRow>;
    const getter = def.valueGetter as (x: { data: GridRow }) => unknown;
    const filter = def.filterValueGetter as (x: { data: GridRow }) => unknown;
    expect(getter({ data: p })).toBe(3_150_050);
    expect(filter({ data: p })).toBe(31_500.5);
  });

  it('shows the sums of the totals row in the summable columns only', () => {
    const totals = {
      rowKind: 'totals' as const,
      id: 't',
      totals: sumPositions([p, { ...p, id: 'p2' }], ctx.figures),
    };
    expect(shown('regionCode', totals)).toBe('Total');
    expect(shown('structureName', totals)).toBe('2 postes');
    expect(shown('stateAmount', totals)).toBe('63 001,00 €');
    expect(shown('coFunding.localAuthority', totals)).toBe('24 000,00 €');
    expect(shown('cohort', totals)).toBe('');
  });
});

describe('editing', () => {
  const setter = (colId: string, commit: (...args: unknown[]) => void) => {
    const def = positionColDefs(ctx, commit).find((d) => d.colId === colId) as ColDef<GridRow>;
    return (newValue: unknown, oldValue: unknown) =>
      (def.valueSetter as (p: ValueSetterParams<GridRow>) => boolean)({
        data: p,
        newValue,
        oldValue,
      } as ValueSetterParams<GridRow>);
  };

  it('sends what was typed to the planner and leaves the row unchanged (the app gives new rows)', () => {
    const commit = vi.fn();
    expect(setter('stateAmount', commit)('31 500,99', 3_150_050)).toBe(false);
    expect(commit).toHaveBeenCalledWith('p1', 'stateAmount', '31 500,99');
  });

  it('does not write when the editor gives back the displayed value', () => {
    const commit = vi.fn();
    setter('stateAmount', commit)('31\u202f500,50\u00a0€', 3_150_050);
    expect(commit).not.toHaveBeenCalled();
  });

  it('sends a choice label as its domain code', () => {
    const commit = vi.fn();
    setter('legalStatus', commit)('Département (conseil départemental)', 'Association');
    expect(commit).toHaveBeenCalledWith('p1', 'legalStatus', 'departement');
    expect(editText(POSITION_COLUMN_BY_ID.get('role')!, 'Coordinateur')).toBe('coordinateur');
    expect(editText(POSITION_COLUMN_BY_ID.get('role')!, 'coord')).toBe('coord');
  });

  it('makes computed columns read-only and editable columns editable on position rows only', () => {
    const defs = positionColDefs(ctx, () => {});
    const computed = defs.filter((d) => d.editable === false).map((d) => d.colId);
    expect(computed).toEqual(['stateRate', 'coFundingTotal', 'coFundingRate', 'remaining']);
    const editable = defs.find((d) => d.colId === 'fte')?.editable as (x: { data: GridRow }) => boolean;
    expect(editable({ data: p })).toBe(true);
    expect(
      editable({ data: { rowKind: 'group', id: 'g', groupBy: 'region', key: '76', label: 'Occitanie' } }),
    ).toBe(false);
  });
});
