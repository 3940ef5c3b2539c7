// The AAP rules checked live (PRODUCT.md rules 1–6): each threshold once, named, then the checks per position,
// per structure/role and per region. The full and the incremental recompute both use these.
import type { Breach } from './breach';
import { formatBasisPoints, formatEuros, formatFte, formatRateBeyond } from './format-fr';
import { applyRateFloor, type BasisPoints, type Cents } from './money';
import type { Fte } from './fte';
import type { Position, PositionFigures, RuleParams, Structure } from './types';

/** Rule 2: ceiling per ETP × ETP (ETP in hundredths), rounded down to the cent. */
export function ceilingForFte(ceilingPerFte: Cents, fteHundredths: number): Cents {
  return Math.floor((ceilingPerFte * fteHundredths) / 100) as Cents;
}

/** Rule 2: the State share cap alone, max rate (70 %) × cost, rounded down to the cent. */
export function maxStateByRate(cost: number, rules: RuleParams): Cents {
  return applyRateFloor(cost as Cents, rules.maxStateRate);
}

/** Rule 2: maximum AAP amount of a position, min(max rate × cost, ceiling per ETP × ETP), in cents. */
export function maxStateAmount(position: Position, rules: RuleParams): Cents {
  const byRate = maxStateByRate(position.annualCost, rules);
  if (rules.stateCeilingPerFte === null) return byRate;
  return Math.min(byRate, ceilingForFte(rules.stateCeilingPerFte, position.fte)) as Cents;
}

/** Rule 3: maximum State funding from all sources (AAP + other State credits), rounded down, in cents. */
export function maxAllStateAmount(cost: number, rules: RuleParams): Cents {
  return applyRateFloor(cost as Cents, rules.maxAllStateRate);
}

/** Rule 2: minimum co-funding (the 30 % of the cost), rounded up to the cent. */
export function minCoFundingAmount(cost: number, rules: RuleParams): Cents {
  return Math.ceil((cost * rules.minCoFundingRate) / 10_000) as Cents;
}

/**
 * Rule 4: whether a position's ETP (hundredths) can make its structure × role group fail, i.e. is under the
 * minimum. With a negative (or missing) minimum any position can: several of them could sum under it.
 */
export function mayFailMinFte(fte: number, rules: RuleParams): boolean {
  return !(rules.minFtePerStructureRole >= 0) || !reachesMinFte(fte, rules);
}

/** Rule 4: whether ETP (hundredths, of one structure and role) reach the minimum. */
export function reachesMinFte(fte: number, rules: RuleParams): boolean {
  return fte >= rules.minFtePerStructureRole;
}

/**
 * Whether checkPosition can report anything, from the position's co-funding sums (cents: all of them, and the
 * other State credits) and its maximum State amount: the negations of the rules' own tests (so NaN goes on to
 * the rules), a superset of them. Most positions are clean, and this test needs neither the structure (a map
 * lookup) nor an allocation.
 */
export function mayBreach(p: Position, co: number, other: number, max: number, rules: RuleParams): boolean {
  const cost = p.annualCost;
  const state = p.stateAmount;
  return (
    !(state <= max) ||
    cost - state - co !== 0 ||
    p.conventionYear > rules.maxConventionYears ||
    !(state + other <= maxAllStateAmount(cost, rules)) ||
    !(co >= minCoFundingAmount(cost, rules))
  );
}

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
  const byRate = maxStateByRate(p.annualCost, rules);
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
      `Part État ${rateText(p.stateAmount, p.annualCost, rules.maxStateRate)} > ` +
      `${formatBasisPoints(rules.maxStateRate)} : dépassement de ${formatEuros(excess)}`,
  });
}

function checkAllState(p: Position, f: PositionFigures, rules: RuleParams, out: Breach[]): void {
  const max = maxAllStateAmount(p.annualCost, rules);
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
      `État toutes sources ${formatEuros(f.allStateAmount)} = ` +
      `${rateText(f.allStateAmount, p.annualCost, rules.maxAllStateRate)} > ` +
      `${formatBasisPoints(rules.maxAllStateRate)} : dépassement de ${formatEuros(excess)}`,
  });
}

/** Only when the position balances: otherwise the gap itself is the breach to fix first. */
function checkCoFundingShare(p: Position, f: PositionFigures, rules: RuleParams, out: Breach[]): void {
  const min = minCoFundingAmount(p.annualCost, rules);
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
      `Cofinancement ${rateText(f.coFundingTotal, p.annualCost, rules.minCoFundingRate)} < ` +
      `${formatBasisPoints(rules.minCoFundingRate)} : ` +
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

/** The rate of `part` in the cost, with enough decimals to differ from the limit it breaks (`70,00003 %`). */
function rateText(part: number, cost: number, limit: BasisPoints): string {
  return cost === 0 ? 'sur un coût nul' : formatRateBeyond(part, cost, limit);
}

/** Rule 4: at least the minimum ETP per structure and role; one breach per group, on its first position. */
export function checkMinFte(
  groups: ReadonlyMap<string, MinFteGroup>,
  structures: StructureLookup,
  rules: RuleParams,
  out: Breach[],
): void {
  for (const g of groups.values()) {
    if (reachesMinFte(g.fte, rules)) continue;
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
