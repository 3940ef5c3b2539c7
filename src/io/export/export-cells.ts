// Cells of the exported workbooks, as SheetJS writes them. Text typed by people is always a string cell
// (t: 's'), so `=HYPERLINK(…)`, `+1`, `-1+1` or `@SUM(…)` stay text in Excel and LibreOffice; only the app's
// own computed columns carry a formula, each with its cached value.
import type * as XLSX from 'xlsx';
import { isoDateToExcelSerial } from '../../domain/parse-fr';
import { columnLetter } from '../cell-address';

/** French-looking formats; Excel and LibreOffice show them with the reader's separators (`1 234,50 €`). */
export const FORMATS = {
  money: '#,##0.00" €"',
  rate: '0.00%',
  fte: '0.00',
  date: 'dd/mm/yyyy',
  integer: '0',
} as const;

export type Cell = XLSX.CellObject;

export function text(v: string): Cell {
  return { t: 's', v };
}

export function num(v: number, z?: string): Cell {
  return z ? { t: 'n', v, z } : { t: 'n', v };
}

/** Euros from cents, shown with the money format. */
export function money(amountCents: number): Cell {
  return num(amountCents / 100, FORMATS.money);
}

/** An ISO date as an Excel serial day with a dd/mm/yyyy format (both Excel and LibreOffice show a date). */
export function date(iso: string | null): Cell | undefined {
  const serial = iso ? isoDateToExcelSerial(iso) : undefined;
  return serial === undefined ? undefined : num(serial, FORMATS.date);
}

/** A formula with its cached value: a number, or the empty text an IF gives for a zero cost. */
export function formula(f: string, cached: number | null, z?: string): Cell {
  if (cached === null) return { t: 's', v: '', f };
  return z ? { t: 'n', v: cached, f, z } : { t: 'n', v: cached, f };
}

/** A dense worksheet from rows of cells (undefined: empty cell). */
export function sheet(rows: (Cell | undefined)[][], widths: readonly number[]): XLSX.WorkSheet {
  // A loop, not Math.max(...rows): 100 000 arguments overflow the call stack.
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  const data = rows.map((r) => {
    const row: Cell[] = [];
    r.forEach((cell, c) => {
      if (cell) row[c] = cell;
    });
    return row;
  });
  const ws: XLSX.WorkSheet = { '!data': data } as unknown as XLSX.WorkSheet;
  ws['!ref'] = `A1:${columnLetter(width - 1)}${Math.max(1, rows.length)}`;
  ws['!cols'] = widths.map((wch) => ({ wch }));
  return ws;
}
