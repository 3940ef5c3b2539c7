// The column-wise recompute against a plain one written straight from the rules (one object per position, a map
// per group, a set of structures per region): same figures, same breaches, on scenarios full of edge cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Breach } from '../../src/domain/breach';
import { fte } from '../../src/domain/fte';
import type { Cents } from '../../src/domain/money';
import { positionFigures } from '../../src/domain/position-figures';
import { recompute } from '../../src/domain/recompute';
import { checkMinFte, checkNewCoordinators, checkPosition, type MinFteGroup } from '../../src/domain/rules';
import { nationalFigures, zeroByCategory, type RegionFigures } from '../../src/domain/totals';
import {
  FUNDER_CATEGORIES,
  PURPOSES,
  type Position,
  type RegionBudget,
  type Scenario,
  type Structure,
} from '../../src/domain/types';
import { position, scenario, structure } from './helpers';

/** A region's figures before any position is counted. */
function emptyRegionFigures(regionCode: string, budget: RegionBudget | null): RegionFigures {
  return {
    regionCode,
    envelope: budget?.envelope ?? (0 as Cents),
    committed: 0 as Cents,
    available: 0 as Cents,
    totalCost: 0 as Cents,
    coFundingTotal: 0 as Cents,
    coFundingByCategory: zeroByCategory(),
    remaining: 0 as Cents,
    fteByRole: { facilitateur: 0, coordinateur: 0 },
    fteByCohort: new Map(),
    fteTarget: budget?.fteTarget ?? null,
    structureCount: 0,
    positionCount: 0,
    leverage: null,
    breachCount: 0,
  };
}

/** The recompute as first written (before it went column-wise), kept as the reference. */
function plainRecompute(s: Scenario) {
  const rules = s.campaign.rules;
  const structures = new Map<string, Structure>(s.structures.map((x) => [x.id, x]));
  const regions = new Map<string, RegionFigures>();
  for (const r of s.regions) regions.set(r.regionCode, emptyRegionFigures(r.regionCode, r));
  const regionOf = (code: string) => {
    let r = regions.get(code);
    if (!r) regions.set(code, (r = emptyRegionFigures(code, null)));
    return r;
  };
  const breaches: Breach[] = [];
  const groups = new Map<string, MinFteGroup>();
  const existing = new Map<string, Position>();
  const newOnes: Position[] = [];
  const structuresByRegion = new Map<string, Set<string>>();
  const byPurpose = PURPOSES.map(() => 0);
  for (const p of s.positions) {
    const f = positionFigures(p, rules);
    const r = regionOf(p.regionCode);
    const before = breaches.length;
    checkPosition(p, f, rules, structures.get(p.structureId), breaches);
    r.breachCount += breaches.length - before;
    r.positionCount += 1;
    r.committed = (r.committed + p.stateAmount) as Cents;
    r.totalCost = (r.totalCost + p.annualCost) as Cents;
    r.coFundingTotal = (r.coFundingTotal + f.coFundingTotal) as Cents;
    for (const c of p.coFundings)
      r.coFundingByCategory[c.category] = (r.coFundingByCategory[c.category] + c.amount) as Cents;
    r.fteByRole[p.role === 'facilitateur' ? 'facilitateur' : 'coordinateur'] += p.fte;
    r.fteByCohort.set(p.cohort, (r.fteByCohort.get(p.cohort) ?? 0) + p.fte);
    byPurpose[PURPOSES.indexOf(p.purpose)]! += p.stateAmount;
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
      if (p.cohort >= s.campaign.year) newOnes.push(p);
      else if (!existing.has(p.regionCode)) existing.set(p.regionCode, p);
    }
    let set = structuresByRegion.get(p.regionCode);
    if (!set) structuresByRegion.set(p.regionCode, (set = new Set()));
    set.add(p.structureId);
  }
  const beforeGroups = breaches.length;
  checkMinFte(groups, structures, rules, breaches);
  checkNewCoordinators(newOnes, existing, structures, breaches);
  for (const b of breaches.slice(beforeGroups)) regionOf(b.regionCode).breachCount += 1;
  for (const r of regions.values()) {
    r.structureCount = structuresByRegion.get(r.regionCode)?.size ?? 0;
    r.available = (r.envelope - r.committed) as Cents;
    r.remaining = (r.totalCost - r.committed - r.coFundingTotal) as Cents;
    r.leverage = r.committed === 0 ? null : r.totalCost / r.committed;
    for (const [cohort, v] of r.fteByCohort) if (v === 0) r.fteByCohort.delete(cohort);
  }
  const list = [...regions.values()];
  return { regions: list, breaches, national: nationalFigures(s.campaign.nationalEnvelope, list, byPurpose) };
}

const STRUCTURES: Structure[] = [
  structure({ id: 's0', name: 'PLIE A', legalStatus: 'association' }),
  structure({ id: 's1', name: 'VILLE B', legalStatus: 'commune' }),
  structure({ id: 's2', name: 'CONSEIL DÉPARTEMENTAL C', legalStatus: 'departement' }),
];

