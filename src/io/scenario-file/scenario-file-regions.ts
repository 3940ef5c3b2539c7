// Restore of the regions and envelopes from the `Synthèse` sheet (the national envelope and the table
// Région | Code région | Enveloppe …), in the order Métadonnées gives, with the regional ETP targets.
// The computed columns (Engagé, Disponible…) are ignored: the app recomputes them.
import type { Fte } from '../../domain/fte';
import type { Cents } from '../../domain/money';
import { formatEuros } from '../../domain/format-fr';
import type { RegionBudget } from '../../domain/types';
import { SHEET_NAMES } from '../export/export-sheets';
import { headerKey } from '../table/header-vocabulary';
import * as read from '../restore/restore-values';
import { cellDiagnostic, fileDiagnostic, type FileDiagnostic } from './scenario-file-diagnostics';
import { findSheet } from './scenario-file-migrate';
import type { WorkbookData } from '../workbook-data';

const SHEET = SHEET_NAMES.summary;

export interface SummaryFigures {
  /** Envelope per region code, in the table's order. */
  envelopes: Map<string, Cents>;
  nationalEnvelope: Cents | null;
}

/** National envelope (row `Enveloppe nationale`) and regional envelopes (the region table) of Synthèse. */
export function readSummary(workbook: WorkbookData, out: FileDiagnostic[]): SummaryFigures {
  const envelopes = new Map<string, Cents>();
  const sheet = findSheet(workbook, SHEET);
  if (!sheet) {
    out.push(fileDiagnostic('feuille absente : enveloppes régionales à 0 €', 'error', SHEET));
    return { envelopes, nationalEnvelope: null };
  }
  const key = (r: number, c: number) => headerKey(read.cellText(sheet.rows[r]?.[c] ?? null));
  let nationalEnvelope: Cents | null = null;
  const nationalRow = sheet.rows.findIndex((_, r) => key(r, 0) === headerKey('Enveloppe nationale'));
  if (nationalRow >= 0) {
    const amount = read.readAmount(sheet.rows[nationalRow]?.[1] ?? null);
    if (amount.ok) nationalEnvelope = amount.value;
    else
      out.push(
        cellDiagnostic(SHEET, nationalRow + 1, 'B', `${amount.message} : enveloppe de Métadonnées retenue`),
      );
  }
  const header = sheet.rows.findIndex((_, r) => key(r, 0) === 'region' && key(r, 1) === 'code region');
  if (header < 0) {
    out.push(fileDiagnostic('tableau des régions introuvable : enveloppes régionales à 0 €', 'error', SHEET));
    return { envelopes, nationalEnvelope };
  }
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cells.every((v) => read.isBlank(v)) || /^total/.test(key(r, 0))) break;
    const codeCell = cells[1] ?? null;
    const region = read.readRegion(read.isBlank(codeCell) ? (cells[0] ?? null) : codeCell);
    const envelope = read.readAmount(cells[2] ?? null);
    if (!region.ok) {
      out.push(cellDiagnostic(SHEET, r + 1, 'B', `${region.message} : ligne ignorée`, 'error'));
      continue;
    }
    if (envelopes.has(region.value.code)) {
      out.push(
        cellDiagnostic(
          SHEET,
          r + 1,
          'B',
          `région « ${region.value.name} » en double : la première ligne est retenue`,
        ),
      );
      continue;
    }
    if (!envelope.ok)
      out.push(cellDiagnostic(SHEET, r + 1, 'C', `${envelope.message} : 0 € retenu`, 'error'));
    envelopes.set(region.value.code, envelope.ok ? envelope.value : (0 as Cents));
  }
  return { envelopes, nationalEnvelope };
}

/**
 * The scenario's regions: the codes of Métadonnées in order (else the table's), each with its Synthèse
 * envelope and its ETP target; a region of the table missing from that list is added when its envelope is
 * not zero (a region only met on positions has a zero envelope and stays out, as in the saved scenario).
 */
export function restoreRegions(
  summary: SummaryFigures,
  codes: readonly string[] | null,
  fteTargets: ReadonlyMap<string, Fte>,
  out: FileDiagnostic[],
): RegionBudget[] {
  const order = [...(codes ?? summary.envelopes.keys())];
  for (const [code, envelope] of summary.envelopes) {
    if (order.includes(code) || envelope === 0) continue;
    order.push(code);
    out.push(
      fileDiagnostic(`région ${code} ajoutée (enveloppe de ${formatEuros(envelope)})`, 'warning', SHEET),
    );
  }
  const tableFound = summary.envelopes.size > 0;
  return order.map((regionCode) => {
    if (tableFound && !summary.envelopes.has(regionCode))
      out.push(
        fileDiagnostic(
          `région ${regionCode} absente du tableau des régions : enveloppe à 0 €`,
          'warning',
          SHEET,
        ),
      );
    return {
      regionCode,
      envelope: summary.envelopes.get(regionCode) ?? (0 as Cents),
      fteTarget: fteTargets.get(regionCode) ?? null,
    };
  });
}
