// Chart models over time, from the domain's planning and payment schedules: conventions ending per month, ETP to
// renew per year, AE and CP per calendar year (national or one region). Pure: positions in, plain data out.
import { formatEurosShort, formatFte } from '../../domain/format-fr';
import type { Fte } from '../../domain/fte';
import type { Cents } from '../../domain/money';
import { conventionsEndingByMonth, fteEndingByYear } from '../../domain/planning';
import { aeCpByYear } from '../../domain/schedule';
import type { Campaign, Position } from '../../domain/types';
import { seriesTable, sumOf, type ChartModel, type ChartSeries } from './chart-model';
import { CHART_LABELS as L, COLORS, monthLabel } from './labels-fr';

/** How many months the conventions-ending chart covers. */
export const ENDING_MONTHS = 24;

/** The positions of one region, or all of them for `null`. */
export function positionsOf(positions: readonly Position[], regionCode: string | null): readonly Position[] {
  return regionCode === null ? positions : positions.filter((p) => p.regionCode === regionCode);
}

/**
 * Chart 5a: number of conventions ending in each month of the 24 months from the campaign's default convention
 * start (the campaign, not today's date, sets the horizon: a plan for AAP 2026 looks at its own conventions,
 * whenever it is opened).
 */
export function endingsModel(positions: readonly Position[], campaign: Campaign): ChartModel {
  const byMonth = conventionsEndingByMonth(positions, campaign.defaultConventionStart, ENDING_MONTHS);
  const keys = [...byMonth.keys()];
  const labels = keys.map(monthLabel);
  const series: ChartSeries[] = [
    {
      key: 'count',
      label: L.conventionsEnding,
      color: COLORS.blue,
      values: keys.map((k) => byMonth.get(k) ?? 0),
    },
  ];
  const total = sumOf(series[0]?.values ?? []);
  return {
    kind: 'bar',
    unit: 'count',
    stacked: false,
    labels,
    keys,
    series,
    table: seriesTable('count', L.month, labels, keys, series),
    summary:
      `Diagramme en barres des conventions arrivant à échéance de ${labels[0] ?? ''} à ${labels.at(-1) ?? ''} : ` +
      `${total.toLocaleString('fr-FR')} convention${total > 1 ? 's' : ''}.`,
  };
}

/**
 * Chart 5b: ETP whose convention ends, per year (stacked): renewable by amendment, or at the end of the maximum
 * duration (a new application). The two parts add up to the ETP whose convention ends that year.
 */
export function renewalsModel(positions: readonly Position[], campaign: Campaign): ChartModel {
  const byYear = fteEndingByYear(positions, campaign.rules);
  const keys = [...byYear.keys()].map(String);
  const values = [...byYear.values()];
  const series: ChartSeries[] = [
    { key: 'toRenew', label: L.toRenew, color: COLORS.blue, values: values.map((v) => v.toRenew) },
    { key: 'limitEnds', label: L.limitEnds, color: COLORS.orange, values: values.map((v) => v.limitEnds) },
  ];
  const total = sumOf(values.map((v) => v.conventionEnds));
  return {
    kind: 'bar',
    unit: 'fte',
    stacked: true,
    labels: keys,
    keys,
    series,
    table: seriesTable('fte', L.year, keys, keys, series, {
      header: L.conventionEnds,
      values: values.map((v) => v.conventionEnds),
    }),
    summary:
      `Barres empilées des ETP dont la convention se termine, par année : ${formatFte(total as Fte)} ETP ` +
      `sur ${keys.length} année${keys.length > 1 ? 's' : ''}.`,
  };
}

/** Chart 6: AE (in the signature year) and CP (as paid) per calendar year, for all regions or one. */
export function aeCpModel(
  positions: readonly Position[],
  campaign: Campaign,
  regionCode: string | null,
  regionLabel: string,
): ChartModel {
  const byYear = aeCpByYear(positionsOf(positions, regionCode), campaign.year);
  const keys = [...byYear.keys()].map(String);
  const values = [...byYear.values()];
  const series: ChartSeries[] = [
    { key: 'ae', label: L.ae, color: COLORS.blue, values: values.map((v) => v.ae) },
    { key: 'cp', label: L.cp, color: COLORS.green, values: values.map((v) => v.cp) },
  ];
  return {
    kind: 'bar',
    unit: 'cents',
    stacked: false,
    labels: keys,
    keys,
    series,
    table: seriesTable('cents', L.year, keys, keys, series),
    summary:
      `Diagramme en barres des AE et CP par année (${regionLabel}) : ` +
      `${formatEurosShort(sumOf(values.map((v) => v.ae)) as Cents)} d'AE, ` +
      `${formatEurosShort(sumOf(values.map((v) => v.cp)) as Cents)} de CP.`,
  };
}
