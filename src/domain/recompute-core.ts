// Shared machinery of the full recompute (recompute.ts) and of the incremental one (recompute-incremental.ts):
// regional accumulators, the lazily built structure index, per-position figures and breaches, region figures.
import type { Breach } from './breach';
import type { IndexCache } from './index-cache';
import type { Cents } from './money';
import { checkPosition, maxAllStateAmount, type StructureLookup } from './rules';
import type { RegionFigures } from './totals';
import { zeroByCategory } from './totals';
import {
  FUNDER_CATEGORIES,
  PURPOSES,
  type Position,
  type PositionFigures,
  type RegionBudget,
  type RuleParams,
  type Structure,
} from './types';

export const NC = FUNDER_CATEGORIES.length;
const NP = PURPOSES.length;
/** ETP by cohort are summed in a flat array for cohorts 2000…2100, in a small map for any other value. */
export const COHORT_MIN = 2000;
export const COHORT_SPAN = 101;

// The hot loops compare strings instead of indexing an object by a string: positions read back from IndexedDB
// hold their own (non-internalised) copies of every string, and a keyed property lookup would hash each one.
if (
  FUNDER_CATEGORIES.join() !== 'stateOther,esfPlus,localAuthority,otherPublic,private,ownFunds' ||
  PURPOSES.join() !== 'ongoing,consolidation,largeProject,newCoordination'
) {
  throw new Error('recompute-core : ordre des catégories ou des usages modifié');
}

/** Index of a funder category in FUNDER_CATEGORIES, -1 when unknown. */
export function categoryIndex(c: string): number {
  switch (c) {
    case 'localAuthority':
      return 2;
    case 'esfPlus':
      return 1;
    case 'stateOther':
      return 0;
    case 'otherPublic':
      return 3;
    case 'private':
      return 4;
    case 'ownFunds':
      return 5;
    default:
      return -1;
  }
}

/** Index of a purpose in PURPOSES, -1 when unknown. */
export function purposeIndex(p: string): number {
  switch (p) {
    case 'ongoing':
      return 0;
    case 'consolidation':
      return 1;
    case 'largeProject':
      return 2;
    case 'newCoordination':
      return 3;
    default:
      return -1;
  }
}

/** Structures by id; the index is only built (once per structures array) when a breach needs a name. */
export function structureLookup(structures: readonly Structure[], cache: IndexCache): StructureLookup {
  let index: Map<string, number> | null = null;
  return { get: (id: string) => structures[(index ??= cache.structureIndex(structures)).get(id) ?? -1] };
}

/** Accumulators per region slot (scenario regions first, then codes met on positions). */
export class RegionAccumulator {
  readonly codes: string[] = [];
  readonly slotOf = new Map<string, number>();
  readonly committed: number[] = [];
  readonly cost: number[] = [];
  readonly coFunding: number[] = [];
  /** [slot × NC + category index] */
  readonly byCategory: number[] = [];
  readonly fteFac: number[] = [];
  readonly fteCoord: number[] = [];
  /** [slot × COHORT_SPAN + cohort − COHORT_MIN] */
  readonly byCohort: number[] = [];
  /** ETP of cohorts outside COHORT_MIN…COHORT_MIN + COHORT_SPAN − 1 (never in practice). */
  readonly cohortOther: Array<Map<number, number> | null> = [];
  readonly positions: number[] = [];
  readonly breaches: number[] = [];
  /** Σ State amounts by purpose (PURPOSES order), national. */
  readonly byPurpose = new Float64Array(NP);

  slot(code: string): number {
    const s = this.slotOf.get(code);
    return s === undefined ? this.add(code) : s;
  }

  private add(code: string): number {
    const s = this.codes.length;
    this.codes.push(code);
    this.slotOf.set(code, s);
    this.committed.push(0);
    this.cost.push(0);
    this.coFunding.push(0);
    this.fteFac.push(0);
    this.fteCoord.push(0);
    this.positions.push(0);
    this.breaches.push(0);
    this.cohortOther.push(null);
    for (let k = 0; k < NC; k++) this.byCategory.push(0);
    for (let k = 0; k < COHORT_SPAN; k++) this.byCohort.push(0);
    return s;
  }

  /** Adds (sign 1) or removes (sign −1) one position's contribution to the sums of region slot r. */
  contribute(p: Position, r: number, sign: 1 | -1): void {
    const cos = p.coFundings;
    let co = 0;
    for (let j = 0; j < cos.length; j++) {
      const c = cos[j]!;
      co += c.amount;
      const k = categoryIndex(c.category);
      if (k >= 0) this.byCategory[r * NC + k]! += sign * c.amount;
    }
    const state = p.stateAmount;
    this.positions[r]! += sign;
    this.committed[r]! += sign * state;
    this.cost[r]! += sign * p.annualCost;
    this.coFunding[r]! += sign * co;
    if (p.role === 'facilitateur') this.fteFac[r]! += sign * p.fte;
    else this.fteCoord[r]! += sign * p.fte;
    this.addCohort(r, p.cohort, sign * p.fte);
    const k = purposeIndex(p.purpose);
    if (k >= 0) this.byPurpose[k]! += sign * state;
  }

