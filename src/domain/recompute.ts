// The full recomputation of a scenario: every position's figures and breaches, regional and national totals.
// One pass over the positions, no object per position. The cost is memory, not arithmetic:
// positions read back from IndexedDB are scattered on the heap, so the pass touches as few of their parts as
// it can. In particular it never looks a position's structure up (a miss in a map of ~100 000 ids):
//  - rules 2–3, 6, 1 need the structure only for a position that may breach, found without it (mayBreach);
//  - rule 4 fails a structure × role group only if all its positions are under the minimum ETP (ETP ≥ 0),
//    so only the groups of such positions are gathered, in a second pass when there is any;
//  - the number of structures per region is counted on first read (RegionFigures.structureCount is a
//    memoised getter), or kept up to date by the incremental recomputer (recompute-incremental.ts).
import type { Breach } from './breach';
import { PositionFiguresTable } from './figures-table';
import { IndexCache } from './index-cache';
import {
  buildRegions,
  categoryIndex,
  COHORT_MIN,
  COHORT_SPAN,
  NC,
  positionBreaches,
  purposeIndex,
  RegionAccumulator,
  StructureCounts,
  structureLookup,
} from './recompute-core';
import {
  checkMinFte,
  checkNewCoordinators,
  mayBreach,
  mayFailMinFte,
  maxStateAmount,
  reachesMinFte,
  type StructureLookup,
} from './rules';
import { nationalFigures, type NationalFigures, type RegionFigures } from './totals';
import type { CoFunding, Position, RuleParams, Scenario } from './types';

export interface ScenarioFigures {
  positions: PositionFiguresTable;
  /**
   * Rules 1–3 and 6 in position order, then rule 4 (one per failing group, in the order of the group's first
   * position), then rule 5 in position order. The incremental recomputer gives the same order.
   */
  breaches: readonly Breach[];
  breachesByPosition: ReadonlyMap<string, readonly Breach[]>;
  /** In the order of scenario.regions (the 18 regions), plus any region positions point at. */
  regions: readonly RegionFigures[];
  regionByCode: ReadonlyMap<string, RegionFigures>;
  national: NationalFigures;
}

/**
 * The figures of a scenario. A caller that recomputes scenarios with the same positions (ids in the same places)
 * and structures array may pass the same cache each time: the id → index maps are then built once.
 */
export function recompute(scenario: Scenario, cache: IndexCache = new IndexCache()): ScenarioFigures {
  return computeFull(scenario, cache).figures;
}

/** A structure × role group with at least one position under the minimum ETP (the only ones that can fail). */
export interface TrackedGroup {
  readonly key: string;
  readonly structureId: string;
  readonly role: string;
  /** Every position of the group (also those at or above the minimum), ascending indices. */
  members: number[];
  breach: Breach | null;
}

/** What the incremental recomputer needs to carry on from a full recompute. Internal to the domain. */
export interface RecomputeState {
  scenario: Scenario;
  figures: ScenarioFigures;
  acc: RegionAccumulator;
  /** Region slots of the scenario's regions; the next ones are codes met only on positions. */
  scenarioSlots: number;
  positionIdx: ReadonlyMap<string, number>;
  /** Position index of each breach of rules 1–3 and 6 (the first ownIdx.length breaches). */
  ownIdx: number[];
  groups: Map<string, TrackedGroup>;
  /** Per region slot, ascending indices of coordinators of an earlier cohort / of the campaign's cohort. */
  existing: number[][];
  newer: number[][];
  coordBreach: Map<number, Breach>;
  counts: StructureCounts;
  /** The id → index maps, kept from one recompute to the next by the recomputer. */
  cache: IndexCache;
  /** Positions whose amounts or ETP are not safe integers (sums would then depend on their order). */
  nonIntegral: number;
}

export function groupKey(structureId: string, role: string): string {
  return `${structureId}\u0000${role}`;
}

