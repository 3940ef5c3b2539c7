// Property: for any positions, every total equals the sum of its parts to the cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fte } from '../../src/domain/fte';
import type { Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { FUNDER_CATEGORIES, PURPOSES, type Position } from '../../src/domain/types';
import { position, scenario } from './helpers';

const REGION_CODES = [
  '84',
  '27',
  '53',
  '24',
  '94',
  '44',
  '32',
  '11',
  '28',
  '75',
  '76',
  '52',
  '93',
  '01',
  '02',
  '03',
  '04',
  '06',
];
const cents = fc.integer({ min: 0, max: 10_000_000_00 });

const arbPosition = fc
  .record({
    regionCode: fc.constantFrom(...REGION_CODES),
    cost: cents,
    state: cents,
    co: fc.array(fc.record({ category: fc.constantFrom(...FUNDER_CATEGORIES), amount: cents }), {
      maxLength: 4,
    }),
    fte: fc.integer({ min: 0, max: 300 }),
    role: fc.constantFrom<Position['role']>('facilitateur', 'coordinateur'),
    purpose: fc.constantFrom(...PURPOSES),
    cohort: fc.integer({ min: 2022, max: 2026 }),
  })
  .map((r) => r);

describe('totals', () => {
  it('regional and national totals are exact sums of the positions', () => {
    fc.assert(
      fc.property(fc.array(arbPosition, { maxLength: 60 }), (raw) => {
        const positions = raw.map((r, i) =>
          position({
            id: `p${i}`,
            regionCode: r.regionCode,
            structureId: `s${i % 5}`,
            annualCost: r.cost as Cents,
            stateAmount: r.state as Cents,
            coFundings: r.co.map((c) => ({ funder: 'x', category: c.category, amount: c.amount as Cents })),
            fte: fte(r.fte),
            role: r.role,
            purpose: r.purpose,
            cohort: r.cohort,
          }),
        );
        const f = recompute(scenario(positions));
        const sumState = positions.reduce((a, p) => a + p.stateAmount, 0);
        const sumCost = positions.reduce((a, p) => a + p.annualCost, 0);
        expect(f.national.committed).toBe(sumState);
        expect(f.national.totalCost).toBe(sumCost);
        expect(f.regions.reduce((a, r) => a + r.committed, 0)).toBe(sumState);
        expect(Object.values(f.national.byPurpose).reduce((a, b) => a + b, 0)).toBe(sumState);
        expect(f.national.remaining).toBe(f.national.envelope - sumState);
        expect(f.national.reserve).toBe(f.national.envelope - f.regions.reduce((a, r) => a + r.envelope, 0));
        for (const r of f.regions) {
          const mine = positions.filter((p) => p.regionCode === r.regionCode);
          expect(r.committed).toBe(mine.reduce((a, p) => a + p.stateAmount, 0));
          expect(r.available).toBe(r.envelope - r.committed);
          expect(r.fteByRole.facilitateur + r.fteByRole.coordinateur).toBe(
            mine.reduce((a, p) => a + p.fte, 0),
          );
          const co = mine.reduce((a, p) => a + p.coFundings.reduce((b, c) => b + c.amount, 0), 0);
          expect(r.coFundingTotal).toBe(co);
          expect(r.remaining).toBe(r.totalCost - r.committed - co);
        }
        expect(f.national.breachCount).toBe(f.breaches.length);
        for (const v of Object.values(f.national.coFundingByCategory)) expect(Number.isInteger(v)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
