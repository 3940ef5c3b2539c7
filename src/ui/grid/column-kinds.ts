// How each kind of value is shown, filtered and searched in the grids: French formats for display, numbers in the
// units people type for the column filters (euros, %, ETP), accent-insensitive text for the quick search.
import type { ColDef } from 'ag-grid-community';
import { formatDate, formatEuros, formatFte, formatPercent } from '../../domain/format-fr';
import type { Cents } from '../../domain/money';
import type { Fte } from '../../domain/fte';
import { parseFrenchNumber } from '../../domain/parse-fr';

export type CellValue = string | number | null;
export type ColumnKind = 'text' | 'choice' | 'money' | 'percent' | 'fte' | 'integer' | 'date' | 'decimal';

const DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The French text of a value: `31 500,00 €`, `70,00 %`, `1,00`, `31/10/2027`, `3,21`. */
export function formatCell(kind: ColumnKind, value: CellValue): string {
  if (value === null || value === '') return kind === 'percent' || kind === 'decimal' ? '—' : '';
  if (typeof value === 'string') return kind === 'date' ? formatDate(value) : value;
  switch (kind) {
    case 'money':
      return formatEuros(value as Cents);
    case 'percent':
      return formatPercent(value);
    case 'fte':
      return formatFte(value as Fte);
    case 'decimal':
      return DECIMAL.format(value);
    default:
      return String(value);
  }
}

/** The number a column filter compares with what people type: euros, percent points, ETP. */
export function filterNumber(kind: ColumnKind, value: CellValue): number | null {
  if (typeof value !== 'number') return null;
  if (kind === 'money' || kind === 'fte') return value / 100;
  if (kind === 'percent') return value * 100;
  return value;
}

/** Reads `31 500,50`, `70 %` or `1,5` in a number filter; null when unreadable (the filter then ignores it). */
export function parseFilterNumber(text: string | null): number | null {
  if (text == null || text.trim() === '') return null;
  const r = parseFrenchNumber(text);
  return r.ok ? r.value : null;
}

/** Lower case without accents, so `region` finds `Région` in the quick search. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(['money', 'percent', 'fte', 'integer', 'decimal']);

export function isNumericKind(kind: ColumnKind): boolean {
  return NUMERIC_KINDS.has(kind);
}

/** Filter, alignment and classes of a column of this kind (the value getter is the caller's). */
export function kindColDef<T>(
  kind: ColumnKind,
  read: (data: T | undefined) => CellValue,
): Partial<ColDef<T>> {
  const numeric = isNumericKind(kind);
  return {
    valueFormatter: (p) => formatCell(kind, (p.value ?? null) as CellValue),
    filter: numeric ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    filterValueGetter: (p) => {
      const v = read(p.data);
      return numeric ? filterNumber(kind, v) : formatCell(kind, v);
    },
    filterParams: numeric
      ? { numberParser: parseFilterNumber, allowedCharPattern: '\\d\\-\\,\\.\\s%€', buttons: ['reset'] }
      : { textFormatter: (s: string) => searchKey(s), buttons: ['reset'] },
    getQuickFilterText: (p) => formatCell(kind, read(p.data)),
    cellClass: numeric ? 'grid-cell--number' : undefined,
    headerClass: numeric ? 'grid-header--number' : undefined,
  };
}
