// Paste of a block copied from Excel or LibreOffice (AG Grid's clipboard is Enterprise): read the tab-separated
// text, then map it onto the cells right of and below the focused cell. Pure functions, no grid, no DOM.
import type { EditableField } from '../../domain/position-edit';
import type { PasteCell } from '../../state/planner-api';
import { GRID_MESSAGES } from './labels-fr';

/**
 * Rows of cells from clipboard text: cells split on tabs, rows on CRLF, LF or CR. A cell that starts with `"` and
 * closes with `"` before a tab, a line break or the end is quoted the Excel way (it may hold tabs, line breaks and
 * `""` for a quote); any other quote is literal text. The empty line after the last row is dropped.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let cell: string;
    const quoted = text[i] === '"' ? readQuoted(text, i) : null;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const sep = text[i];
    if (sep === '\t') {
      i += 1;
      continue;
    }
    i += sep === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

/** A quoted cell from `start` (on the opening quote): its text and the index after the closing quote, or null. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      const closes = next === undefined || next === '\t' || next === '\n' || next === '\r';
      return closes ? { value: value.replace(/\r\n?/g, '\n'), end: i + 1 } : null;
    }
    value += c;
    i += 1;
  }
  return null;
}

/** A displayed column of the grid, in display order. */
export interface PasteColumn {
  colId: string;
  header: string;
  /** The field a pasted value writes; null for computed, read-only columns. */
  field: EditableField | null;
}

export interface PasteAnchor {
  rowId: string;
  colId: string;
}

/** A pasted value that was not sent to the planner, and why. */
export interface SkippedPasteCell {
  /** The position the value fell on; null past the last row. */
  rowId: string | null;
  /** The column header it fell on; null past the last column. */
  header: string | null;
  text: string;
  reason: string;
}

export interface PasteMapping {
  cells: PasteCell[];
  skipped: SkippedPasteCell[];
  /** Size of the pasted block: rows, and columns of its longest row. */
  rows: number;
  columns: number;
}

/**
 * Maps a pasted table onto the grid from the anchor cell, filling right and down over the displayed columns and
 * rows. Values over read-only columns, past the last row or past the last column are listed, not written; a row
 * shorter than the others leaves the cells after its end unchanged. Null when the anchor is not displayed.
 */
export function mapBlock(
  table: readonly (readonly string[])[],
  anchor: PasteAnchor,
  displayedColumns: readonly PasteColumn[],
  displayedRowIds: readonly string[],
): PasteMapping | null {
  const row0 = displayedRowIds.indexOf(anchor.rowId);
  const col0 = displayedColumns.findIndex((c) => c.colId === anchor.colId);
  if (row0 < 0 || col0 < 0) return null;
  const columns = table.reduce((max, r) => Math.max(max, r.length), 0);
  const cells: PasteCell[] = [];
  const skipped: SkippedPasteCell[] = [];
  table.forEach((values, r) => {
    const rowId = displayedRowIds[row0 + r] ?? null;
    if (rowId === null) {
      if (values.some((v) => v.trim() !== ''))
        skipped.push({ rowId: null, header: null, text: values.join(' '), reason: GRID_MESSAGES.pastRowEnd });
      return;
    }
    values.forEach((text, c) => {
      const column = displayedColumns[col0 + c];
      if (!column) {
        if (text.trim() !== '')
          skipped.push({ rowId, header: null, text, reason: GRID_MESSAGES.pastColumnEnd });
      } else if (column.field === null) {
        if (text.trim() !== '')
          skipped.push({ rowId, header: column.header, text, reason: GRID_MESSAGES.readOnlyColumn });
      } else {
        cells.push({ positionId: rowId, field: column.field, text });
      }
    });
  });
  return { cells, skipped, rows: table.length, columns };
}