  addCohort(r: number, cohort: number, fte: number): void {
    const k = cohort - COHORT_MIN;
    if (k >= 0 && k < COHORT_SPAN && (k | 0) === k) this.byCohort[r * COHORT_SPAN + k]! += fte;
    else {
      let m = this.cohortOther[r];
      if (!m) this.cohortOther[r] = m = new Map();
      m.set(cohort, (m.get(cohort) ?? 0) + fte);
    }
  }
}

/** Figures of one position from its co-funding sums (the same values as positionFigures). */
function figuresAt(p: Position, co: number, other: number, max: number): PositionFigures {
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

/**
 * Rules 1, 2, 3 and 6 on one position (appended to `out`). The structure only matters to rule 3, so it is looked
 * up (a likely cache miss in a large map) only when the all-State amount exceeds the all-State ceiling.
 */
export function positionBreaches(
  p: Position,
  co: number,
  other: number,
  max: number,
  rules: RuleParams,
  structures: StructureLookup,
  out: Breach[],
): void {
  const allStateOver = !(p.stateAmount + other <= maxAllStateAmount(p.annualCost, rules));
  const structure = allStateOver ? structures.get(p.structureId) : undefined;
  checkPosition(p, figuresAt(p, co, other, max), rules, structure, out);
}

/** True when the amounts and ETP of a position are safe integers (sums are then exact in any order). */
export function integral(p: Position): boolean {
  if (
    !Number.isSafeInteger(p.annualCost) ||
    !Number.isSafeInteger(p.stateAmount) ||
    !Number.isSafeInteger(p.fte)
  )
    return false;
  for (const c of p.coFundings) if (!Number.isSafeInteger(c.amount)) return false;
  return true;
}

/**
 * Structure slot of every position and the number of distinct structures per region, kept exact under moves.
 * Known structures take their index in the structures array; unknown ids get slots after them (by id).
 * A structure usually sits in one region: its count there is in flat arrays, other regions in a small map.
 */
export class StructureIndex {
  readonly slotOfPos: Int32Array;
  /** Distinct structures with at least one position, per region slot. */
  readonly regionCount: Int32Array;
  private readonly known: Map<string, number>;
  private readonly unknown = new Map<string, number>();
  private mainRegion: Int32Array;
  private mainCount: Int32Array;
  private readonly overflow = new Map<number, number>();
  private slots: number;

  constructor(
    positions: readonly Position[],
    regionSlots: ReadonlyMap<string, number>,
    structures: readonly Structure[],
    private readonly nRegions: number,
    cache: IndexCache,
  ) {
    this.known = cache.structureIndex(structures);
    this.slots = structures.length;
    const cap = structures.length + 16;
    this.mainRegion = new Int32Array(cap).fill(-1);
    this.mainCount = new Int32Array(cap);
    this.regionCount = new Int32Array(nRegions);
    const n = positions.length;
    this.slotOfPos = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = this.slotOf((positions[i] as Position).structureId);
      this.slotOfPos[i] = s;
      this.add(s, regionSlots.get((positions[i] as Position).regionCode) ?? 0);
    }
  }

  slotOf(id: string): number {
    const s = this.known.get(id);
    if (s !== undefined) return s;
    let u = this.unknown.get(id);
    if (u === undefined) {
      u = this.slots++;
      this.unknown.set(id, u);
      if (u >= this.mainRegion.length) {
        const region = new Int32Array(this.mainRegion.length * 2).fill(-1);
        region.set(this.mainRegion);
        const count = new Int32Array(this.mainRegion.length * 2);
        count.set(this.mainCount);
        this.mainRegion = region;
        this.mainCount = count;
      }
    }
    return u;
  }

  add(s: number, r: number): void {
    const main = this.mainRegion[s] as number;
    if (main === r || main === -1) {
      this.mainRegion[s] = r;
      if ((this.mainCount[s] as number) === 0) this.regionCount[r] = (this.regionCount[r] as number) + 1;
      this.mainCount[s] = (this.mainCount[s] as number) + 1;
      return;
    }
    const key = s * this.nRegions + r;
    const c = this.overflow.get(key) ?? 0;
    if (c === 0) this.regionCount[r] = (this.regionCount[r] as number) + 1;
    this.overflow.set(key, c + 1);
  }

  remove(s: number, r: number): void {
    if (this.mainRegion[s] === r) {
      // The main region stays assigned at zero: other regions of the structure may be counted in the map.
      this.mainCount[s] = (this.mainCount[s] as number) - 1;
      if (this.mainCount[s] === 0) this.regionCount[r] = (this.regionCount[r] as number) - 1;
      return;
    }
    const key = s * this.nRegions + r;
    const c = (this.overflow.get(key) ?? 0) - 1;
    if (c <= 0) {
      this.overflow.delete(key);
      this.regionCount[r] = (this.regionCount[r] as number) - 1;
    } else this.overflow.set(key, c);
  }

  /** Position i moves from (its current slot, region rOld) to (structure id, region rNew). */
  move(i: number, rOld: number, structureId: string, rNew: number): void {
    const sOld = this.slotOfPos[i] as number;
    const sNew = this.slotOf(structureId);
    if (sOld === sNew && rOld === rNew) return;
    this.remove(sOld, rOld);
    this.add(sNew, rNew);
    this.slotOfPos[i] = sNew;
  }

  /** Indices (ascending) of the positions of a structure with a role. */
  members(positions: readonly Position[], structureId: string, role: string): number[] {
    const s = this.slotOf(structureId);
    const out: number[] = [];
    const slots = this.slotOfPos;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === s && (positions[j] as Position).role === role) out.push(j);
    }
    return out;
  }
}