export function computeFull(scenario: Scenario, cache: IndexCache): RecomputeState {
  const { rules, year } = scenario.campaign;
  const positions = scenario.positions;
  const n = positions.length;
  const lookup = structureLookup(scenario.structures, cache);
  const acc = new RegionAccumulator();
  for (const r of scenario.regions) acc.slot(r.regionCode);
  const scenarioSlots = acc.codes.length;

  const breaches: Breach[] = [];
  const ownIdx: number[] = [];
  const coordinators: number[] = [];
  const candidates: number[] = [];
  const { byCategory, byCohort, byPurpose, committed, cost: costs, coFunding, fteFac, fteCoord } = acc;
  const regionCount = acc.positions;
  const ids = cache.lastIds;
  let sameIds = ids.length === n;
  let nonIntegral = 0;

  for (let i = 0; i < n; i++) {
    const p = positions[i] as Position;
    if (sameIds && p.id !== ids[i]) sameIds = false;
    const r = acc.slot(p.regionCode);
    const cos = p.coFundings;
    let co = 0;
    let other = 0;
    let exact = true;
    for (let j = 0; j < cos.length; j++) {
      const c = cos[j] as CoFunding;
      const a = c.amount;
      co += a;
      const k = categoryIndex(c.category);
      if (k === 0) other += a;
      if (k >= 0) byCategory[r * NC + k]! += a;
      if (!Number.isSafeInteger(a)) exact = false;
    }
    const cost = p.annualCost;
    const state = p.stateAmount;
    const fte = p.fte;
    if (!exact || !Number.isSafeInteger(cost) || !Number.isSafeInteger(state) || !Number.isSafeInteger(fte))
      nonIntegral++;
    const max = maxStateAmount(p, rules);
    if (mayBreach(p, co, other, max, rules)) {
      const before = breaches.length;
      positionBreaches(p, co, other, max, rules, lookup, breaches);
      for (let k = before; k < breaches.length; k++) ownIdx.push(i);
      acc.breaches[r]! += breaches.length - before;
    }
    regionCount[r]! += 1;
    committed[r]! += state;
    costs[r]! += cost;
    coFunding[r]! += co;
    const role = p.role;
    if (role === 'facilitateur') fteFac[r]! += fte;
    else {
      fteCoord[r]! += fte;
      if (role === 'coordinateur') coordinators.push(i);
    }
    const cohort = p.cohort;
    const ck = cohort - COHORT_MIN;
    if (ck >= 0 && ck < COHORT_SPAN && (ck | 0) === ck) byCohort[r * COHORT_SPAN + ck]! += fte;
    else acc.addCohort(r, cohort, fte);
    const pk = purposeIndex(p.purpose);
    if (pk >= 0) byPurpose[pk]! += state;
    if (mayFailMinFte(fte, rules)) candidates.push(i);
  }
  const positionIdx = sameIds ? cache.lastIndex : cache.positionIndex(positions);

  // Rule 4: the groups of the positions under the minimum, with all their members.
  const groups = new Map<string, TrackedGroup>();
  if (candidates.length > 0) {
    const bySid = new Map<string, TrackedGroup[]>();
    for (const i of candidates) {
      const p = positions[i] as Position;
      const key = groupKey(p.structureId, p.role);
      if (groups.has(key)) continue;
      const g: TrackedGroup = { key, structureId: p.structureId, role: p.role, members: [], breach: null };
      groups.set(key, g);
      const list = bySid.get(p.structureId);
      if (list) list.push(g);
      else bySid.set(p.structureId, [g]);
    }
    for (let i = 0; i < n; i++) {
      const p = positions[i] as Position;
      const list = bySid.get(p.structureId);
      if (!list) continue;
      for (const g of list) {
        if (g.role === p.role) {
          g.members.push(i);
          break;
        }
      }
    }
  }
  const failing: TrackedGroup[] = [];
  for (const g of groups.values()) {
    g.breach = groupBreach(g, positions, rules, lookup);
    if (g.breach) failing.push(g);
  }
  failing.sort((a, b) => (a.members[0] as number) - (b.members[0] as number));
  for (const g of failing) {
    countBreach(acc, g.breach as Breach, 1);
    breaches.push(g.breach as Breach);
  }

  // Rule 5: coordinators of the campaign's cohort where the region has one of an earlier cohort.
  const existing: number[][] = acc.codes.map(() => []);
  const newer: number[][] = acc.codes.map(() => []);
  for (const i of coordinators) {
    const p = positions[i] as Position;
    (p.cohort >= year ? newer : existing)[acc.slot(p.regionCode)]!.push(i);
  }
  const coordBreach = new Map<number, Breach>();
  for (const i of coordinators) {
    const p = positions[i] as Position;
    const first = existing[acc.slot(p.regionCode)]![0];
    if (first === undefined || !(p.cohort >= year)) continue;
    const b = coordinatorBreach(p, positions[first] as Position, lookup);
    coordBreach.set(i, b);
    countBreach(acc, b, 1);
    breaches.push(b);
  }

  const counts = new StructureCounts(positions, acc.slotOf, scenario.structures, acc.codes.length, cache);
  const figures = assemble(
    scenario,
    acc,
    breaches,
    counts,
    new PositionFiguresTable(positions, positionIdx, rules),
  );
  return {
    scenario,
    figures,
    acc,
    scenarioSlots,
    positionIdx,
    ownIdx,
    groups,
    existing,
    newer,
    coordBreach,
    counts,
    cache,
    nonIntegral,
  };
}

