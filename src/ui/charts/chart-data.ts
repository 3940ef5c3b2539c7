// Chart models of the regional and national figures computed by the domain (recompute): envelopes, use of the
// national envelope, financing mix, ETP by role and by cohort. Pure: the figures in, plain data out; nothing is
// recomputed here, only picked, put in order and (for table totals) summed exactly.
import { formatEurosShort, formatFte, formatPercent } from '../../domain/format-fr';
import type { Fte } from '../../domain/fte';
import type { Cents } from '../../domain/money';
import type { ScenarioFigures } from '../../domain/recompute';
import { regionByCode } from '../../domain/reference/regions';
import type { NationalFigures, RegionFigures } from '../../domain/totals';
import { PURPOSES } from '../../domain/types';
import { PURPOSE_LABELS } from '../i18n/fr';
import {
  formatValue,
  seriesTable,
  sumOf,
  type ChartModel,
  type ChartSeries,
  type TableRow,
} from './chart-model';
import { CHART_LABELS as L, COLORS, PALETTE } from './labels-fr';

export function regionName(code: string): string {
  return regionByCode(code)?.name ?? (code || 'Région non renseignée');
}

function regionAxis(regions: readonly RegionFigures[]) {
  return { labels: regions.map((r) => regionName(r.regionCode)), keys: regions.map((r) => r.regionCode) };
}

/** Chart 1: envelope, committed and available per region (grouped bars); the keys are the region codes. */
export function envelopeModel(figures: ScenarioFigures): ChartModel {
  const { labels, keys } = regionAxis(figures.regions);
  const series: ChartSeries[] = [
    {
      key: 'envelope',
      label: L.envelope,
      color: COLORS.blue,
      values: figures.regions.map((r) => r.envelope),
    },
    {
      key: 'committed',
      label: L.committed,
      color: COLORS.orange,
      values: figures.regions.map((r) => r.committed),
    },
    {
      key: 'available',
      label: L.available,
      color: COLORS.green,
      values: figures.regions.map((r) => r.available),
    },
  ];
  const n = figures.national;
  return {
    kind: 'bar',
    unit: 'cents',
    stacked: false,
    labels,
    keys,
    series,
    table: seriesTable('cents', L.region, labels, keys, series),
    summary:
      `Diagramme en barres groupées de l'enveloppe, de l'engagé et du disponible de ${labels.length} régions : ` +
      `${formatEurosShort(n.committed)} engagés sur ${formatEurosShort(n.allotted)} répartis.`,
  };
}

interface Part {
  key: string;
  label: string;
  color: string;
  value: number;
}

/** The parts of the doughnut (see purposeModel) and the table notes for what cannot be drawn. */
function envelopeParts(national: NationalFigures): { parts: Part[]; notes: Array<[string, string, number]> } {
  const parts: Part[] = PURPOSES.map((p, k) => ({
    key: p,
    label: PURPOSE_LABELS[p],
    color: PALETTE[k] ?? COLORS.grey,
    value: national.byPurpose[p],
  }));
  // State amounts of positions whose purpose the domain does not know (none after a clean import).
  const unknown = national.committed - sumOf(parts.map((p) => p.value));
  if (unknown !== 0)
    parts.push({ key: 'otherPurpose', label: L.otherPurpose, color: COLORS.grey, value: unknown });
  const { remaining, reserve } = national;
  const notes: Array<[string, string, number]> = [];
  if (remaining >= 0 && reserve >= 0 && reserve <= remaining) {
    parts.push({
      key: 'remainingRegions',
      label: L.remainingRegions,
      color: COLORS.unused,
      value: remaining - reserve,
    });
    parts.push({ key: 'reserve', label: L.remainingReserve, color: COLORS.reserve, value: reserve });
  } else {
    if (remaining >= 0)
      parts.push({ key: 'remaining', label: L.remaining, color: COLORS.unused, value: remaining });
    else notes.push(['overrun', L.overrun, -remaining]);
    notes.push(['reserve', L.reserveNote, reserve]);
  }
  return { parts, notes };
}

/**
 * Chart 2: the national envelope as a doughnut whose parts add up to it exactly. The State amounts committed by
 * purpose are the used part; the rest is the remaining to allocate (envelope − committed). The unallotted
 * reserve (envelope − Σ regional envelopes) is part of that remaining, not an addition to it: when
 * 0 ≤ reserve ≤ remaining the remaining is drawn as two parts, still available in the regional envelopes
 * (remaining − reserve) and reserve; otherwise (over-allotted or over-committed envelope) the remaining is
 * drawn whole and the reserve is a row of the table only. An over-committed envelope draws no remaining (a
 * part cannot be negative) and shows the overrun in the table.
 */
