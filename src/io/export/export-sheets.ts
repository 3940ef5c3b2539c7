// The four sheets of an exported workbook: Synthèse (national and per region, with live formulas over the
// Postes sheet), Postes (inputs and computed columns), Cofinancements (one row per co-funding), Paramètres.
import { positionFigures } from '../../domain/position-figures';
import type { ScenarioFigures } from '../../domain/recompute';
import { regionByCode } from '../../domain/reference/regions';
import type { Position, Scenario, Structure } from '../../domain/types';
import { PARAMETER_LABELS as P } from '../../domain/vocabulary';
import { CO_FUNDING_HEADERS } from '../restore/co-funding-sheet';
import { FORMATS, date, formula, money, num, text, type Cell } from './export-cells';
import { POSTES_COLUMNS, POSTES_LETTERS as L } from './export-columns';
import { FUNDER_CATEGORY_LABELS, LEGAL_STATUS_LABELS, PAYMENT_SCHEDULE_LABELS } from '../value-labels';

export const SHEET_NAMES = {
  summary: 'Synthèse',
  positions: 'Postes',
  coFundings: 'Cofinancements',
  parameters: 'Paramètres',
} as const;

type Rows = (Cell | undefined)[][];

function valueCell(kind: string, v: string | number | null): Cell | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'string') return kind === 'date' ? date(v) : text(v);
  if (kind === 'money') return money(v);
  if (kind === 'fte') return num(v / 100, FORMATS.fte);
  return num(v, kind === 'integer' ? FORMATS.integer : undefined);
}

/** The Postes sheet rows: header, then one row per position with the computed columns as formulas. */
export function positionRows(
  positions: readonly Position[],
  scenario: Scenario,
  figures: ScenarioFigures,
): Rows {
  const structures = new Map<string, Structure>(scenario.structures.map((s) => [s.id, s]));
  const rows: Rows = [POSTES_COLUMNS.map((c) => text(c.header))];
  positions.forEach((p, i) => {
    const r = i + 2;
    const f = figures.positions.get(p.id) ?? positionFigures(p, scenario.campaign.rules);
    const ctx = { structure: structures.get(p.structureId) };
    const cached = [f.coFundingTotal / 100, f.stateRate, f.coFundingRate, f.remaining / 100];
    let k = 0;
    rows.push(
      POSTES_COLUMNS.map((c) => {
        if (!c.formula) return valueCell(c.kind, c.value ? c.value(p, ctx) : null);
        const z = c.kind === 'rate' ? FORMATS.rate : FORMATS.money;
        return formula(c.formula(r), cached[k++] ?? null, z);
      }),
    );
  });
  return rows;
}

/** Σ of `pick` over the positions of a region, per region code (integers: cents, hundredths or counts). */
function sumByRegion(positions: readonly Position[], pick: (p: Position) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const p of positions) sums.set(p.regionCode, (sums.get(p.regionCode) ?? 0) + pick(p));
  return sums;
}

/** First row (1-based) of the region table in Synthèse. */
const FIRST_REGION_ROW = 12;

/** Postes!$J$2:$J$n: a column of the exported positions (at least one row, so formulas stay valid). */
function postesRange(column: string, count: number): string {
  return `${SHEET_NAMES.positions}!$${column}$2:$${column}$${Math.max(2, count + 1)}`;
}

function regionLines(
  positions: readonly Position[],
  codes: readonly string[],
  envelopes: ReadonlyMap<string, number>,
): Rows {
  const over = (column: string) => postesRange(column, positions.length);
  const committed = sumByRegion(positions, (p) => p.stateAmount);
  const counts = sumByRegion(positions, () => 1);
  const fte = sumByRegion(positions, (p) => p.fte);
  return codes.map((code, i) => {
    const r = FIRST_REGION_ROW + i;
    const envelope = envelopes.get(code) ?? 0;
    const spent = committed.get(code) ?? 0;
    const criteria = `${over(L.region)},A${r}`;
    return [
      text(regionByCode(code)?.name ?? code),
      text(code),
      money(envelope),
      formula(`SUMIF(${criteria},${over(L.state)})`, spent / 100, FORMATS.money),
      formula(`C${r}-D${r}`, (envelope - spent) / 100, FORMATS.money),
      formula(`COUNTIF(${criteria})`, counts.get(code) ?? 0, FORMATS.integer),
      formula(`SUMIF(${criteria},${over(L.fte)})`, (fte.get(code) ?? 0) / 100, FORMATS.fte),
    ];
  });
}

/**
 * Synthèse: national figures, then one row per region and a total row. Committed, available, allotted,
 * reserve and remaining are live formulas over the Postes sheet; cached values are exact sums in cents.
 */
