// What opening a scenario file found, in French: about one cell (sheet, row, column), or about the whole file
// (a sheet missing, a file edited by hand since it was saved). Errors leave something out; warnings say
// which value was kept instead.
import type { Diagnostic } from '../restore/diagnostics';

export interface FileDiagnostic {
  /** null: about the whole file. */
  sheet: string | null;
  /** 1-based row, as in the workbook; null for a whole sheet or file. */
  row: number | null;
  /** Column letter, or empty. */
  column: string;
  message: string;
  severity: 'error' | 'warning';
}

export function cellDiagnostic(
  sheet: string,
  row: number,
  column: string,
  message: string,
  severity: FileDiagnostic['severity'] = 'warning',
): FileDiagnostic {
  return { sheet, row, column, message, severity };
}

export function fileDiagnostic(
  message: string,
  severity: FileDiagnostic['severity'] = 'warning',
  sheet: string | null = null,
): FileDiagnostic {
  return { sheet, row: null, column: '', message, severity };
}

/** The import pipeline's row diagnostics, as file diagnostics. */
export function fromRowDiagnostic(d: Diagnostic): FileDiagnostic {
  return { sheet: d.sheet, row: d.row, column: d.column, message: d.message, severity: d.severity };
}

/** `Feuille « Postes », ligne 14, colonne G : montant illisible « 12,5 k€ »`, or the message alone. */
export function formatFileDiagnostic(d: FileDiagnostic): string {
  if (d.sheet === null) return d.message;
  const row = d.row === null ? '' : `, ligne ${d.row}`;
  const column = d.column ? `, colonne ${d.column}` : '';
  return `Feuille « ${d.sheet} »${row}${column} : ${d.message}`;
}
