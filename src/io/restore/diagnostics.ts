// What the import could not read, row by row, named as the workbook names it (sheet, row, column letter).
import type { ImportField } from '../table/header-vocabulary';

export interface Diagnostic {
  sheet: string;
  /** 1-based row, as in the workbook. */
  row: number;
  /** Column letter (`G`), or empty when the message is about the whole row. */
  column: string;
  field: ImportField | null;
  /** French, without the place: `montant illisible « 12,5 k€ »`. */
  message: string;
  /** `error`: the row is not imported; `warning`: it is, with the value said in the message. */
  severity: 'error' | 'warning';
}

/** `Feuille « Postes », ligne 14, colonne G : montant illisible « 12,5 k€ »`. */
export function formatDiagnostic(d: Diagnostic): string {
  const column = d.column ? `, colonne ${d.column}` : '';
  return `Feuille « ${d.sheet} », ligne ${d.row}${column} : ${d.message}`;
}
