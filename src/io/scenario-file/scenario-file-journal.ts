// Restore of the `Journal` sheet: each row becomes a change-log entry copied field by field (dates checked,
// source and entity from allowlists, lengths bounded), with old and new values parsed from JSON text into
// plain JSON values — keys `__proto__`, `constructor` and `prototype` dropped, depth and size bounded.
import { columnLetter } from '../cell-address';
import { headerKey } from '../table/header-vocabulary';
import * as read from '../restore/restore-values';
import { cellDiagnostic, fileDiagnostic, type FileDiagnostic } from './scenario-file-diagnostics';
import {
  JOURNAL_ENTITIES,
  JOURNAL_HEADERS,
  JOURNAL_SOURCES,
  SCENARIO_FILE_SHEETS,
  type JournalEntity,
  type JournalEntry,
  type JournalSource,
} from './scenario-file-format';
import { findSheet } from './scenario-file-migrate';
import { isRecord, own, type CellValue, type WorkbookData } from '../workbook-data';

const SHEET = SCENARIO_FILE_SHEETS.journal;
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 20;
const MAX_ITEMS = 10_000;
/** Diagnostics listed one by one before they are only counted. */
const MAX_LISTED = 50;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A plain JSON value (null, boolean, finite number, string, array, object) rebuilt from untrusted data. */
export function plainJson(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v: unknown) => plainJson(v, depth + 1));
  if (!isRecord(value)) return null;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).slice(0, MAX_ITEMS)) {
    if (!FORBIDDEN_KEYS.has(key)) copy[key] = plainJson(own(value, key), depth + 1);
  }
  return copy;
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(v: CellValue): Parsed {
  if (read.isBlank(v)) return { ok: true, value: null };
  if (typeof v !== 'string') return { ok: true, value: plainJson(v) };
  try {
    return { ok: true, value: plainJson(JSON.parse(v) as unknown) };
  } catch {
    return { ok: false };
  }
}

const clip = (v: CellValue, max: number) => read.cellText(v).slice(0, max);

function columnsOf(header: readonly CellValue[]): number[] {
  const keys = header.map((v) => headerKey(read.cellText(v)));
  return JOURNAL_HEADERS.map((t) => keys.indexOf(headerKey(t)));
}

/** Entries of the Journal sheet in the file's order (oldest first); rows that cannot be read are reported. */
export function restoreJournal(workbook: WorkbookData, out: FileDiagnostic[]): JournalEntry[] {
  const sheet = findSheet(workbook, SHEET);
  if (!sheet) {
    out.push(
      fileDiagnostic('feuille absente : le journal des modifications n’est pas repris', 'warning', SHEET),
    );
    return [];
  }
  const cols = columnsOf(sheet.rows[0] ?? []);
  const entries: JournalEntry[] = [];
  let problems = 0;
  const report = (row: number, c: number, message: string) => {
    if (++problems <= MAX_LISTED)
      out.push(cellDiagnostic(SHEET, row, c >= 0 ? columnLetter(c) : '', message));
  };
  sheet.rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const at = (k: number) => {
      const c = cols[k] ?? -1;
      return c < 0 ? null : (cells[c] ?? null);
    };
    if (cells.every((v) => read.isBlank(v))) return;
    const date = read.cellText(at(0));
    const entity = read.cellText(at(3));
    if (!ISO_DATE_TIME.test(date) || !Number.isFinite(Date.parse(date)))
      return report(row, cols[0] ?? -1, `date illisible « ${date.slice(0, 40)} » : ligne du journal ignorée`);
    if (!(JOURNAL_ENTITIES as readonly string[]).includes(entity))
      return report(
        row,
        cols[3] ?? -1,
        `entité inconnue « ${entity.slice(0, 40)} » : ligne du journal ignorée`,
      );
    const source = read.cellText(at(2));
    const known = (JOURNAL_SOURCES as readonly string[]).includes(source);
    if (!known)
      report(row, cols[2] ?? -1, `origine inconnue « ${source.slice(0, 40)} » : « restauration » retenue`);
    const values = [parseJson(at(6)), parseJson(at(7))];
    values.forEach((v, k) => {
      if (!v.ok) report(row, cols[6 + k] ?? -1, 'valeur JSON illisible : conservée comme texte');
    });
    const value = (k: 0 | 1) => {
      const v = values[k] as Parsed;
      return v.ok ? v.value : clip(at(6 + k), 2_000);
    };
    entries.push({
      batchId: clip(at(9), 100) || `fichier-ligne-${row}`,
      at: date,
      who: clip(at(1), 200),
      source: known ? (source as JournalSource) : 'restore',
      entity: entity as JournalEntity,
      entityId: clip(at(4), 200),
      field: clip(at(5), 100),
      oldValue: value(0),
      newValue: value(1),
      label: clip(at(8), 500),
    });
  });
  if (problems > MAX_LISTED)
    out.push(fileDiagnostic(`${problems - MAX_LISTED} autres lignes du journal signalées`, 'warning', SHEET));
  return entries;
}
