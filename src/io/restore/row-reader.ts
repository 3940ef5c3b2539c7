// Reads the cells of one imported row field by field and records each problem as a diagnostic at the right
// column: a required value that fails keeps the row out (error), an optional one falls back (warning).
import type { Campaign } from '../../domain/types';
import type { Result } from '../../domain/result';
import { columnLetter } from '../cell-address';
import type { Diagnostic } from './diagnostics';
import type { TableRow } from '../table/find-table';
import type { ImportField } from '../table/header-vocabulary';
import { cellText, type Read } from './restore-values';
import type { CellValue } from '../workbook-data';

export interface RowContext {
  sheet: string;
  headers: readonly string[];
  /** Columns of each mapped field, in column order. */
  columns: ReadonlyMap<ImportField, readonly number[]>;
  campaign: Campaign;
  defaultRegionCode: string | null;
}

export class RowReader {
  /** An error was reported: the row is not imported. */
  blocked = false;

  constructor(
    private readonly row: TableRow,
    readonly ctx: RowContext,
    private readonly out: Diagnostic[],
  ) {}

  /** The k-th cell mapped to `field` (null when none). */
  cell(field: ImportField, k = 0): CellValue {
    const c = this.ctx.columns.get(field)?.[k];
    return c === undefined ? null : (this.row.cells[c] ?? null);
  }

  has(field: ImportField): boolean {
    return this.ctx.columns.has(field);
  }

  report(field: ImportField | null, message: string, severity: Diagnostic['severity'], k = 0): void {
    const c = field ? this.ctx.columns.get(field)?.[k] : undefined;
    const column = c === undefined ? '' : columnLetter(c);
    this.out.push({ sheet: this.ctx.sheet, row: this.row.index + 1, column, field, message, severity });
    if (severity === 'error') this.blocked = true;
  }

  /** A required value: on failure the row is kept out. */
  need<T>(field: ImportField, r: Read<T>, fallback: T, k = 0): T {
    if (!r.ok) {
      this.report(field, r.message, 'error', k);
      return fallback;
    }
    if (r.warning) this.report(field, r.warning, 'warning', k);
    return r.value;
  }

  /** An optional value: on failure the default is used and the message says which. */
  want<T>(field: ImportField, r: Result<T>, fallback: T, said: string): T {
    if (r.ok) return r.value;
    this.report(field, `${r.message} : ${said}`, 'warning');
    return fallback;
  }

  /** An optional value read from its text with `parse`; blank gives the default silently. */
  word<T>(field: ImportField, parse: (text: string) => Result<T>, fallback: T, said: string): T {
    const text = cellText(this.cell(field));
    return text === '' ? fallback : this.want(field, parse(text), fallback, said);
  }
}
