// The full recomputation of a scenario: every position's figures and breaches, regional and national totals.
// One pass over the positions into typed arrays (no object per position): 100 000 positions fit in a frame.
import type { Breach } from './breach';
import { PositionFiguresTable, positionIndex } from './figures-table';
import type { Cents } from './money';
import { ceilingForFte } from './position-figures';
import { checkMinFte, checkNewCoordinators, checkPosition, type MinFteGroup } from './rules';
import { emptyRegionFigures, nationalFigures, type NationalFigures, type RegionFigures } from './totals';
import {
  FUNDER_CATEGORIES,
  PURPOSES,
  type FunderCategory,
  type Position,
  type Purpose,
  type Scenario,
  type Structure,
} from './types';

export interface ScenarioFigures {
  positions: PositionFiguresTable;
  breaches: readonly Breach[];
  breachesByPosition: ReadonlyMap<string, readonly Breach[]>;
  /** In the order of scenario.regions (the 18 regions), plus any region positions point at. */
  regions: readonly RegionFigures[];
  regionByCode: ReadonlyMap<string, RegionFigures>;
  national: NationalFigures;
}

const CATEGORY_INDEX = Object.fromEntries(FUNDER_CATEGORIES.map((c, i) => [c, i])) as Record<
  FunderCategory,
  number
>;
const PURPOSE_INDEX = Object.fromEntries(PURPOSES.map((p, i) => [p, i])) as Record<Purpose, number>;
const NC = FUNDER_CATEGORIES.length;
const COHORT_MIN = 2000;
const COHORT_SPAN = 101;

const structureIndexCache = new WeakMap<readonly Structure[], Map<string, number>>();
function structureIndex(structures: readonly Structure[]): Map<string, number> {
  let index = structureIndexCache.get(structures);
  if (!index) {
    index = new Map(structures.map((s, i) => [s.id, i]));
    structureIndexCache.set(structures, index);
  }
  return index;
}

/** Accumulators per region, flat typed arrays indexed by region slot. */
class RegionAccumulator {
  readonly codes: string[] = [];
  readonly slotOf = new Map<string, number>();
  committed: number[] = [];
  cost: number[] = [];
  coFunding: number[] = [];
  byCategory: number[] = [];
  fteFac: number[] = [];
  fteCoord: number[] = [];
  byCohort: number[] = [];
  positions: number[] = [];
  breaches: number[] = [];
  existingCoordinator: number[] = [];

  slot(code: string): number {
    let s = this.slotOf.get(code);
    if (s === undefined) {
      s = this.codes.length;
      this.codes.push(code);
      this.slotOf.set(code, s);
      for (const a of [
        this.committed,
        this.cost,
        this.coFunding,
        this.fteFac,
        this.fteCoord,
        this.positions,
        this.breaches,
      ])
        a.push(0);
      this.existingCoordinator.push(-1);
      for (let k = 0; k < NC; k++) this.byCategory.push(0);
      for (let k = 0; k < COHORT_SPAN; k++) this.byCohort.push(0);
    }
    return s;
  }
}

export function recompute(scenario: Scenario): ScenarioFigures {
  const { rules, year } = scenario.campaign;
  const positions = scenario.positions;
  const n = positions.length;
  const structures = scenario.structures;
  const sIndex = structureIndex(structures);
  const nS = structures.length + 1; // last slot: unknown structure
  const localAuthority = new Uint8Array(nS);
  for (let i = 0; i < structures.length; i++) {
    if (rules.allStateRateStatuses.includes((structures[i] as Structure).legalStatus)) localAuthority[i] = 1;
  }
  const regions = new RegionAccumulator();
  for (const r of scenario.regions) regions.slot(r.regionCode);

  const coTotal = new Float64Array(n);
  const stateOther = new Float64Array(n);
  const maxState = new Float64Array(n);
  const posStructure = new Int32Array(n);
  const groupFte = new Float64Array(nS * 2);
  const groupFirst = new Int32Array(nS * 2).fill(-1);
  const regionMask = new Uint32Array(nS);
  const structureCount = new Array<number>(regions.codes.length).fill(0);
  const byPurpose = new Float64Array(PURPOSES.length);
  const breaches: Breach[] = [];
  const newCoordinators: number[] = [];
  const ceiling = rules.stateCeilingPerFte;

  for (let i = 0; i < n; i++) {
    const p = positions[i] as Position;
    let co = 0;
    let other = 0;
    const r = regions.slot(p.regionCode);
    for (const c of p.coFundings) {
      co += c.amount;
      const k = CATEGORY_INDEX[c.category];
      if (k === 0) other += c.amount;
      regions.byCategory[r * NC + k] += c.amount;
    }
    coTotal[i] = co;
    stateOther[i] = other;
    const cost = p.annualCost;
    const state = p.stateAmount;
    let max = Math.floor((cost * rules.maxStateRate) / 10_000);
    if (ceiling !== null) max = Math.min(max, ceilingForFte(ceiling, p.fte));
    maxState[i] = max;
    const s = sIndex.get(p.structureId) ?? nS - 1;
    posStructure[i] = s;
    const remaining = cost - state - co;
    if (
      state > max ||
      remaining !== 0 ||
      p.conventionYear > rules.maxConventionYears ||
      (localAuthority[s] === 1 && (state + other) * 10_000 > cost * rules.maxAllStateRate) ||
      co * 10_000 < cost * rules.minCoFundingRate
    ) {
      const before = breaches.length;
      checkPosition(p, figuresAt(p, co, other, max), rules, structures[s], breaches);
      regions.breaches[r] += breaches.length - before;
    }
    regions.positions[r] += 1;
    regions.committed[r] += state;
    regions.cost[r] += cost;
    regions.coFunding[r] += co;
    if (p.role === 'facilitateur') regions.fteFac[r] += p.fte;
    else regions.fteCoord[r] += p.fte;
    const cohortSlot = p.cohort - COHORT_MIN;
    if (cohortSlot >= 0 && cohortSlot < COHORT_SPAN) regions.byCohort[r * COHORT_SPAN + cohortSlot] += p.fte;
    byPurpose[PURPOSE_INDEX[p.purpose]] += state;
    const g = s * 2 + (p.role === 'facilitateur' ? 0 : 1);
    groupFte[g] += p.fte;
    if (groupFirst[g] === -1) groupFirst[g] = i;
    const bit = 1 << (r % 32);
    if (r < 32 && ((regionMask[s] as number) & bit) === 0) {
      regionMask[s] = (regionMask[s] as number) | bit;
      structureCount[r] = (structureCount[r] ?? 0) + 1;
    }
    if (p.role === 'coordinateur') {
      if (p.cohort >= year) newCoordinators.push(i);
      else if (regions.existingCoordinator[r] === -1) regions.existingCoordinator[r] = i;
    }
  }

  groupChecks(scenario, posStructure, groupFte, groupFirst, newCoordinators, regions, breaches);
  const breachesByPosition = new Map<string, Breach[]>();
  for (const b of breaches) {
    const list = breachesByPosition.get(b.positionId);
    if (list) list.push(b);
    else breachesByPosition.set(b.positionId, [b]);
  }
  const regionFigures = buildRegions(scenario, regions, structureCount);
  const national = nationalFigures(scenario.campaign.nationalEnvelope, regionFigures, byPurpose);
  return {
    positions: new PositionFiguresTable(positions, positionIndex(positions), coTotal, stateOther, maxState),
    breaches,
    breachesByPosition,
    regions: regionFigures,
    regionByCode: new Map(regionFigures.map((r) => [r.regionCode, r])),
    national,
  };
}

