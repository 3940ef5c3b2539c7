// Reads a workbook's bytes into plain values (WorkbookData): guard, then SheetJS with safe options or the
// CSV reader, then a copy of values only. Runs in the import worker; also called directly by tests in Node.
import * as XLSX from 'xlsx';
import { decodeText, parseCsv } from './csv';
import { REFUSAL, WorkbookRefusal } from '../errors';
import { guardBytes } from '../guard/guard';
import { MAX_CELL_TEXT, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_SHEETS } from '../limits';
import type { CellRange, CellValue, SheetData, WorkbookData, WorkbookFormat } from '../workbook-data';
import { verifyInflatedSizes } from '../guard/zip-verify';

export type ReadStage = 'guard' | 'verify' | 'parse' | 'extract';
export type ReadProgress = (stage: ReadStage) => void;

/** SheetJS options: cached values only (no formula kept or evaluated), dense sheets, bounded rows. */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellText: false,
  cellNF: false,
  cellStyles: false,
  cellDates: true,
  sheetStubs: false,
  sheetRows: MAX_ROWS + 1,
  bookVBA: false,
  bookFiles: false,
  bookDeps: false,
  WTF: false,
};

const ERROR_CODES: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** Calendar day of a date cell (SheetJS dates are UTC), rounded to the second against float noise. */
function isoDay(v: unknown): string | null {
  const time = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(time)) return null;
  return new Date(Math.round(time / 1000) * 1000).toISOString().slice(0, 10);
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 's':
    case 'str' as XLSX.ExcelDataType: {
      const text = typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      return text === '' ? null : text.slice(0, MAX_CELL_TEXT);
    }
    case 'b':
      return cell.v === true;
    case 'd':
      return isoDay(cell.v);
    case 'e':
      return ERROR_CODES[Number(cell.v)] ?? '#ERREUR';
    default:
      return null;
  }
}

function copyMerges(merges: XLSX.Range[] | undefined): CellRange[] {
  return (merges ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
}

function extractSheet(
  name: string,
  ws: XLSX.WorkSheet,
  fileName: string,
  budget: { cells: number },
): SheetData {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  if (data.length > MAX_ROWS) {
    const full = XLSX.utils.decode_range(String(ws['!fullref'] ?? ws['!ref'] ?? 'A1'));
    throw REFUSAL.tooManyRows(fileName, name, Math.max(full.e.r + 1, data.length), MAX_ROWS);
  }
  const rows: CellValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: CellValue[] = [];
    if (source) {
      if (source.length > MAX_COLUMNS) throw REFUSAL.tooManyColumns(fileName, name, MAX_COLUMNS);
      for (let c = 0; c < source.length; c++) {
        const v = cellValue(source[c]);
        if (v !== null) budget.cells--;
        row[c] = v;
      }
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  if (budget.cells < 0) throw REFUSAL.tooManyCells(fileName, MAX_CELLS);
  return { name, rows, merges: copyMerges(ws['!merges']) };
}

function mapReaderError(e: unknown, name: string): WorkbookRefusal {
  if (e instanceof WorkbookRefusal) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) return REFUSAL.encrypted(name);
  return REFUSAL.unreadable(name);
}

function readSpreadsheet(name: string, bytes: Uint8Array, format: WorkbookFormat, progress?: ReadProgress) {
  progress?.('parse');
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, READ_OPTIONS);
  } catch (e) {
    throw mapReaderError(e, name);
  }
  if (wb.SheetNames.length > MAX_SHEETS) throw REFUSAL.tooManySheets(name, wb.SheetNames.length, MAX_SHEETS);
  progress?.('extract');
  const budget = { cells: MAX_CELLS };
  const sheets = wb.SheetNames.map((sheet) => {
    const ws = wb.Sheets[sheet];
    return ws ? extractSheet(sheet, ws, name, budget) : { name: sheet, rows: [], merges: [] };
  });
  return { fileName: name, format, sheets };
}

/** `'=1+1` → `=1+1`: undoes the quote that CSV exports put before text a spreadsheet would run. */
function unprotect(text: string): string {
  return /^'[=+\-@\t\r']/.test(text) ? text.slice(1) : text;
}

function readCsv(name: string, bytes: Uint8Array, progress?: ReadProgress): WorkbookData {
  progress?.('parse');
  const table = parseCsv(decodeText(bytes).text);
  if (table.length > MAX_ROWS) throw REFUSAL.tooManyRows(name, name, table.length, MAX_ROWS);
  progress?.('extract');
  let cells = 0;
  const rows = table.map((fields) => {
    if (fields.length > MAX_COLUMNS) throw REFUSAL.tooManyColumns(name, name, MAX_COLUMNS);
    const row = fields.map((f): CellValue => (f.trim() === '' ? null : unprotect(f).slice(0, MAX_CELL_TEXT)));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    for (const v of row) if (v !== null) cells++;
    return row;
  });
  if (cells > MAX_CELLS) throw REFUSAL.tooManyCells(name, MAX_CELLS);
  const sheetName = name.replace(/\.[^.]*$/, '') || name;
  return { fileName: name, format: 'csv', sheets: [{ name: sheetName, rows, merges: [] }] };
}

function asBytes(bytes: ArrayBuffer | Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/**
 * Reads a workbook (xlsx, xls, ods, csv) from its bytes, synchronously, after the guards that need no
 * inflating. Throws a WorkbookRefusal with a French message when the file must not or cannot be read.
 */
export function readWorkbookBytes(
  name: string,
  bytes: ArrayBuffer | Uint8Array,
  progress?: ReadProgress,
): WorkbookData {
  const data = asBytes(bytes);
  progress?.('guard');
  const file = guardBytes(name, data);
  if (file.format === 'csv') return readCsv(name, data, progress);
  return readSpreadsheet(name, data, file.format, progress);
}

/** As readWorkbookBytes, plus the streamed check of real inflated sizes (the path the worker runs). */
export async function readWorkbookBytesVerified(
  name: string,
  bytes: ArrayBuffer | Uint8Array,
  progress?: ReadProgress,
): Promise<WorkbookData> {
  const data = asBytes(bytes);
  progress?.('guard');
  const file = guardBytes(name, data);
  if (file.format === 'csv') return readCsv(name, data, progress);
  if (file.format !== 'xls') {
    progress?.('verify');
    await verifyInflatedSizes(data, file.entries, name, file.format);
  }
  return readSpreadsheet(name, data, file.format, progress);
}
