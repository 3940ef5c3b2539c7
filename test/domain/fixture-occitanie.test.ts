// The eight Occitanie positions of test/fixtures/README.md give exactly its totals and its five breaches.
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../src/domain/demo';
import { eurosToCents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { occitanieScenario, plain } from './helpers';

describe('Occitanie fixture', () => {
  const s = occitanieScenario();
  const figures = recompute(s);
  const occ = figures.regionByCode.get('76')!;

  it('has the totals of the fixture README', () => {
    expect(occ.positionCount).toBe(8);
    expect(occ.fteByRole.facilitateur + occ.fteByRole.coordinateur).toBe(696);
    expect(occ.fteByRole).toEqual({ facilitateur: 600, coordinateur: 96 });
    expect(occ.totalCost).toBe(eurosToCents(316_380));
    expect(occ.committed).toBe(eurosToCents(222_426));
    expect(occ.coFundingTotal).toBe(eurosToCents(91_654));
    expect(occ.coFundingByCategory.stateOther).toBe(eurosToCents(5_000));
    expect(occ.coFundingByCategory.esfPlus).toBe(eurosToCents(27_150));
    expect(occ.coFundingByCategory.localAuthority).toBe(eurosToCents(49_504));
    expect(occ.coFundingByCategory.private).toBe(eurosToCents(10_000));
    expect(occ.remaining).toBe(eurosToCents(2_300));
    expect(occ.envelope).toBe(eurosToCents(370_000));
    expect(occ.available).toBe(eurosToCents(147_574));
    expect(occ.structureCount).toBe(7);
    expect(occ.fteByCohort.get(2022)).toBe(656);
    expect(occ.fteByCohort.get(2026)).toBe(40);
  });

  it('has exactly the five breaches, with their French messages', () => {
    const got = figures.breaches.map((b) => [b.positionId, b.ruleId, plain(b.message)]);
    expect(got).toHaveLength(5);
    expect(got).toContainEqual(['occ-4', 'stateShare', 'Part État 72,00 % > 70 % : dépassement de 960,00 €']);
    expect(got).toContainEqual([
      'occ-1',
      'allStateShare',
      'État toutes sources 37 200,00 € = 80,87 % > 80 % : dépassement de 400,00 €',
    ]);
    expect(got.find((b) => b[0] === 'occ-6')?.slice(0, 2)).toEqual(['occ-6', 'remaining']);
    expect(plain(figures.breachesByPosition.get('occ-6')![0]!.message)).toMatch(
      /^Reste à financer 2 300,00 €/,
    );
    expect(
      got
        .filter((b) => b[0] === 'occ-8')
        .map((b) => b[1])
        .sort(),
    ).toEqual(['minFte', 'newCoordinator']);
    expect(
      plain(figures.breachesByPosition.get('occ-8')!.find((b) => b.ruleId === 'minFte')!.message),
    ).toContain('0,40 ETP < minimum de 0,50 ETP');
    const coord = figures.breachesByPosition.get('occ-8')!.find((b) => b.ruleId === 'newCoordinator')!;
    expect(coord.relatedPositionIds).toEqual(['occ-7']);
    expect(coord.message).toContain('NOVA EMPLOI (cohorte 2022)');
    expect(occ.breachCount).toBe(5);
  });

  it('gives the national view of the fixture README', () => {
    const n = figures.national;
    expect(n.envelope).toBe(eurosToCents(4_700_000));
    expect(n.allotted).toBe(eurosToCents(4_390_000));
    expect(n.reserve).toBe(eurosToCents(310_000));
    expect(n.committed).toBe(eurosToCents(222_426));
    expect(n.remaining).toBe(eurosToCents(4_477_574));
  });
});

describe('demo campaign', () => {
  it('keeps the Occitanie positions and stays within the national envelope', () => {
    const s = demoScenario('2026-11-22T00:00:00.000Z');
    const f = recompute(s);
    expect(s.regions).toHaveLength(18);
    expect(f.regionByCode.get('76')!.committed).toBe(eurosToCents(222_426));
    for (const r of f.regions) expect(r.positionCount).toBeGreaterThan(0);
    expect(f.national.committed).toBeLessThan(f.national.allotted);
    const ids = new Set(s.positions.map((p) => p.id));
    expect(ids.size).toBe(s.positions.length);
  });
});
