// Finds the table of positions in a workbook: the likeliest sheet, its header row under any title rows,
// one- or two-row headers (a merged group title over sub-titles gives `Cofinancements — FSE+`), and which
// following rows are data or left out (blank, totals, sub-totals, footnotes), each with a French reason.
import { GROUP_SEPARATOR, matchHeader, type Mapping } from './column-mapping';
import type { ImportField } from './header-vocabulary';
import type { CellRange, CellValue, SheetData, WorkbookData } from '../workbook-data';

/** Rows searched for the header, from the top of a sheet. */
const HEADER_SCAN_ROWS = 50;
/** Distinct recognised titles a header row needs. */
const MIN_HEADER_FIELDS = 3;

export interface TableRow {
  /** 0-based index in the sheet (Excel row number − 1). */
  index: number;
  cells: readonly CellValue[];
}

export interface FoundTable {
  sheetName: string;
  /** 0-based index of the (first) header row. */
  headerRow: number;
  headerRowCount: 1 | 2;
  /** Title of each column; two-row headers give `group — sub`. */
  headers: string[];
  /** Every row under the header, not yet classified. */
  rows: TableRow[];
}

export interface IgnoredRow {
  sheet: string;
  /** 1-based, as in the workbook. */
  row: number;
  reason: string;
}

export interface SheetCandidate {
  sheetIndex: number;
  sheetName: string;
  /** Distinct fields recognised in its header row. */
  score: number;
  /** Has a structure column and an amount column: can hold positions. */
  holdsPositions: boolean;
  table: FoundTable | null;
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : String(v);
}

function fieldsOf(titles: readonly string[]): Set<ImportField> {
  const fields = new Set<ImportField>();
  for (const t of titles) {
    const f = t === '' ? null : matchHeader(t).field;
    if (f && f !== 'computed') fields.add(f);
  }
  return fields;
}

/** Column spans [start, end] of group titles in header row `r`: horizontal merges, or a title over blanks. */
function groupSpans(rows: readonly (readonly CellValue[])[], r: number, merges: readonly CellRange[]) {
  const spans: Array<[number, number]> = [];
  for (const m of merges) if (m.s.r === r && m.e.r === r && m.e.c > m.s.c) spans.push([m.s.c, m.e.c]);
  const top = rows[r] ?? [];
  const below = rows[r + 1] ?? [];
  const width = Math.max(top.length, below.length);
  for (let c = 0; c < width; c++) {
    if (text(top[c]) === '' || spans.some(([s, e]) => c >= s && c <= e)) continue;
    let e = c;
    while (e + 1 < width && text(top[e + 1]) === '' && text(below[e + 1]) !== '') e++;
    if (e > c && text(below[c]) !== '') spans.push([c, e]);
  }
  return spans;
}

/** Titles of a two-row header, or undefined when row r + 1 is not a sub-header. */
function twoRowTitles(sheet: SheetData, r: number): string[] | undefined {
  const top = sheet.rows[r] ?? [];
  const below = sheet.rows[r + 1] ?? [];
  if (
    below.every((v) => text(v) === '') ||
    below.some((v) => typeof v === 'number' || typeof v === 'boolean')
  )
    return undefined;
  const spans = groupSpans(sheet.rows, r, sheet.merges);
  const spanOf = (c: number) => spans.find(([s, e]) => c >= s && c <= e);
  for (let c = 0; c < below.length; c++) {
    if (text(below[c]) !== '' && text(top[c]) !== '' && !spanOf(c)) return undefined;
  }
  const width = Math.max(top.length, below.length);
  const titles: string[] = [];
  for (let c = 0; c < width; c++) {
    const span = spanOf(c);
    const group = span ? text(top[span[0]]) : text(top[c]);
    const sub = text(below[c]);
    titles.push(group && sub && span ? `${group}${GROUP_SEPARATOR}${sub}` : group || sub);
  }
  return fieldsOf(titles).size > fieldsOf(top.map(text)).size ? titles : undefined;
}

/**
 * A text merged over several data rows (one structure written once for its two positions) is repeated in
 * every row of the merged area; a merged number is not (a shared amount counted twice would be wrong).
 * Rows are copied before being filled: the sheet's data is not changed.
 */
function fillMergedText(rows: TableRow[], merges: readonly CellRange[], first: number): void {
  for (const m of merges) {
    if (m.s.r < first || m.e.r === m.s.r || m.e.r - m.s.r > 1000) continue;
    const value = rows[m.s.r - first]?.cells[m.s.c];
    if (typeof value !== 'string') continue;
    for (let r = m.s.r + 1; r <= m.e.r; r++) {
      const row = rows[r - first];
      if (!row) continue;
      const cells = [...row.cells];
      for (let c = m.s.c; c <= m.e.c; c++) if (cells[c] === null || cells[c] === undefined) cells[c] = value;
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
      rows[r - first] = { index: row.index, cells };
    }
  }
}

