// The AAP rules checked live (PRODUCT.md rules 1–6): per position, then per structure/role and per region.
import type { Breach } from './breach';
import { formatBasisPoints, formatEuros, formatFte, formatPercent } from './format-fr';
import { applyRateFloor, type Cents } from './money';
import { ceilingForFte, type PositionFigures } from './position-figures';
import type { Fte } from './fte';
import type { Position, RuleParams, Structure } from './types';

/** Finds a structure by id (a Map, or a lighter view over the scenario's array). */
export interface StructureLookup {
  get(id: string): Structure | undefined;
}

/** ETP of one structure for one role in the campaign (rule 4). */
export interface MinFteGroup {
  fte: number;
  positionIds: string[];
  structureId: string;
  role: Position['role'];
  regionCode: string;
}

const ROLE_LABEL = { facilitateur: 'facilitateur', coordinateur: 'coordinateur' } as const;

/** Rules 2, 3, 6 and 1 on one position; appends to `out` (no allocation when the position is clean). */
export function checkPosition(
  p: Position,
  f: PositionFigures,
  rules: RuleParams,
  structure: Structure | undefined,
  out: Breach[],
): void {
  checkStateShare(p, f, rules, out);
  if (structure && rules.allStateRateStatuses.includes(structure.legalStatus))
    checkAllState(p, f, rules, out);
  // A co-funding shortfall is its own breach only when neither the gap nor an excess State share explains it.
  if (f.remaining !== 0) out.push(remainingBreach(p, f));
  else if (p.stateAmount <= f.maxStateAmount) checkCoFundingShare(p, f, rules, out);
  if (p.conventionYear > rules.maxConventionYears) {
    out.push({
      ruleId: 'conventionYear',
      positionId: p.id,
      regionCode: p.regionCode,
      relatedPositionIds: [],
      field: 'conventionYear',
      figures: { conventionYear: p.conventionYear, max: rules.maxConventionYears },
      message: `Convention en année ${p.conventionYear} > ${rules.maxConventionYears} ans maximum`,
    });
  }
}

function checkStateShare(p: Position, f: PositionFigures, rules: RuleParams, out: Breach[]): void {
  if (p.stateAmount <= f.maxStateAmount) return;
  const byRate = applyRateFloor(p.annualCost, rules.maxStateRate);
  const excess = (p.stateAmount - f.maxStateAmount) as Cents;
  if (f.maxStateAmount < byRate && rules.stateCeilingPerFte !== null) {
    const ceiling = ceilingForFte(rules.stateCeilingPerFte, p.fte);
    out.push({
      ruleId: 'stateCeilingPerFte',
      positionId: p.id,
      regionCode: p.regionCode,
      relatedPositionIds: [],
      field: 'stateAmount',
      figures: { stateAmount: p.stateAmount, ceiling, fte: p.fte, excess },
      message:
        `Part État ${formatEuros(p.stateAmount)} > plafond de ${formatEuros(rules.stateCeilingPerFte)} par ETP ` +
        `× ${formatFte(p.fte)} ETP = ${formatEuros(ceiling)} : dépassement de ${formatEuros(excess)}`,
    });
    return;
  }
  out.push({
    ruleId: 'stateShare',
    positionId: p.id,
    regionCode: p.regionCode,
    relatedPositionIds: [],
    field: 'stateAmount',
    figures: { stateAmount: p.stateAmount, cost: p.annualCost, rate: f.stateRate ?? Infinity, excess },
    message:
      `Part État ${rateText(f.stateRate)} > ${formatBasisPoints(rules.maxStateRate)} : ` +
      `dépassement de ${formatEuros(excess)}`,
  });
}

function checkAllState(p: Position, f: PositionFigures, rules: RuleParams, out: Breach[]): void {
  const max = applyRateFloor(p.annualCost, rules.maxAllStateRate);
  if (f.allStateAmount <= max) return;
  const excess = (f.allStateAmount - max) as Cents;
  const rate = p.annualCost === 0 ? null : f.allStateAmount / p.annualCost;
  out.push({
    ruleId: 'allStateShare',
    positionId: p.id,
    regionCode: p.regionCode,
    relatedPositionIds: [],
    field: 'coFundings',
    figures: { allStateAmount: f.allStateAmount, cost: p.annualCost, rate: rate ?? Infinity, excess },
    message:
      `État toutes sources ${formatEuros(f.allStateAmount)} = ${rateText(rate)} > ` +
      `${formatBasisPoints(rules.maxAllStateRate)} : dépassement de ${formatEuros(excess)}`,
  });
}

