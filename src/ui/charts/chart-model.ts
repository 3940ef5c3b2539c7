// The plain description of a dashboard chart: categories, series of exact integer values (cents, ETP hundredths
// or counts) and the data table shown as its accessible alternative. Pure: no chart.js, no DOM. The chart.js
// data is derived from it (toChartJsData) and its tooltips and table format the same integers, so the picture,
// the tooltip and the table always say the same figures.
import { formatEuros, formatEurosShort, formatFte } from '../../domain/format-fr';
import type { Cents } from '../../domain/money';
import type { Fte } from '../../domain/fte';

/** What the integers of a chart count: euro cents, ETP in hundredths, or a plain number (conventions). */
export type ValueUnit = 'cents' | 'fte' | 'count';

export interface ChartSeries {
  key: string;
  label: string;
  /** One colour for the series (bars), or one per category (doughnut). */
  color: string | readonly string[];
  /** One exact integer per category, in the model's unit. */
  values: readonly number[];
}

export interface TableRow {
  /** The category key (region code, `2027-10`, year…), or `total`. */
  key: string;
  header: string;
  cells: readonly string[];
}

export interface ChartTable {
  /** Column headers, the first one over the row headers. */
  head: readonly string[];
  rows: readonly TableRow[];
  /** Totals and notes below the rows (in a <tfoot>). */
  foot: readonly TableRow[];
}

export interface ChartModel {
  kind: 'bar' | 'doughnut';
  unit: ValueUnit;
  stacked: boolean;
  /** Category labels (region names, months, years, purposes). */
  labels: readonly string[];
  /** Category keys, in the order of labels (region codes for the regional charts). */
  keys: readonly string[];
  series: readonly ChartSeries[];
  table: ChartTable;
  /** One sentence for the canvas's aria-label. */
  summary: string;
}

/** The exact French text of a value: `31 500,00 €`, `1,25` (ETP), `12`. */
export function formatValue(unit: ValueUnit, value: number): string {
  if (unit === 'cents') return formatEuros(value as Cents);
  if (unit === 'fte') return `${value < 0 ? '-' : ''}${formatFte(value as Fte)}`;
  return value.toLocaleString('fr-FR');
}

/** The number chart.js draws: euros for cents, ETP for hundredths. */
export function chartValue(unit: ValueUnit, value: number): number {
  return unit === 'count' ? value : value / 100;
}

/** Axis tick of a value drawn by chart.js (euros → `1,2 M€`, `31 500 €`; ETP and counts in French). */
export function formatTick(unit: ValueUnit, drawn: number): string {
  if (unit === 'cents') return formatEurosShort(Math.round(drawn * 100) as Cents);
  return drawn.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}

/** Plain chart.js data (labels and datasets) of a model; new arrays each time, so chart.update() sees them. */
export function toChartJsData(model: ChartModel) {
  return {
    labels: [...model.labels],
    datasets: model.series.map((s) => ({
      label: s.label,
      data: s.values.map((v) => chartValue(model.unit, v)),
      backgroundColor: typeof s.color === 'string' ? s.color : [...s.color],
      borderColor:
        model.kind === 'doughnut' ? '#ffffff' : typeof s.color === 'string' ? s.color : [...s.color],
      borderWidth: model.kind === 'doughnut' ? 2 : 0,
    })),
  };
}

/** The tooltip line of a value: `Engagé : 222 426,00 €`. */
export function tooltipLine(model: ChartModel, seriesIndex: number, index: number): string {
  const s = model.series[seriesIndex];
  const value = s?.values[index];
  if (!s || value === undefined) return '';
  const label = model.kind === 'doughnut' ? (model.labels[index] ?? '') : s.label;
  return `${label} : ${formatValue(model.unit, value)}`;
}

/** Σ of integers, exact (no float drift for safe integers). */
export function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * The usual table of a bar chart: one row per category, one column per series, optionally a last column
 * (e.g. the total cost) and a totals row of every column's sum.
 */
export function seriesTable(
  unit: ValueUnit,
  categoryHeader: string,
  labels: readonly string[],
  keys: readonly string[],
  series: readonly ChartSeries[],
  extra?: { header: string; values: readonly number[] },
  totalLabel: string | null = 'Total',
): ChartTable {
  const columns = extra ? [...series.map((s) => s.values), extra.values] : series.map((s) => s.values);
  const rows = labels.map((header, i) => ({
    key: keys[i] ?? String(i),
    header,
    cells: columns.map((values) => formatValue(unit, values[i] ?? 0)),
  }));
  const foot =
    totalLabel === null
      ? []
      : [
          {
            key: 'total',
            header: totalLabel,
            cells: columns.map((values) => formatValue(unit, sumOf(values))),
          },
        ];
  return {
    head: [categoryHeader, ...series.map((s) => s.label), ...(extra ? [extra.header] : [])],
    rows,
    foot,
  };
}