export function summaryRows(
  positions: readonly Position[],
  scenario: Scenario,
  figures: ScenarioFigures,
): Rows {
  const codes = figures.regions.map((r) => r.regionCode);
  for (const p of positions) if (!codes.includes(p.regionCode)) codes.push(p.regionCode);
  const end = FIRST_REGION_ROW + codes.length - 1;
  const envelopes = new Map(scenario.regions.map((r) => [r.regionCode, r.envelope as number]));
  const allotted = [...envelopes.values()].reduce((a, b) => a + b, 0);
  const committed = positions.reduce((a, p) => a + p.stateAmount, 0);
  const fte = positions.reduce((a, p) => a + p.fte, 0);
  const national = scenario.campaign.nationalEnvelope;
  const note = `Export filtré : ${positions.length} postes sur ${scenario.positions.length} ; les montants engagés portent sur les postes exportés.`;
  const sum = (column: string, cached: number, z: string) =>
    formula(`SUM(${column}${FIRST_REGION_ROW}:${column}${end})`, cached, z);
  return [
    [text(`Synthèse — ${scenario.name}`)],
    [text('Campagne'), text(scenario.campaign.label)],
    positions.length !== scenario.positions.length ? [text(note)] : [],
    [text('Indicateur'), text('Montant')],
    [text('Enveloppe nationale'), money(national)],
    [text('Enveloppes régionales réparties'), sum('C', allotted / 100, FORMATS.money)],
    [text('Réserve non répartie'), formula('B5-B6', (national - allotted) / 100, FORMATS.money)],
    [
      text('Engagé (total des parts État)'),
      formula(`SUM(${postesRange(L.state, positions.length)})`, committed / 100, FORMATS.money),
    ],
    [text('Reste à allouer'), formula('B5-B8', (national - committed) / 100, FORMATS.money)],
    [],
    ['Région', 'Code région', 'Enveloppe', 'Engagé', 'Disponible', 'Postes', 'ETP'].map(text),
    ...regionLines(positions, codes, envelopes),
    [
      text('Total'),
      undefined,
      sum('C', allotted / 100, FORMATS.money),
      sum('D', committed / 100, FORMATS.money),
      sum('E', (allotted - committed) / 100, FORMATS.money),
      sum('F', positions.length, FORMATS.integer),
      sum('G', fte / 100, FORMATS.fte),
    ],
  ];
}

export function coFundingRows(positions: readonly Position[], scenario: Scenario): Rows {
  const names = new Map(scenario.structures.map((s) => [s.id, s.name]));
  const rows: Rows = [CO_FUNDING_HEADERS.map(text)];
  for (const p of positions) {
    for (const c of p.coFundings) {
      const structure = names.get(p.structureId);
      rows.push([
        text(p.id),
        structure ? text(structure) : undefined,
        c.funder ? text(c.funder) : undefined,
        text(FUNDER_CATEGORY_LABELS[c.category]),
        money(c.amount),
      ]);
    }
  }
  return rows;
}

export function parameterRows(scenario: Scenario, exportedAt: string, count: number): Rows {
  const { campaign } = scenario;
  const { rules } = campaign;
  const rate = (bp: number) => num(bp / 10_000, FORMATS.rate);
  return [
    [text('Paramètre'), text('Valeur')],
    [text('Scénario'), text(scenario.name)],
    [text('Campagne'), text(campaign.label)],
    [text(P.year), num(campaign.year, FORMATS.integer)],
    [text(P.nationalEnvelope), money(campaign.nationalEnvelope)],
    [text(P.maxStateRate), rate(rules.maxStateRate)],
    [text(P.minCoFundingRate), rate(rules.minCoFundingRate)],
    [text(P.maxAllStateRate), rate(rules.maxAllStateRate)],
    [
      text(P.allStateRateStatuses),
      text(rules.allStateRateStatuses.map((s) => LEGAL_STATUS_LABELS[s]).join(' ; ')),
    ],
    [
      text(P.stateCeilingPerFte),
      rules.stateCeilingPerFte === null ? text('aucun') : money(rules.stateCeilingPerFte),
    ],
    [text(P.minFtePerStructureRole), num(rules.minFtePerStructureRole / 100, FORMATS.fte)],
    [text(`${P.maxConventionYears} (années)`), num(rules.maxConventionYears, FORMATS.integer)],
    [text(P.defaultConventionStart), date(campaign.defaultConventionStart)],
    [text(P.defaultConventionEnd), date(campaign.defaultConventionEnd)],
    [text(P.defaultPaymentSchedule), text(PAYMENT_SCHEDULE_LABELS[campaign.defaultPaymentSchedule])],
    [text('Postes exportés'), num(count, FORMATS.integer)],
    [text('Exporté le'), date(exportedAt.slice(0, 10))],
  ];
}
