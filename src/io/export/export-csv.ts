// CSV export of the positions as French Excel reads it: `;` separators, UTF-8 with BOM, CRLF, decimal commas,
// dd/mm/yyyy dates, computed columns as values. Text typed by people that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or CR; or with a quote, kept by the round trip) is prefixed with `'`; the import removes that quote again.
import { positionFigures } from '../../domain/position-figures';
import type { ScenarioFigures } from '../../domain/recompute';
import type { Position, Scenario, Structure } from '../../domain/types';
import { POSTES_COLUMNS, type ColumnKind } from './export-columns';

export interface CsvExportOptions {
  /** Only these positions (what the grid shows); default: all of the scenario. */
  rows?: readonly Position[];
}

const FORMULA_START = /^[=+\-@\t\r']/;

/** `'=1+1` for text a spreadsheet would otherwise evaluate. */
export function protectText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An integer count of hundredths as `1234,56` (`-0,50`): exact, no float formatting. */
function hundredths(value: number): string {
  const abs = Math.abs(Math.round(value));
  const units = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${value < 0 ? '-' : ''}${units},${rest}`;
}

function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function rate(value: number | null): string {
  return value === null ? '' : `${(value * 100).toFixed(2).replace('.', ',')} %`;
}

function field(kind: ColumnKind, v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'string') return kind === 'date' ? frenchDate(v) : kind === 'text' ? protectText(v) : v;
  if (kind === 'money' || kind === 'fte') return hundredths(v);
  return String(v);
}

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text, starting with a BOM so Excel reads UTF-8. */
export function buildCsv(
  scenario: Scenario,
  figures: ScenarioFigures,
  options: CsvExportOptions = {},
): string {
  const positions = options.rows ?? scenario.positions;
  const structures = new Map<string, Structure>(scenario.structures.map((s) => [s.id, s]));
  const lines = [POSTES_COLUMNS.map((c) => quote(c.header)).join(';')];
  for (const p of positions) {
    const f = figures.positions.get(p.id) ?? positionFigures(p, scenario.campaign.rules);
    const computed = [
      hundredths(f.coFundingTotal),
      rate(f.stateRate),
      rate(f.coFundingRate),
      hundredths(f.remaining),
    ];
    let k = 0;
    const ctx = { structure: structures.get(p.structureId) };
    const cells = POSTES_COLUMNS.map((c) =>
      c.formula ? (computed[k++] ?? '') : field(c.kind, c.value ? c.value(p, ctx) : null),
    );
    lines.push(cells.map(quote).join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
