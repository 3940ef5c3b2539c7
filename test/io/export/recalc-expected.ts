// The domain's figure for each formula cell of an exported workbook, found by the sheet's own labels (Postes
// column titles and Identifiant, Synthèse row labels and region codes), and the comparison of a workbook's
// formula values with them: money and ETP to the hundredth of a cent / of an ETP, counts exactly, rates to 1e-9.
import * as XLSX from 'xlsx';
import type { ScenarioFigures } from '../../../src/domain/recompute';
import type { Position } from '../../../src/domain/types';

/** cents: money in cents, written in euros; hundredths: ETP × 100; rate: null when the cost is zero (""). */
export interface Expected {
  kind: 'cents' | 'hundredths' | 'count' | 'rate';
  value: number | null;
  /** What the cell is, for failure messages. */
  what: string;
}

type Rows = (XLSX.CellObject | undefined)[][];

const rowsOf = (wb: XLSX.WorkBook, name: string): Rows => {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`feuille ${name} absente`);
  return ws['!data'] as Rows;
};

const ref = (sheet: string, r: number, c: number) => `${sheet}!${XLSX.utils.encode_cell({ r, c })}`;

/** Every formula cell of the workbook, by `Sheet!A1`. */
export function formulaCells(wb: XLSX.WorkBook): Map<string, XLSX.CellObject> {
  const cells = new Map<string, XLSX.CellObject>();
  for (const name of wb.SheetNames) {
    rowsOf(wb, name).forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.f !== undefined) cells.set(ref(name, r, c), cell);
      }),
    );
  }
  return cells;
}

/**
 * The expected value of every computed cell of an export of `shown`, given the domain figures of exactly
 * those positions; `exported` (the app's workbook) only tells where the rows and columns are.
 */
export function expectedFigures(
  figures: ScenarioFigures,
  shown: readonly Position[],
  exported: XLSX.WorkBook,
): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const postes = rowsOf(exported, 'Postes');
  const column = (title: string) => {
    const c = postes[0]!.findIndex((cell) => cell?.v === title);
    if (c < 0) throw new Error(`colonne ${title} absente de Postes`);
    return c;
  };
  const [coTotal, stateRate, coRate, remaining] = [
    'Total cofinancements',
    'Taux État',
    'Taux cofinancement',
    'Reste à financer',
  ].map(column) as [number, number, number, number];
  const rowById = new Map(postes.map((row, r) => [row?.[0]?.v, r]));
  for (const p of shown) {
    const r = rowById.get(p.id);
    const f = figures.positions.get(p.id);
    if (r === undefined || !f) throw new Error(`poste ${p.id} absent de l'export ou des chiffres`);
    const at = (c: number, kind: Expected['kind'], value: number | null, what: string) =>
      out.set(ref('Postes', r, c), { kind, value, what: `${what} de ${p.id}` });
    at(coTotal, 'cents', f.coFundingTotal, 'Total cofinancements');
    at(stateRate, 'rate', f.stateRate, 'Taux État');
    at(coRate, 'rate', f.coFundingRate, 'Taux cofinancement');
    at(remaining, 'cents', f.remaining, 'Reste à financer');
  }

  const summary = rowsOf(exported, 'Synthèse');
  const rowOf = (label: string, col = 0) => {
    const r = summary.findIndex((row) => row?.[col]?.v === label);
    if (r < 0) throw new Error(`ligne ${label} absente de Synthèse`);
    return r;
  };
  const n = figures.national;
  const national: [string, number][] = [
    ['Enveloppes régionales réparties', n.allotted],
    ['Réserve non répartie', n.reserve],
    ['Engagé (total des parts État)', n.committed],
    ['Reste à allouer', n.remaining],
  ];
  for (const [label, cents] of national) {
    out.set(ref('Synthèse', rowOf(label), 1), { kind: 'cents', value: cents, what: label });
  }
  const fte = (byRole: { facilitateur: number; coordinateur: number }) =>
    byRole.facilitateur + byRole.coordinateur;
  const line = (r: number, what: string, cells: [number, Expected['kind'], number, string][]) => {
    for (const [c, kind, value, name] of cells)
      out.set(ref('Synthèse', r, c), { kind, value, what: `${name} ${what}` });
  };
  let available = 0;
  for (const region of figures.regions) {
    available += region.available;
    line(rowOf(region.regionCode, 1), `région ${region.regionCode}`, [
      [3, 'cents', region.committed, 'Engagé'],
      [4, 'cents', region.available, 'Disponible'],
      [5, 'count', region.positionCount, 'Postes'],
      [6, 'hundredths', fte(region.fteByRole), 'ETP'],
    ]);
  }
  line(rowOf('Total'), 'total', [
    [2, 'cents', n.allotted, 'Enveloppe'],
    [3, 'cents', n.committed, 'Engagé'],
    [4, 'cents', available, 'Disponible'],
    [5, 'count', n.positionCount, 'Postes'],
    [6, 'hundredths', fte(n.fteByRole), 'ETP'],
  ]);
  return out;
}

function matches(cell: XLSX.CellObject | undefined, e: Expected): boolean {
  const v = cell?.v;
  if (e.value === null) return v === '';
  if (typeof v !== 'number') return false;
  switch (e.kind) {
    case 'cents':
    case 'hundredths':
      return Math.abs(v * 100 - e.value) <= 0.01;
    case 'count':
      return v === e.value;
    case 'rate':
      return Math.abs(v - e.value) <= 1e-9;
  }
}

/** One message per cell whose value is not the expected figure: `Synthèse!D23 (Engagé région 76) : … ≠ …`. */
export function mismatches(
  cells: ReadonlyMap<string, XLSX.CellObject>,
  expected: ReadonlyMap<string, Expected>,
  source: string,
): string[] {
  const out: string[] = [];
  for (const [at, e] of expected) {
    const cell = cells.get(at);
    if (matches(cell, e)) continue;
    const want =
      e.value === null ? '""' : e.kind === 'cents' || e.kind === 'hundredths' ? e.value / 100 : e.value;
    out.push(`${at} (${e.what}) : ${source} ${JSON.stringify(cell?.v ?? null)} ≠ application ${want}`);
  }
  return out;
}