/**
 * The structure counts of one ScenarioFigures, computed on first read (the only per-position figure that needs
 * each position's structure). The index built then can be adopted by a recomputer to keep the counts exact
 * through later edits.
 */
export class StructureCounts {
  private counts: Int32Array | null = null;
  /** Built with the counts; taken (and then mutated) by a recomputer, so never read after materialise(). */
  index: StructureIndex | null = null;

  constructor(
    private readonly positions: readonly Position[],
    private readonly regionSlots: ReadonlyMap<string, number>,
    private readonly structures: readonly Structure[],
    private readonly nRegions: number,
    private readonly cache: IndexCache | null,
  ) {}

  static of(values: Int32Array): StructureCounts {
    const c = new StructureCounts([], new Map(), [], values.length, null);
    c.counts = values.slice();
    return c;
  }

  get materialised(): boolean {
    return this.counts !== null;
  }

  countOf(r: number): number {
    if (!this.counts) {
      const cache = this.cache as IndexCache; // only StructureCounts.of() has none, and its counts are set
      this.index = new StructureIndex(
        this.positions,
        this.regionSlots,
        this.structures,
        this.nRegions,
        cache,
      );
      this.counts = this.index.regionCount.slice();
    }
    return this.counts[r] ?? 0;
  }
}

/** The region figures of every slot, in slot order; structureCount is read through `counts` (lazily). */
export function buildRegions(
  acc: RegionAccumulator,
  budgets: readonly RegionBudget[],
  counts: StructureCounts,
): RegionFigures[] {
  const budgetOf = new Map<string, RegionBudget>(); // the last one wins on a duplicate code
  for (const b of budgets) budgetOf.set(b.regionCode, b);
  const eager = counts.materialised;
  return acc.codes.map((code, r) => {
    const budget = budgetOf.get(code) ?? null;
    const envelope = budget?.envelope ?? (0 as Cents);
    const committed = acc.committed[r] as Cents;
    const totalCost = acc.cost[r] as Cents;
    const coFundingTotal = acc.coFunding[r] as Cents;
    const coFundingByCategory = zeroByCategory();
    FUNDER_CATEGORIES.forEach((c, k) => (coFundingByCategory[c] = acc.byCategory[r * NC + k] as Cents));
    const fteByCohort = cohortMap(acc, r);
    const base = {
      regionCode: code,
      envelope,
      committed,
      available: (envelope - committed) as Cents,
      totalCost,
      coFundingTotal,
      coFundingByCategory,
      remaining: (totalCost - committed - coFundingTotal) as Cents,
      fteByRole: { facilitateur: acc.fteFac[r] as number, coordinateur: acc.fteCoord[r] as number },
      fteByCohort,
      fteTarget: budget?.fteTarget ?? null,
    };
    const rest = {
      positionCount: acc.positions[r] as number,
      leverage: committed === 0 ? null : totalCost / committed,
      breachCount: acc.breaches[r] as number,
    };
    if (eager) return { ...base, structureCount: counts.countOf(r), ...rest };
    return {
      ...base,
      get structureCount(): number {
        return counts.countOf(r);
      },
      set structureCount(value: number) {
        Object.defineProperty(this, 'structureCount', {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      },
      ...rest,
    };
  });
}

/** ETP by cohort of a region, keys ascending, zero sums left out. */
function cohortMap(acc: RegionAccumulator, r: number): Map<number, number> {
  const other = acc.cohortOther[r];
  const entries: Array<[number, number]> = [];
  for (let k = 0; k < COHORT_SPAN; k++) {
    const v = acc.byCohort[r * COHORT_SPAN + k] as number;
    if (v !== 0) entries.push([COHORT_MIN + k, v]);
  }
  if (other) {
    for (const [cohort, v] of other) if (v !== 0) entries.push([cohort, v]);
    entries.sort((a, b) => a[0] - b[0]);
  }
  return new Map(entries);
}
