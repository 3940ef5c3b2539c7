// Rows and columns of the Régions grid: one line per region from the domain's figures (scenario order), a totals
// line from the national figures; only the envelope is editable, an over-committed region is marked.
import type { ColDef } from 'ag-grid-community';
import { formatEuros } from '../../domain/format-fr';
import type { Cents } from '../../domain/money';
import type { ScenarioFigures } from '../../domain/recompute';
import { regionByCode } from '../../domain/reference/regions';
import type { RegionFigures } from '../../domain/totals';
import { BREACH_CELL_CLASS, MarkedCellRenderer, type NoteParams } from './breach-cells';
import { formatCell, kindColDef, type CellValue, type ColumnKind } from './column-kinds';
import { GRID_LABELS, REGION_HEADERS as H } from './labels-fr';

export interface RegionLine {
  /** Region code, or `totals` for the pinned totals line. */
  id: string;
  regionCode: string | null;
  name: string;
  envelope: Cents;
  committed: Cents;
  available: Cents;
  /** ETP in hundredths. */
  fteFacilitators: number;
  fteCoordinators: number;
  positions: number;
  structures: number;
  leverage: number | null;
  breaches: number;
}

export function regionLine(r: RegionFigures): RegionLine {
  return {
    id: r.regionCode,
    regionCode: r.regionCode,
    name: regionByCode(r.regionCode)?.name ?? (r.regionCode || GRID_LABELS.unknownRegion),
    envelope: r.envelope,
    committed: r.committed,
    available: r.available,
    fteFacilitators: r.fteByRole.facilitateur,
    fteCoordinators: r.fteByRole.coordinateur,
    positions: r.positionCount,
    structures: r.structureCount,
    leverage: r.leverage,
    breaches: r.breachCount,
  };
}

/** The totals line: Σ regional envelopes (allotted), national committed, Σ structures of the regions. */
export function totalsLine(figures: ScenarioFigures): RegionLine {
  const n = figures.national;
  let structures = 0;
  for (const r of figures.regions) structures += r.structureCount;
  return {
    id: 'totals',
    regionCode: null,
    name: GRID_LABELS.total,
    envelope: n.allotted,
    committed: n.committed,
    available: (n.allotted - n.committed) as Cents,
    fteFacilitators: n.fteByRole.facilitateur,
    fteCoordinators: n.fteByRole.coordinateur,
    positions: n.positionCount,
    structures,
    leverage: n.committed === 0 ? null : n.totalCost / n.committed,
    breaches: n.breachCount,
  };
}

/** `Enveloppe dépassée de 1 230,00 €` for an over-committed line, else empty. */
export function overCommitment(line: RegionLine | undefined): string {
  return line && line.available < 0
    ? `${GRID_LABELS.overCommitted} de ${formatEuros(-line.available as Cents)}`
    : '';
}

type Spec = [key: keyof RegionLine, header: string, kind: ColumnKind, width: number];

const SPECS: readonly Spec[] = [
  ['name', H.region, 'text', 230],
  ['envelope', H.envelope, 'money', 160],
  ['committed', H.committed, 'money', 160],
  ['available', H.available, 'money', 170],
  ['fteFacilitators', H.fteFacilitators, 'fte', 130],
  ['fteCoordinators', H.fteCoordinators, 'fte', 140],
  ['positions', H.positions, 'integer', 100],
  ['structures', H.structures, 'integer', 120],
  ['leverage', H.leverage, 'decimal', 110],
  ['breaches', H.breaches, 'integer', 130],
];

export function regionColDefs(setEnvelope: (regionCode: string, text: string) => void): ColDef<RegionLine>[] {
  return SPECS.map(([key, header, kind, width]) => {
    const read = (line: RegionLine | undefined): CellValue => (line ? (line[key] ?? null) : null);
    const def: ColDef<RegionLine> = {
      colId: key,
      headerName: header,
      width,
      valueGetter: (p) => read(p.data),
      ...kindColDef<RegionLine>(kind, read),
    };
    if (key === 'envelope') {
      def.editable = (p) => p.data?.regionCode != null;
      def.cellEditor = 'agTextCellEditor';
      def.cellEditorParams = { useFormatter: true };
      def.valueSetter = (p) => {
        const code = p.data?.regionCode;
        const text = p.newValue == null ? '' : String(p.newValue);
        if (code != null && p.newValue !== p.oldValue && text !== formatCell(kind, read(p.data)))
          setEnvelope(code, text);
        return false;
      };
    }
    if (key === 'available') {
      def.cellClassRules = { [BREACH_CELL_CLASS]: (p) => overCommitment(p.data) !== '' };
      def.tooltip = (p) => overCommitment(p.data) || undefined;
      def.cellRenderer = MarkedCellRenderer;
      def.cellRendererParams = { note: overCommitment } satisfies NoteParams<RegionLine, unknown>;
    }
    if (key === 'name') {
      def.cellClass = 'region-cell--name';
      def.flex = 1;
      def.minWidth = width;
    }
    return def;
  });
}
