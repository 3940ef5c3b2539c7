// Incremental recompute for the edit path: after an edit of a few positions, only those positions are recomputed.
//
//   const recomputer = createRecomputer();
//   figures = $derived(recomputer(this.scenario));
//
// The recomputer remembers the last scenario and what it computed. When the next scenario has the same campaign,
// regions and structures objects and a positions array of the same length, the positions that changed are found
// by pointer (positions[i] !== previous[i], which reads no position object). Each changed position has its old
// contribution taken out of the regional and national sums and the new one put in, its own breaches (rules 1–3,
// 6) recomputed, and the rules over several positions re-decided where it can matter:
//  - rule 4: the structure × role groups it left or joined. Only groups with a position under the minimum ETP
//    can fail; they are tracked with all their members. A group that gets its first such position needs its
//    members: the first time, one pass hashing every position's structure id (O(n), a few ms at 100 000
//    positions), then a pass over those hashes (or over the structure index, once it exists);
//  - rule 5: the regions where a coordinator changed (their existing coordinators and new ones are tracked).
// Everything else is a full recompute (recompute.ts), as are more than max(16, n/16) changed positions, a move
// from or to a region code that is not one of the scenario's regions, and amounts or ETP that are not safe
// integers (with safe integers, sums are exact in any order while they stay under 2^53).
// The number of structures per region is kept up to date once it has been read: the first read builds a
// structure index of every position (O(n) map lookups), which the recomputer adopts; until then each snapshot
// counts it lazily, on its first read.
// The result equals recompute(scenario), breaches in the same order. A ScenarioFigures already returned is never
// mutated: each call returns new figures objects (unchanged breach objects are shared, being immutable).
import type { Breach } from './breach';
import { PositionFiguresTable } from './figures-table';
import { IndexCache } from './index-cache';
import {
  categoryIndex,
  integral,
  positionBreaches,
  StructureCounts,
  StructureIndex,
  structureLookup,
} from './recompute-core';
import {
  assemble,
  computeFull,
  coordinatorBreach,
  countBreach,
  groupBreach,
  groupKey,
  type RecomputeState,
  type ScenarioFigures,
  type TrackedGroup,
} from './recompute';
import { mayBreach, mayFailMinFte, maxStateAmount, type StructureLookup } from './rules';
import type { Position, RuleParams, Scenario } from './types';

/** How the last call was answered. */
export type RecomputePath = 'full' | 'incremental' | 'unchanged';

export interface Recomputer {
  (scenario: Scenario): ScenarioFigures;
  /** How the last call was answered (for tests and measurements). */
  readonly lastPath: RecomputePath | null;
}

/** Above this many changed positions (and n/16), a full recompute is as cheap and simpler. */
const MIN_CHANGES_LIMIT = 16;

interface Live extends Omit<RecomputeState, 'ownIdx'> {
  /** Own breaches (rules 1–3, 6) by position index, and those indices ascending. */
  own: Map<number, Breach[]>;
  ownKeys: number[];
  /** Structure slot of every position and structures per region, once built (then kept up to date). */
  index: StructureIndex | null;
  /** A hash of every position's structure id, once a group's members were first looked for (then kept). */
  structureHash: Int32Array | null;
}

export function createRecomputer(): Recomputer {
  const cache = new IndexCache();
  let live: Live | null = null;
  let lastPath: RecomputePath | null = null;
  const recomputer = (scenario: Scenario): ScenarioFigures => {
    const current = live;
    live = null; // if anything throws midway, the next call starts afresh
    if (current) {
      const result = update(current, scenario);
      if (result) {
        live = current;
        lastPath = result.path;
        return result.figures;
      }
    }
    const state = computeFull(scenario, cache);
    live = fromFull(state);
    lastPath = 'full';
    return state.figures;
  };
  Object.defineProperty(recomputer, 'lastPath', { get: () => lastPath, enumerable: true });
  return recomputer as Recomputer;
}

function fromFull(state: RecomputeState): Live {
  const { ownIdx, ...rest } = state;
  const own = new Map<number, Breach[]>();
  const ownKeys: number[] = [];
  ownIdx.forEach((i, k) => {
    const b = state.figures.breaches[k] as Breach;
    const list = own.get(i);
    if (list) list.push(b);
    else {
      own.set(i, [b]);
      ownKeys.push(i);
    }
  });
  return { ...rest, own, ownKeys, index: null, structureHash: null };
}

