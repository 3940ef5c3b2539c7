// The `Cofinancements` sheet of a workbook exported by the app: one row per co-funding with the position's
// id, the funder's name and category. It gives back the funder names that the Postes sheet (one column per
// category) cannot hold; the amounts of the Postes sheet stay the reference.
import { FUNDER_CATEGORIES, type CoFunding } from '../../domain/types';
import { headerKey } from '../table/header-vocabulary';
import { readAmount, readId, cellText } from './restore-values';
import { readFunderCategory } from '../value-labels';
import type { WorkbookData } from '../workbook-data';

export const CO_FUNDING_SHEET = 'Cofinancements';
export const CO_FUNDING_HEADERS = [
  'Identifiant poste',
  'Structure',
  'Financeur',
  'Catégorie',
  'Montant',
] as const;

/** Co-fundings by position id, in the sheet's order; null when the workbook has no such sheet. */
export function readCoFundingSheet(workbook: WorkbookData): Map<string, CoFunding[]> | null {
  const sheet = workbook.sheets.find((s) => headerKey(s.name) === headerKey(CO_FUNDING_SHEET));
  const header = sheet?.rows[0]?.map((v) => headerKey(cellText(v))) ?? [];
  const col = (title: string) => header.indexOf(headerKey(title));
  const [idCol, funderCol, categoryCol, amountCol] = [
    col('Identifiant poste'),
    col('Financeur'),
    col('Catégorie'),
    col('Montant'),
  ];
  if (!sheet || idCol < 0 || funderCol < 0 || categoryCol < 0 || amountCol < 0) return null;
  const byPosition = new Map<string, CoFunding[]>();
  for (const row of sheet.rows.slice(1)) {
    const id = readId(row[idCol] ?? null);
    const category = readFunderCategory(cellText(row[categoryCol] ?? null));
    const amount = readAmount(row[amountCol] ?? null);
    if (!id.ok || id.value === null || !category.ok || !amount.ok) continue;
    const list = byPosition.get(id.value) ?? [];
    list.push({ funder: cellText(row[funderCol] ?? null), category: category.value, amount: amount.value });
    byPosition.set(id.value, list);
  }
  return byPosition;
}

/** Σ amounts per category, in FUNDER_CATEGORIES order. */
export function sumsByCategory(list: readonly CoFunding[]): number[] {
  const sums = FUNDER_CATEGORIES.map(() => 0);
  for (const c of list) {
    const k = FUNDER_CATEGORIES.indexOf(c.category);
    sums[k] = (sums[k] ?? 0) + c.amount;
  }
  return sums;
}

export function sameSums(a: readonly CoFunding[], b: readonly CoFunding[]): boolean {
  const sa = sumsByCategory(a);
  const sb = sumsByCategory(b);
  return sa.every((v, i) => v === sb[i]);
}