/** The table of a sheet: best header row among the first rows, one or two rows tall; null when none. */
export function findTable(sheet: SheetData): FoundTable | null {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SCAN_ROWS); r++) {
    const row = sheet.rows[r] ?? [];
    if (row.some((v) => typeof v === 'number')) continue;
    const score = fieldsOf(row.map(text)).size;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0 || bestScore < MIN_HEADER_FIELDS) return null;
  const two = twoRowTitles(sheet, best);
  const headers = two ?? (sheet.rows[best] ?? []).map(text);
  const first = best + (two ? 2 : 1);
  const rows: TableRow[] = [];
  for (let r = first; r < sheet.rows.length; r++) rows.push({ index: r, cells: sheet.rows[r] ?? [] });
  fillMergedText(rows, sheet.merges, first);
  return { sheetName: sheet.name, headerRow: best, headerRowCount: two ? 2 : 1, headers, rows };
}

/** Every sheet with its score, best first; the first one holding positions is the proposal. */
export function rankSheets(workbook: WorkbookData): SheetCandidate[] {
  const candidates = workbook.sheets.map((sheet, sheetIndex): SheetCandidate => {
    const table = findTable(sheet);
    const fields = table ? fieldsOf(table.headers) : new Set<ImportField>();
    const holdsPositions =
      fields.has('structureName') && (fields.has('stateAmount') || fields.has('annualCost'));
    return { sheetIndex, sheetName: sheet.name, score: fields.size, holdsPositions, table };
  });
  return candidates.sort((a, b) => Number(b.holdsPositions) - Number(a.holdsPositions) || b.score - a.score);
}

const AMOUNT_FIELD = /^(annualCost|stateAmount|coFunding\.|coFundingAmount)/;
const NOTE_START =
  /^(?:(?:sources?|notes?|nb|n\.b|lecture|champ|rappel|les montants|montants)\b|\*|\(\d+\)|\d+\))/i;
const SUBTOTAL = /^(sous[\s-]?(total|totaux)|s\/total)\b/i;
const TOTAL = /^(total|totaux)\b/i;
const GRAND_TOTAL = /^(total|totaux)(\s+(g[ée]n[ée]ral|national|r[ée]gional|global|occitanie))?\s*:?$/i;

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Structure column and amount columns of a mapping (computed once per mapping). */
const MAPPING_COLUMNS = new WeakMap<Mapping, { structure: number; amounts: number[] }>();
function mappingColumns(mapping: Mapping): { structure: number; amounts: number[] } {
  let found = MAPPING_COLUMNS.get(mapping);
  if (!found) {
    const amounts: number[] = [];
    mapping.forEach((f, c) => {
      if (f !== null && AMOUNT_FIELD.test(f)) amounts.push(c);
    });
    found = { structure: mapping.indexOf('structureName'), amounts };
    MAPPING_COLUMNS.set(mapping, found);
  }
  return found;
}

/** Why a row is not a position, or null when it is data. */
export function ignoreReason(cells: readonly CellValue[], mapping: Mapping): string | null {
  const filled: number[] = [];
  for (let c = 0; c < cells.length; c++) if (!isEmpty(cells[c])) filled.push(c);
  if (filled.length === 0) return 'ligne vide';
  const columns = mappingColumns(mapping);
  const name = columns.structure >= 0 ? text(cells[columns.structure]) : '';
  const firstText = filled.find((c) => typeof cells[c] === 'string');
  const label = name !== '' ? name : firstText === undefined ? '' : text(cells[firstText]);
  if (SUBTOTAL.test(label)) return `sous-total (« ${label} »)`;
  if (TOTAL.test(label))
    return GRAND_TOTAL.test(label) ? `ligne de total (« ${label} »)` : `sous-total (« ${label} »)`;
  if (filled.length === 1 && typeof cells[filled[0] as number] === 'string') {
    const c = filled[0] as number;
    const t = text(cells[c]);
    if (c !== columns.structure || NOTE_START.test(t) || t.length > 80) return 'note de bas de tableau';
  }
  const hasAmount = columns.amounts.some((c) => !isEmpty(cells[c]));
  if (name === '' && !hasAmount) return 'ligne sans bénéficiaire ni montant';
  return null;
}

/** Data rows and ignored rows (with reasons) of a table under a mapping; trailing blank rows are dropped. */
export function classifyRows(
  table: FoundTable,
  mapping: Mapping,
): { data: TableRow[]; ignored: IgnoredRow[] } {
  let last = table.rows.length - 1;
  while (last >= 0 && (table.rows[last]?.cells ?? []).every((v) => isEmpty(v))) last--;
  const data: TableRow[] = [];
  const ignored: IgnoredRow[] = [];
  for (let i = 0; i <= last; i++) {
    const row = table.rows[i] as TableRow;
    const reason = ignoreReason(row.cells, mapping);
    if (reason === null) data.push(row);
    else ignored.push({ sheet: table.sheetName, row: row.index + 1, reason });
  }
  return { data, ignored };
}