function update(live: Live, next: Scenario): { figures: ScenarioFigures; path: RecomputePath } | null {
  const prev = live.scenario;
  if (next === prev) return { figures: live.figures, path: 'unchanged' };
  if (next.campaign !== prev.campaign || next.structures !== prev.structures || next.regions !== prev.regions)
    return null;
  const before = prev.positions;
  const after = next.positions;
  const n = after.length;
  if (n !== before.length || live.nonIntegral > 0) return null;
  const limit = Math.max(MIN_CHANGES_LIMIT, n >> 4);
  const changed: number[] = [];
  if (after !== before) {
    for (let i = 0; i < n; i++) {
      if (after[i] !== before[i]) {
        if (changed.length === limit) return null;
        changed.push(i);
      }
    }
  }
  if (changed.length === 0) {
    // The figures depend on nothing else of the scenario (name, dates…): the same snapshot still holds.
    live.scenario = next;
    return { figures: live.figures, path: 'unchanged' };
  }
  const { acc } = live;
  for (const i of changed) {
    const o = before[i] as Position;
    const p = after[i] as Position;
    if (!integral(p)) return null;
    // Regions met only on positions are listed in the order of their first position: a move from or to one
    // could change that list.
    if (o.regionCode !== p.regionCode) {
      const rp = acc.slotOf.get(p.regionCode);
      if (
        rp === undefined ||
        rp >= live.scenarioSlots ||
        (acc.slotOf.get(o.regionCode) as number) >= live.scenarioSlots
      )
        return null;
    }
  }
  // From here on the state is updated in place (the returned snapshots never share it).
  if (!live.index && live.counts.index) {
    live.index = live.counts.index; // the figures' structure counts were read: keep them up to date from now on
    live.counts.index = null;
  }
  const { rules, year } = next.campaign;
  const lookup = structureLookup(next.structures, live.cache);
  const slot = (code: string) => acc.slotOf.get(code) as number;
  let idsChanged = false;
  const coordinatorRegions = new Set<number>();

  for (const i of changed) {
    const o = before[i] as Position;
    const p = after[i] as Position;
    const ro = slot(o.regionCode);
    const rp = slot(p.regionCode);
    acc.contribute(o, ro, -1);
    acc.contribute(p, rp, 1);
    if (o.id !== p.id) idsChanged = true;
    updateOwnBreaches(live, i, p, rules, lookup);
    live.index?.move(i, ro, p.structureId, rp);
    if (live.structureHash) live.structureHash[i] = hashId(p.structureId);
    if (o.role === 'coordinateur') {
      removeSorted((o.cohort >= year ? live.newer : live.existing)[ro] as number[], i);
      coordinatorRegions.add(ro);
    }
    if (p.role === 'coordinateur') {
      insertSorted((p.cohort >= year ? live.newer : live.existing)[rp] as number[], i);
      coordinatorRegions.add(rp);
    }
  }
  updateGroups(live, changed, before, next, lookup);
  updateNewCoordinators(live, changed, after, coordinatorRegions, lookup);

  const breaches: Breach[] = [];
  for (const i of live.ownKeys) for (const b of live.own.get(i) as Breach[]) breaches.push(b);
  const failing: TrackedGroup[] = [];
  for (const g of live.groups.values()) if (g.breach) failing.push(g);
  failing.sort((a, b) => (a.members[0] as number) - (b.members[0] as number));
  for (const g of failing) breaches.push(g.breach as Breach);
  const coordinators = [...live.coordBreach.keys()].sort((a, b) => a - b);
  for (const i of coordinators) breaches.push(live.coordBreach.get(i) as Breach);

  const positionIdx = idsChanged ? live.cache.positionIndex(after) : live.positionIdx;
  const counts = live.index
    ? StructureCounts.of(live.index.regionCount)
    : new StructureCounts(after, acc.slotOf, next.structures, acc.codes.length, live.cache);
  const figures = assemble(next, acc, breaches, counts, new PositionFiguresTable(after, positionIdx, rules));
  live.scenario = next;
  live.figures = figures;
  live.positionIdx = positionIdx;
  live.counts = counts;
  return { figures, path: 'incremental' };
}