export function purposeModel(national: NationalFigures): ChartModel {
  const { parts, notes } = envelopeParts(national);
  const { remaining, reserve } = national;
  const share = (v: number) => (national.envelope === 0 ? '—' : formatPercent(v / national.envelope, 1));
  const row = (key: string, header: string, v: number): TableRow => ({
    key,
    header,
    cells: [formatValue('cents', v), share(v)],
  });
  return {
    kind: 'doughnut',
    unit: 'cents',
    stacked: false,
    labels: parts.map((p) => p.label),
    keys: parts.map((p) => p.key),
    series: [
      { key: 'use', label: L.use, color: parts.map((p) => p.color), values: parts.map((p) => p.value) },
    ],
    table: {
      head: [L.use, L.amount, L.share],
      rows: parts.map((p) => row(p.key, p.label, p.value)),
      foot: [row('total', L.nationalEnvelope, national.envelope), ...notes.map(([k, h, v]) => row(k, h, v))],
    },
    summary:
      `Diagramme en anneau de l'enveloppe nationale de ${formatEurosShort(national.envelope)} : ` +
      `${formatEurosShort(national.committed)} engagés, ${formatEurosShort(remaining as Cents)} restent à allouer ` +
      `dont ${formatEurosShort(reserve)} de réserve non répartie.`,
  };
}

/**
 * Chart 3: how each region's positions are funded (stacked bars): AAP State amount, other State credits, FSE+,
 * collectivités, other funders (other public, private, own funds) and the remaining to fund (a gap; negative
 * for an excess). The parts add up to the region's total cost exactly.
 */
export function financingModel(figures: ScenarioFigures): ChartModel {
  const regions = figures.regions;
  const { labels, keys } = regionAxis(regions);
  const pick = (key: string, label: string, color: string, f: (r: RegionFigures) => number): ChartSeries => ({
    key,
    label,
    color,
    values: regions.map(f),
  });
  const series = [
    pick('state', L.stateAap, COLORS.blue, (r) => r.committed),
    pick('stateOther', L.stateOther, COLORS.lightBlue, (r) => r.coFundingByCategory.stateOther),
    pick('esfPlus', L.esfPlus, COLORS.brown, (r) => r.coFundingByCategory.esfPlus),
    pick('localAuthority', L.localAuthority, COLORS.green, (r) => r.coFundingByCategory.localAuthority),
    pick('other', L.otherFunders, COLORS.purple, (r) => {
      const c = r.coFundingByCategory;
      return c.otherPublic + c.private + c.ownFunds;
    }),
    pick('remaining', L.remainingToFund, COLORS.red, (r) => r.remaining),
  ];
  const n = figures.national;
  return {
    kind: 'bar',
    unit: 'cents',
    stacked: true,
    labels,
    keys,
    series,
    table: seriesTable('cents', L.region, labels, keys, series, {
      header: L.totalCost,
      values: regions.map((r) => r.totalCost),
    }),
    summary:
      `Barres empilées du financement des postes de ${labels.length} régions : coût total ` +
      `${formatEurosShort(n.totalCost)}, dont ${formatEurosShort(n.committed)} de part État AAP.`,
  };
}

/** Chart 4: ETP per region by role, or by AAP cohort (stacked bars); both stacks add up to the region's ETP. */
export function fteModel(figures: ScenarioFigures, by: 'role' | 'cohort'): ChartModel {
  const regions = figures.regions;
  const { labels, keys } = regionAxis(regions);
  let series: ChartSeries[];
  if (by === 'role') {
    series = [
      {
        key: 'facilitateur',
        label: 'Facilitateurs',
        color: COLORS.blue,
        values: regions.map((r) => r.fteByRole.facilitateur),
      },
      {
        key: 'coordinateur',
        label: 'Coordinateurs',
        color: COLORS.orange,
        values: regions.map((r) => r.fteByRole.coordinateur),
      },
    ];
  } else {
    const cohorts = [...new Set(regions.flatMap((r) => [...r.fteByCohort.keys()]))].sort((a, b) => a - b);
    series = cohorts.map((c, k) => ({
      key: String(c),
      label: L.cohort(c),
      color: PALETTE[k % PALETTE.length] ?? COLORS.grey,
      values: regions.map((r) => r.fteByCohort.get(c) ?? 0),
    }));
  }
  const totals = regions.map((r) => r.fteByRole.facilitateur + r.fteByRole.coordinateur);
  const n = figures.national.fteByRole;
  return {
    kind: 'bar',
    unit: 'fte',
    stacked: true,
    labels,
    keys,
    series,
    table: seriesTable('fte', L.region, labels, keys, series, { header: L.fteTotal, values: totals }),
    summary:
      `Barres empilées des ETP de ${labels.length} régions par ${by === 'role' ? 'fonction' : 'cohorte AAP'} : ` +
      `${formatFte((n.facilitateur + n.coordinateur) as Fte)} ETP au total.`,
  };
}