/** Only when the position balances: otherwise the gap itself is the breach to fix first. */
function checkCoFundingShare(p: Position, f: PositionFigures, rules: RuleParams, out: Breach[]): void {
  const min = Math.ceil((p.annualCost * rules.minCoFundingRate) / 10_000) as Cents;
  if (f.coFundingTotal >= min) return;
  const missing = (min - f.coFundingTotal) as Cents;
  out.push({
    ruleId: 'coFundingShare',
    positionId: p.id,
    regionCode: p.regionCode,
    relatedPositionIds: [],
    field: 'coFundings',
    figures: { coFundingTotal: f.coFundingTotal, cost: p.annualCost, missing },
    message:
      `Cofinancement ${rateText(f.coFundingRate)} < ${formatBasisPoints(rules.minCoFundingRate)} : ` +
      `manque ${formatEuros(missing)}`,
  });
}

function remainingBreach(p: Position, f: PositionFigures): Breach {
  const gap = f.remaining > 0;
  const amount = Math.abs(f.remaining) as Cents;
  return {
    ruleId: 'remaining',
    positionId: p.id,
    regionCode: p.regionCode,
    relatedPositionIds: [],
    field: 'coFundings',
    figures: {
      remaining: f.remaining,
      cost: p.annualCost,
      stateAmount: p.stateAmount,
      coFunding: f.coFundingTotal,
    },
    message: gap
      ? `Reste à financer ${formatEuros(amount)} : coût ${formatEuros(p.annualCost)} > État ` +
        `${formatEuros(p.stateAmount)} + cofinancements ${formatEuros(f.coFundingTotal)}`
      : `Financement excédentaire de ${formatEuros(amount)} : État ${formatEuros(p.stateAmount)} + ` +
        `cofinancements ${formatEuros(f.coFundingTotal)} > coût ${formatEuros(p.annualCost)}`,
  };
}

function rateText(rate: number | null): string {
  return rate === null ? 'sur un coût nul' : formatPercent(rate);
}

/** Rule 4: at least the minimum ETP per structure and role; one breach per group, on its first position. */
export function checkMinFte(
  groups: ReadonlyMap<string, MinFteGroup>,
  structures: StructureLookup,
  rules: RuleParams,
  out: Breach[],
): void {
  for (const g of groups.values()) {
    if (g.fte >= rules.minFtePerStructureRole) continue;
    const name = structures.get(g.structureId)?.name ?? 'structure inconnue';
    out.push({
      ruleId: 'minFte',
      positionId: g.positionIds[0] ?? '',
      regionCode: g.regionCode,
      relatedPositionIds: g.positionIds.slice(1),
      field: 'fte',
      figures: { fte: g.fte, min: rules.minFtePerStructureRole },
      message:
        `${formatFte(g.fte as Fte)} ETP < minimum de ${formatFte(rules.minFtePerStructureRole)} ETP ` +
        `(${name}, ${ROLE_LABEL[g.role]})`,
    });
  }
}

/** Rule 5: a coordinator of the campaign's cohort only where the region has no coordinator of an earlier cohort. */
export function checkNewCoordinators(
  newOnes: readonly Position[],
  existingByRegion: ReadonlyMap<string, Position>,
  structures: StructureLookup,
  out: Breach[],
): void {
  for (const p of newOnes) {
    const existing = existingByRegion.get(p.regionCode);
    if (!existing) continue;
    const name = structures.get(existing.structureId)?.name ?? 'structure inconnue';
    out.push({
      ruleId: 'newCoordinator',
      positionId: p.id,
      regionCode: p.regionCode,
      relatedPositionIds: [existing.id],
      field: 'role',
      figures: { cohort: p.cohort, existingCohort: existing.cohort },
      message:
        `Nouveau coordinateur (cohorte ${p.cohort}) dans une région qui en a déjà un : ` +
        `${name} (cohorte ${existing.cohort}) ; seul son renouvellement est possible`,
    });
  }
}