/** Rules 1–3 and 6 of a changed position, replacing its previous ones (and their count in the region). */
function updateOwnBreaches(
  live: Live,
  i: number,
  p: Position,
  rules: RuleParams,
  lookup: StructureLookup,
): void {
  const old = live.own.get(i);
  if (old) for (const b of old) countBreach(live.acc, b, -1);
  let co = 0;
  let other = 0;
  for (const c of p.coFundings) {
    co += c.amount;
    if (categoryIndex(c.category) === 0) other += c.amount;
  }
  const max = maxStateAmount(p, rules);
  const fresh: Breach[] = [];
  if (mayBreach(p, co, other, max, rules)) positionBreaches(p, co, other, max, rules, lookup, fresh);
  for (const b of fresh) countBreach(live.acc, b, 1);
  if (fresh.length > 0) {
    live.own.set(i, fresh);
    if (!old) insertSorted(live.ownKeys, i);
  } else if (old) {
    live.own.delete(i);
    removeSorted(live.ownKeys, i);
  }
}

/** Rule 4 for the groups the changed positions left or joined. */
function updateGroups(
  live: Live,
  changed: readonly number[],
  before: readonly Position[],
  next: Scenario,
  lookup: StructureLookup,
): void {
  const { rules } = next.campaign;
  const after = next.positions;
  const small = (p: Position) => mayFailMinFte(p.fte, rules);
  const touched = new Set<TrackedGroup>();
  for (const i of changed) {
    const o = before[i] as Position;
    const g = live.groups.get(groupKey(o.structureId, o.role));
    if (g && removeSorted(g.members, i)) touched.add(g);
  }
  for (const i of changed) {
    const p = after[i] as Position;
    const key = groupKey(p.structureId, p.role);
    const g = live.groups.get(key);
    if (g) {
      insertSorted(g.members, i);
      touched.add(g);
    } else if (small(p)) {
      // A group whose positions were all at the minimum gets a small one: gather its members.
      const members = live.index ? live.index.members(after, p.structureId, p.role) : scan(live, after, p);
      const fresh: TrackedGroup = { key, structureId: p.structureId, role: p.role, members, breach: null };
      live.groups.set(key, fresh);
      touched.add(fresh);
    }
  }
  for (const g of touched) {
    if (g.breach) countBreach(live.acc, g.breach, -1);
    g.breach = null;
    if (!g.members.some((j) => small(after[j] as Position))) {
      live.groups.delete(g.key); // all at the minimum again: the group passes whatever its other members do
      continue;
    }
    g.breach = groupBreach(g, after, rules, lookup);
    if (g.breach) countBreach(live.acc, g.breach, 1);
  }
}

/** Rule 5 in the regions where a coordinator changed. */
function updateNewCoordinators(
  live: Live,
  changed: readonly number[],
  after: readonly Position[],
  regions: ReadonlySet<number>,
  lookup: StructureLookup,
): void {
  const drop = (i: number) => {
    const b = live.coordBreach.get(i);
    if (!b) return;
    countBreach(live.acc, b, -1);
    live.coordBreach.delete(i);
  };
  for (const i of changed) drop(i);
  for (const r of regions) {
    const newer = live.newer[r] as number[];
    for (const i of newer) drop(i);
    const first = (live.existing[r] as number[])[0];
    if (first === undefined) continue;
    for (const i of newer) {
      const b = coordinatorBreach(after[i] as Position, after[first] as Position, lookup);
      live.coordBreach.set(i, b);
      countBreach(live.acc, b, 1);
    }
  }
}

/**
 * Indices (ascending) of the positions with the structure and role of p. The first call reads every position's
 * structure id (a few ms at 100 000 positions) and keeps a hash of each: later calls compare integers.
 */
function scan(live: Live, positions: readonly Position[], p: Position): number[] {
  let hashes = live.structureHash;
  if (!hashes) {
    hashes = new Int32Array(positions.length);
    for (let j = 0; j < positions.length; j++) hashes[j] = hashId((positions[j] as Position).structureId);
    live.structureHash = hashes;
  }
  const h = hashId(p.structureId);
  const out: number[] = [];
  for (let j = 0; j < hashes.length; j++) {
    if (hashes[j] !== h) continue;
    const q = positions[j] as Position;
    if (q.structureId === p.structureId && q.role === p.role) out.push(j);
  }
  return out;
}

/** FNV-1a of a string's UTF-16 code units. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h;
}

/** Inserts v into an ascending array unless present. */
function insertSorted(a: number[], v: number): void {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  if (a[lo] !== v) a.splice(lo, 0, v);
}

/** Removes v from an ascending array; false when absent. */
function removeSorted(a: number[], v: number): boolean {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  if (a[lo] !== v) return false;
  a.splice(lo, 1);
  return true;
}
