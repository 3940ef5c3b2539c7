// The full recomputation of a scenario: every position's figures and breaches, regional and national totals.
import type { Breach } from './breach';
import type { Cents } from './money';
import { positionFigures, type PositionFigures } from './position-figures';
import { checkMinFte, checkNewCoordinators, checkPosition, type MinFteGroup } from './rules';
import { emptyRegionFigures, nationalFigures, type NationalFigures, type RegionFigures } from './totals';
import type { Position, Scenario, Structure } from './types';

export interface ScenarioFigures {
  positions: ReadonlyMap<string, PositionFigures>;
  breaches: readonly Breach[];
  breachesByPosition: ReadonlyMap<string, readonly Breach[]>;
  /** In the order of scenario.regions (the 18 regions), plus any region positions point at. */
  regions: readonly RegionFigures[];
  regionByCode: ReadonlyMap<string, RegionFigures>;
  national: NationalFigures;
}


export function recompute(scenario: Scenario): ScenarioFigures {
  const rules = scenario.campaign.rules;
  const structures = new Map<string, Structure>();
  for (const s of scenario.structures) structures.set(s.id, s);
  const regionByCode = new Map<string, RegionFigures>();
  for (const r of scenario.regions) regionByCode.set(r.regionCode, emptyRegionFigures(r.regionCode, r));

  const figures = new Map<string, PositionFigures>();
  const breaches: Breach[] = [];
  const groups = new Map<string, MinFteGroup>();
  const existingCoordinator = new Map<string, Position>();
  const newCoordinators: Position[] = [];
  const structuresByRegion = new Map<string, Set<string>>();

  for (const p of scenario.positions) {
    const f = positionFigures(p, rules);
    figures.set(p.id, f);
    const region = regionOf(regionByCode, p.regionCode);
    const before = breaches.length;
    checkPosition(p, f, rules, structures.get(p.structureId), breaches);
    region.breachCount += breaches.length - before;
    addToRegion(region, p, f);
    const key = `${p.structureId}\u0000${p.role}`;
    const g = groups.get(key);
    if (g) {
      g.fte += p.fte;
      g.positionIds.push(p.id);
    } else {
      groups.set(key, {
        fte: p.fte,
        positionIds: [p.id],
        structureId: p.structureId,
        role: p.role,
        regionCode: p.regionCode,
      });
    }
    if (p.role === 'coordinateur') {
      if (p.cohort >= scenario.campaign.year) newCoordinators.push(p);
      else if (!existingCoordinator.has(p.regionCode)) existingCoordinator.set(p.regionCode, p);
    }
    let set = structuresByRegion.get(p.regionCode);
    if (!set) structuresByRegion.set(p.regionCode, (set = new Set()));
    set.add(p.structureId);
  }
  const beforeGroups = breaches.length;
  checkMinFte(groups, structures, rules, breaches);
  checkNewCoordinators(newCoordinators, existingCoordinator, structures, breaches);
  for (let i = beforeGroups; i < breaches.length; i++) {
    regionOf(regionByCode, (breaches[i] as Breach).regionCode).breachCount += 1;
  }

  const breachesByPosition = new Map<string, Breach[]>();
  for (const b of breaches) {
    const list = breachesByPosition.get(b.positionId);
    if (list) list.push(b);
    else breachesByPosition.set(b.positionId, [b]);
  }
  for (const [code, set] of structuresByRegion) regionOf(regionByCode, code).structureCount = set.size;

  const regions = [...regionByCode.values()];
  for (const r of regions) finishRegion(r);
  return {
    positions: figures,
    breaches,
    breachesByPosition,
    regions,
    regionByCode,
    national: nationalFigures(scenario.campaign.nationalEnvelope, regions, scenario.positions),
  };
}

function regionOf(map: Map<string, RegionFigures>, code: string): RegionFigures {
  let r = map.get(code);
  if (!r) map.set(code, (r = emptyRegionFigures(code, null)));
  return r;
}

function addToRegion(r: RegionFigures, p: Position, f: PositionFigures): void {
  r.positionCount += 1;
  r.committed = (r.committed + p.stateAmount) as Cents;
  r.totalCost = (r.totalCost + p.annualCost) as Cents;
  r.coFundingTotal = (r.coFundingTotal + f.coFundingTotal) as Cents;
  r.remaining = (r.remaining + f.remaining) as Cents;
  for (const c of p.coFundings) r.coFundingByCategory[c.category] = (r.coFundingByCategory[c.category] + c.amount) as Cents;
  r.fteByRole[p.role] += p.fte;
  r.fteByCohort.set(p.cohort, (r.fteByCohort.get(p.cohort) ?? 0) + p.fte);
}

function finishRegion(r: RegionFigures): void {
  r.available = (r.envelope - r.committed) as Cents;
  r.leverage = r.committed === 0 ? null : r.totalCost / r.committed;
}
