// The whole import up to the preview, for the UI and the tests: choose the sheet, find the table, map the
// columns, restore the rows, plan the changes. Pure: nothing is written; the caller commits the plan.
import type { Scenario } from '../../domain/types';
import { readCoFundingSheet } from '../restore/co-funding-sheet';
import { proposeMapping, validateMapping, type Mapping, type ProposedMapping } from '../table/column-mapping';
import { findTable, rankSheets, type FoundTable, type SheetCandidate } from '../table/find-table';
import { planImport, type ImportPlan } from './import-plan';
import { restoreRows, type RestoreOptions, type RestoredRows } from '../restore/restore-rows';
import type { WorkbookData } from '../workbook-data';

export interface PreviewOptions extends Omit<RestoreOptions, 'campaign' | 'coFundingDetail'> {
  /** Sheet chosen by the person (index in workbook.sheets); default: the proposed one. */
  sheetIndex?: number;
  /** Mapping chosen or remembered; default: the proposal from the headers. */
  mapping?: Mapping;
}

export interface ImportPreview {
  /** Every sheet, best candidate first. */
  sheets: SheetCandidate[];
  sheetIndex: number;
  table: FoundTable;
  proposal: ProposedMapping;
  mapping: Mapping;
  /** French reasons why the mapping cannot be used (then restored and plan are null). */
  mappingProblems: string[];
  restored: RestoredRows | null;
  plan: ImportPlan | null;
}

export type PreviewResult = { ok: true; preview: ImportPreview } | { ok: false; message: string };

export function previewImport(
  workbook: WorkbookData,
  current: Scenario,
  options: PreviewOptions,
): PreviewResult {
  const sheets = rankSheets(workbook);
  const chosen =
    options.sheetIndex !== undefined ? sheets.find((s) => s.sheetIndex === options.sheetIndex) : sheets[0];
  const sheet = chosen ? workbook.sheets[chosen.sheetIndex] : undefined;
  const table = chosen?.table ?? (sheet ? findTable(sheet) : null);
  if (!chosen || !table || (options.sheetIndex === undefined && !chosen.holdsPositions)) {
    return {
      ok: false,
      message: `Aucune feuille du fichier « ${workbook.fileName} » ne ressemble à un tableau de postes (colonnes Bénéficiaire, Fonction, ETP, Coût, Part État…).`,
    };
  }
  const proposal = proposeMapping(table.headers);
  const mapping = options.mapping ?? proposal.mapping;
  const mappingProblems = validateMapping(mapping, table.headers);
  let restored: RestoredRows | null = null;
  let plan: ImportPlan | null = null;
  if (mappingProblems.length === 0) {
    restored = restoreRows(table, mapping, {
      campaign: current.campaign,
      newId: options.newId,
      defaultRegionCode: options.defaultRegionCode ?? null,
      coFundingDetail: readCoFundingSheet(workbook),
    });
    plan = planImport(current, restored);
  }
  const preview = {
    sheets,
    sheetIndex: chosen.sheetIndex,
    table,
    proposal,
    mapping,
    mappingProblems,
    restored,
    plan,
  };
  return { ok: true, preview };
}