const arbPosition = fc.record({
  regionCode: fc.constantFrom('76', '11', '84', '01', 'ZZ', ''),
  structureId: fc.constantFrom('s0', 's1', 's2', 'unknown-1', 'unknown-2'),
  role: fc.constantFrom<Position['role']>('facilitateur', 'facilitateur', 'coordinateur'),
  fte: fc.constantFrom(0, 10, 25, 40, 49, 50, 51, 100),
  cost: fc.integer({ min: 0, max: 6_000_000 }),
  rate: fc.constantFrom(0, 6_000, 7_000, 7_000, 7_500, 9_000),
  co: fc.array(
    fc.record({ category: fc.constantFrom(...FUNDER_CATEGORIES), share: fc.integer({ min: 0, max: 60 }) }),
    {
      maxLength: 3,
    },
  ),
  cohort: fc.constantFrom(1999, 2021, 2022, 2025, 2026, 2027, 2150),
  conventionYear: fc.integer({ min: 1, max: 4 }),
  purpose: fc.constantFrom(...PURPOSES),
});

const sortKey = (b: Breach) => `${b.ruleId}\u0000${b.positionId}\u0000${b.message}`;
const sorted = (list: readonly Breach[]) => [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

describe('recompute', () => {
  it('gives the figures and breaches of the plain recompute', () => {
    fc.assert(
      fc.property(fc.array(arbPosition, { maxLength: 40 }), fc.constantFrom(50, 0, -10), (raw, minFte) => {
        const positions = raw.map((r, i) => {
          const state = Math.floor((r.cost * r.rate) / 10_000);
          return position({
            id: `p${i % 37}`, // a few duplicate ids
            regionCode: r.regionCode,
            structureId: r.structureId,
            role: r.role,
            fte: fte(r.fte),
            annualCost: r.cost as Cents,
            stateAmount: state as Cents,
            coFundings: r.co.map((c) => ({
              funder: 'x',
              category: c.category,
              amount: Math.floor(((r.cost - state) * c.share) / 100) as Cents,
            })),
            cohort: r.cohort,
            conventionYear: r.conventionYear,
            purpose: r.purpose,
          });
        });
        const base = scenario(positions, STRUCTURES);
        const s = {
          ...base,
          campaign: {
            ...base.campaign,
            rules: { ...base.campaign.rules, minFtePerStructureRole: minFte as never },
          },
        };
        const got = recompute(s);
        const want = plainRecompute(s);
        expect(got.regions).toEqual(want.regions);
        expect(got.regions.map((r) => r.regionCode)).toEqual(want.regions.map((r) => r.regionCode));
        expect(got.national).toEqual(want.national);
        expect(sorted(got.breaches)).toEqual(sorted(want.breaches));
        for (const p of positions)
          expect(got.positions.get(p.id)).toEqual(
            positionFigures(positions[got.positions.indexOf(p.id)!]!, s.campaign.rules),
          );
        const byPosition = new Map<string, Breach[]>();
        for (const b of got.breaches)
          byPosition.set(b.positionId, [...(byPosition.get(b.positionId) ?? []), b]);
        expect(got.breachesByPosition).toEqual(byPosition);
        const cols = got.positions;
        positions.forEach((_p, i) => {
          const f = positionFigures(positions[i]!, s.campaign.rules);
          expect([cols.coFundingTotal[i], cols.stateOther[i], cols.maxState[i]]).toEqual([
            f.coFundingTotal,
            f.stateOtherCoFunding,
            f.maxStateAmount,
          ]);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('orders breaches: per position in position order, then rule 4 by first position, then rule 5', () => {
    const small = (id: string, structureId: string) => position({ id, structureId, fte: fte(20) });
    const s = scenario(
      [
        position({ id: 'old', role: 'coordinateur', cohort: 2022 }),
        small('a', 's2'),
        small('b', 's0'),
        position({ id: 'over', stateAmount: 3_000_000 as Cents, coFundings: [] }),
        small('c', 's2'),
        position({ id: 'new', role: 'coordinateur', cohort: 2026 }),
      ],
      STRUCTURES,
    );
    expect(recompute(s).breaches.map((b) => `${b.ruleId}:${b.positionId}`)).toEqual([
      'stateShare:over',
      'remaining:over',
      'minFte:a',
      'minFte:b',
      'newCoordinator:new',
    ]);
  });

  it('reads structure counts lazily and lets them be assigned', () => {
    const s = scenario(
      [position({ id: 'a', structureId: 's0' }), position({ id: 'b', structureId: 'unknown' })],
      STRUCTURES,
    );
    const occ = recompute(s).regionByCode.get('76')!;
    expect(occ.structureCount).toBe(2);
    expect({ ...occ }.structureCount).toBe(2);
    occ.structureCount = 5;
    expect(occ.structureCount).toBe(5);
  });
});