/** The rule-4 breach of a group, or null when its members reach the minimum. */
export function groupBreach(
  g: TrackedGroup,
  positions: readonly Position[],
  rules: RuleParams,
  lookup: StructureLookup,
): Breach | null {
  let fte = 0;
  for (const j of g.members) fte += (positions[j] as Position).fte;
  if (reachesMinFte(fte, rules) || g.members.length === 0) return null;
  const out: Breach[] = [];
  checkMinFte(
    new Map([
      [
        g.key,
        {
          fte,
          positionIds: g.members.map((j) => (positions[j] as Position).id),
          structureId: g.structureId,
          role: g.role as Position['role'],
          regionCode: (positions[g.members[0] as number] as Position).regionCode,
        },
      ],
    ]),
    lookup,
    rules,
    out,
  );
  return out[0] ?? null;
}

export function coordinatorBreach(p: Position, existing: Position, lookup: StructureLookup): Breach {
  const out: Breach[] = [];
  checkNewCoordinators([p], new Map([[p.regionCode, existing]]), lookup, out);
  return out[0] as Breach;
}

/** A rule-4 or rule-5 breach counts in the region of its position (the group's first position). */
export function countBreach(acc: RegionAccumulator, b: Breach, sign: 1 | -1): void {
  const r = acc.slotOf.get(b.regionCode);
  if (r !== undefined) acc.breaches[r]! += sign;
}

/** The figures from the accumulators and the breaches (in their final order). */
export function assemble(
  scenario: Scenario,
  acc: RegionAccumulator,
  breaches: Breach[],
  counts: StructureCounts,
  table: PositionFiguresTable,
): ScenarioFigures {
  const breachesByPosition = new Map<string, Breach[]>();
  for (const b of breaches) {
    const list = breachesByPosition.get(b.positionId);
    if (list) list.push(b);
    else breachesByPosition.set(b.positionId, [b]);
  }
  const regions = buildRegions(acc, scenario.regions, counts);
  return {
    positions: table,
    breaches,
    breachesByPosition,
    regions,
    regionByCode: new Map(regions.map((r) => [r.regionCode, r])),
    national: nationalFigures(scenario.campaign.nationalEnvelope, regions, acc.byPurpose),
  };
}
