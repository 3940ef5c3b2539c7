// The plain, typed picture of a workbook that the reader hands over (from the worker): values only.
// Numbers stay numbers, text stays text, booleans stay booleans, empty cells are null; a formula cell gives
// its cached value (no formula is ever kept or evaluated); a cell with a date type or a date number format
// gives its calendar day as an ISO string `YYYY-MM-DD` (time of day dropped), so dates do not depend on the
// 1900/1904 date system or a time zone. Error cells give their code as text (`#DIV/0!`), so they are reported.
// copyWorkbookData rebuilds this structure from untrusted data field by field (allowlist, no spread/assign).
import { MAX_CELL_TEXT, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_SHEETS } from './limits';

export type CellValue = string | number | boolean | null;

export interface CellAddress {
  r: number;
  c: number;
}

/** A merged area, rows and columns 0-based and inclusive (as in the workbook). */
export interface CellRange {
  s: CellAddress;
  e: CellAddress;
}

export interface SheetData {
  name: string;
  /** rows[r][c], 0-based from cell A1 (row r is Excel row r + 1); rows may be shorter than others. */
  rows: CellValue[][];
  merges: CellRange[];
}

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods' | 'csv';
export const WORKBOOK_FORMATS: readonly WorkbookFormat[] = ['xlsx', 'xls', 'ods', 'csv'];

export interface WorkbookData {
  fileName: string;
  format: WorkbookFormat;
  sheets: SheetData[];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own data property only: never reads through a prototype or a getter. */
export function own(o: Record<string, unknown>, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}

function copyCell(v: unknown): CellValue {
  if (typeof v === 'string') return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  return null;
}

function copyIndex(v: unknown, max: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : 0;
}

function copyAddress(v: unknown): CellAddress {
  const o = isRecord(v) ? v : {};
  return { r: copyIndex(own(o, 'r'), MAX_ROWS), c: copyIndex(own(o, 'c'), MAX_COLUMNS) };
}

function copySheet(v: unknown, budget: { cells: number }): SheetData | undefined {
  if (!isRecord(v)) return undefined;
  const name = own(v, 'name');
  const rowsIn = own(v, 'rows');
  const mergesIn = own(v, 'merges');
  if (typeof name !== 'string' || !Array.isArray(rowsIn)) return undefined;
  const rows: CellValue[][] = [];
  for (let r = 0; r < Math.min(rowsIn.length, MAX_ROWS); r++) {
    const rowIn: unknown = rowsIn[r];
    const row: CellValue[] = [];
    if (Array.isArray(rowIn)) {
      const n = Math.min(rowIn.length, MAX_COLUMNS);
      for (let c = 0; c < n; c++) {
        const cell = copyCell(rowIn[c]);
        if (cell !== null) budget.cells--;
        row.push(cell);
      }
    }
    rows.push(row);
  }
  const merges: CellRange[] = [];
  if (Array.isArray(mergesIn)) {
    for (const m of mergesIn.slice(0, 100_000)) {
      if (isRecord(m)) merges.push({ s: copyAddress(own(m, 's')), e: copyAddress(own(m, 'e')) });
    }
  }
  return { name: name.slice(0, 100), rows, merges };
}

/** A fresh WorkbookData from untrusted data (a worker's message): allowlisted fields only, bounded sizes. */
export function copyWorkbookData(v: unknown, fileName: string): WorkbookData | undefined {
  if (!isRecord(v)) return undefined;
  const format = own(v, 'format');
  const sheetsIn = own(v, 'sheets');
  if (!WORKBOOK_FORMATS.includes(format as WorkbookFormat) || !Array.isArray(sheetsIn)) return undefined;
  const budget = { cells: MAX_CELLS };
  const sheets: SheetData[] = [];
  for (const s of sheetsIn.slice(0, MAX_SHEETS)) {
    const sheet = copySheet(s, budget);
    if (sheet) sheets.push(sheet);
    if (budget.cells < 0) return undefined;
  }
  return { fileName, format: format as WorkbookFormat, sheets };
}
