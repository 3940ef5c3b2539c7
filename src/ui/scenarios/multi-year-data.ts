// Multi-year figures for the Pluriannuel view: AE and CP by calendar year (national and per region),
// conventions in their last allowed year, ETP to renew next year; all from the domain's schedules.
import type { Cents } from '../../domain/money';
import { fteEndingByYear } from '../../domain/planning';
import { aeCpByYear, type YearAmounts } from '../../domain/schedule';
import type { Position, Scenario } from '../../domain/types';

export interface MultiYearRow {
  regionCode: string | null;
  /** Same order as `years`. */
  amounts: YearAmounts[];
  /** ETP (hundredths) of conventions in their last allowed year (year 3 with the 2026 rules). */
  lastYearFte: number;
  lastYearCount: number;
  /** ETP (hundredths) whose convention ends next year and can be renewed by amendment. */
  toRenewNextYear: number;
  /** ETP (hundredths) reaching the 3-year limit next year (a new application is needed). */
  limitNextYear: number;
}

export interface MultiYearTable {
  years: number[];
  national: MultiYearRow;
  regions: MultiYearRow[];
}

function rowOf(
  regionCode: string | null,
  positions: readonly Position[],
  scenario: Scenario,
  years: number[],
): MultiYearRow {
  const { rules, year } = scenario.campaign;
  const byYear = aeCpByYear(positions, year);
  const amounts = years.map((y) => byYear.get(y) ?? { ae: 0 as Cents, cp: 0 as Cents });
  const lastYear = positions.filter((p) => p.conventionYear >= rules.maxConventionYears);
  const next = fteEndingByYear(positions, rules).get(year + 1);
  return {
    regionCode,
    amounts,
    lastYearFte: lastYear.reduce((s, p) => s + p.fte, 0),
    lastYearCount: lastYear.length,
    toRenewNextYear: next?.toRenew ?? 0,
    limitNextYear: next?.limitEnds ?? 0,
  };
}

export function multiYearTable(scenario: Scenario): MultiYearTable {
  const all = aeCpByYear(scenario.positions, scenario.campaign.year);
  const years = [...all.keys()];
  if (years.length === 0) years.push(scenario.campaign.year);
  const byRegion = new Map<string, Position[]>();
  for (const p of scenario.positions) {
    const list = byRegion.get(p.regionCode);
    if (list) list.push(p);
    else byRegion.set(p.regionCode, [p]);
  }
  const codes = [...new Set([...scenario.regions.map((r) => r.regionCode), ...byRegion.keys()])];
  return {
    years,
    national: rowOf(null, scenario.positions, scenario, years),
    regions: codes.map((code) => rowOf(code, byRegion.get(code) ?? [], scenario, years)),
  };
}