function figuresAt(p: Position, co: number, other: number, max: number) {
  const cost = p.annualCost;
  return {
    coFundingTotal: co as Cents,
    stateOtherCoFunding: other as Cents,
    allStateAmount: (p.stateAmount + other) as Cents,
    remaining: (cost - p.stateAmount - co) as Cents,
    maxStateAmount: max as Cents,
    stateRate: cost === 0 ? null : p.stateAmount / cost,
    coFundingRate: cost === 0 ? null : co / cost,
  };
}

/** Rules 4 and 5, which look at several positions: only the failing groups are materialised. */
function groupChecks(
  scenario: Scenario,
  posStructure: Int32Array,
  groupFte: Float64Array,
  groupFirst: Int32Array,
  newCoordinators: readonly number[],
  regions: RegionAccumulator,
  breaches: Breach[],
): void {
  const { rules } = scenario.campaign;
  const positions = scenario.positions;
  const failing = new Map<number, MinFteGroup>();
  for (let g = 0; g < groupFte.length; g++) {
    const first = groupFirst[g] as number;
    if (first < 0 || (groupFte[g] as number) >= rules.minFtePerStructureRole) continue;
    const p = positions[first] as Position;
    failing.set(g, {
      fte: groupFte[g] as number,
      positionIds: [],
      structureId: p.structureId,
      role: p.role,
      regionCode: p.regionCode,
    });
  }
  if (failing.size > 0) {
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as Position;
      failing
        .get((posStructure[i] as number) * 2 + (p.role === 'facilitateur' ? 0 : 1))
        ?.positionIds.push(p.id);
    }
  }
  const sIndex = structureIndex(scenario.structures);
  const structures = { get: (id: string) => scenario.structures[sIndex.get(id) ?? -1] };
  const before = breaches.length;
  checkMinFte(failing, structures, rules, breaches);
  const existing = new Map<string, Position>();
  regions.codes.forEach((code, r) => {
    const i = regions.existingCoordinator[r] as number;
    if (i >= 0) existing.set(code, positions[i] as Position);
  });
  checkNewCoordinators(
    newCoordinators.map((i) => positions[i] as Position),
    existing,
    structures,
    breaches,
  );
  for (let k = before; k < breaches.length; k++) {
    const slot = regions.slotOf.get((breaches[k] as Breach).regionCode);
    if (slot !== undefined) regions.breaches[slot] += 1;
  }
}

function buildRegions(scenario: Scenario, acc: RegionAccumulator, structureCount: number[]): RegionFigures[] {
  const budgets = new Map(scenario.regions.map((r) => [r.regionCode, r]));
  return acc.codes.map((code, r) => {
    const f = emptyRegionFigures(code, budgets.get(code) ?? null);
    f.committed = acc.committed[r] as Cents;
    f.available = (f.envelope - f.committed) as Cents;
    f.totalCost = acc.cost[r] as Cents;
    f.coFundingTotal = acc.coFunding[r] as Cents;
    f.remaining = (f.totalCost - f.committed - f.coFundingTotal) as Cents;
    FUNDER_CATEGORIES.forEach((c, k) => (f.coFundingByCategory[c] = acc.byCategory[r * NC + k] as Cents));
    f.fteByRole = { facilitateur: acc.fteFac[r] as number, coordinateur: acc.fteCoord[r] as number };
    for (let k = 0; k < COHORT_SPAN; k++) {
      const v = acc.byCohort[r * COHORT_SPAN + k] as number;
      if (v !== 0) f.fteByCohort.set(COHORT_MIN + k, v);
    }
    f.positionCount = acc.positions[r] as number;
    f.structureCount = structureCount[r] ?? 0;
    f.breachCount = acc.breaches[r] as number;
    f.leverage = f.committed === 0 ? null : f.totalCost / f.committed;
    return f;
  });
}
