// Export of a scenario as a real workbook (.xlsx or .ods): Synthèse, Postes, Cofinancements, Paramètres.
// Numbers are numbers with French-looking formats; computed columns and totals are live formulas with cached
// values equal to the app's figures; people's text is always text; frozen headers, filters and widths.
import * as XLSX from 'xlsx';
import type { ScenarioFigures } from '../../domain/recompute';
import type { Position, Scenario } from '../../domain/types';
import { sheet, type Cell } from './export-cells';
import { POSTES_COLUMNS, POSTES_LETTERS } from './export-columns';
import { SHEET_NAMES, coFundingRows, parameterRows, positionRows, summaryRows } from './export-sheets';
import { finishArchive, type ViewOptions } from './export-views';

export interface ExportOptions {
  /** Only these positions (what the grid shows, filters applied); default: all of the scenario. */
  rows?: readonly Position[];
  bookType: 'xlsx' | 'ods';
  /** Date written in Paramètres (ISO); default: now. */
  exportedAt?: string;
  /** Sheets appended after the four of the export (the scenario file's Métadonnées, Journal…). */
  extraSheets?: readonly ExtraSheet[];
}

/** A sheet added to the export: rows of cells (undefined: empty) and column widths in characters. */
export interface ExtraSheet {
  name: string;
  rows: (Cell | undefined)[][];
  widths: readonly number[];
}

/**
 * The workbook's bytes. `figures` is recompute(scenario); its values become the formulas' cached values. Deflated
 * by the platform where it can: about 2,9 times smaller than SheetJS's own deflate (1,7 MB instead of 4,8 MB for
 * 10 000 positions), in about the same time. The export worker runs it (export-protocol.ts).
 */
export async function buildWorkbook(
  scenario: Scenario,
  figures: ScenarioFigures,
  options: ExportOptions,
): Promise<ArrayBuffer> {
  const { stored, views } = uncompressedWorkbook(scenario, figures, options);
  return finishArchive(stored, views);
}

/** SheetJS's uncompressed archive of the export, and the views to add before compressing it. */
function uncompressedWorkbook(
  scenario: Scenario,
  figures: ScenarioFigures,
  options: ExportOptions,
): { stored: Uint8Array; views: ViewOptions } {
  const positions = options.rows ?? scenario.positions;
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const postes = sheet(
    positionRows(positions, scenario, figures),
    POSTES_COLUMNS.map((c) => c.width),
  );
  const lastRow = positions.length + 1;
  postes['!autofilter'] = { ref: `A1:${POSTES_LETTERS.last}${lastRow}` };
  const coRows = coFundingRows(positions, scenario);
  const coFundings = sheet(coRows, [18, 36, 30, 22, 14]);
  coFundings['!autofilter'] = { ref: `A1:E${coRows.length}` };
  const extra = options.extraSheets ?? [];
  const wb: XLSX.WorkBook = {
    SheetNames: [
      SHEET_NAMES.summary,
      SHEET_NAMES.positions,
      SHEET_NAMES.coFundings,
      SHEET_NAMES.parameters,
      ...extra.map((s) => s.name),
    ],
    Sheets: {
      [SHEET_NAMES.summary]: sheet(summaryRows(positions, scenario, figures), [34, 12, 16, 16, 16, 8, 10]),
      [SHEET_NAMES.positions]: postes,
      [SHEET_NAMES.coFundings]: coFundings,
      [SHEET_NAMES.parameters]: sheet(parameterRows(scenario, exportedAt, positions.length), [44, 40]),
    },
    Props: { Title: scenario.name, Author: 'Planificateur ETP et budget' },
  };
  for (const s of extra) wb.Sheets[s.name] = sheet(s.rows, s.widths);
  // 'buffer' gives bytes (a Uint8Array; a Buffer in Node): 'array' goes through a binary string, far slower.
  const written: unknown = XLSX.write(wb, {
    type: 'buffer',
    bookType: options.bookType,
    bookSST: true,
    compression: false,
  });
  const stored = written instanceof Uint8Array ? written : Uint8Array.from(written as ArrayLike<number>);
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const views: ViewOptions = {
    bookType: options.bookType,
    frozen: [
      { name: SHEET_NAMES.positions, number: 2 },
      { name: SHEET_NAMES.coFundings, number: 3 },
    ],
    odsFilters: [
      `${quoted(SHEET_NAMES.positions)}.A1:${quoted(SHEET_NAMES.positions)}.${POSTES_LETTERS.last}${lastRow}`,
    ],
  };
  return { stored, views };
}
