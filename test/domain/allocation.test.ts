// The allocation helper: exact totals, fixed amounts, floors and ceilings, rounding by largest remainder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationShareInput } from '../../src/domain/allocation';
import { eurosToCents as e, type Cents } from '../../src/domain/money';

const share = (
  regionCode: string,
  weight: number,
  extra: Partial<AllocationShareInput> = {},
): AllocationShareInput => ({
  regionCode,
  weight,
  fixed: null,
  floor: null,
  ceiling: null,
  ...extra,
});

function amounts(result: ReturnType<typeof allocate>): number[] {
  if (!result.ok) throw new Error(result.message);
  return result.value.map((x) => x.amount / 100);
}

describe('allocate — cases', () => {
  it('splits pro rata and rounds to the euro by largest remainder', () => {
    expect(
      amounts(
        allocate({ amount: e(100), step: e(1), shares: [share('a', 1), share('b', 1), share('c', 1)] }),
      ),
    ).toEqual([34, 33, 33]);
  });
  it('rounds to 1 000 € and puts the sub-step rest on the largest share', () => {
    const r = amounts(
      allocate({ amount: e(310_500), step: e(1_000), shares: [share('a', 2), share('b', 1)] }),
    );
    expect(r).toEqual([207_500, 103_000]);
  });
  it('honours fixed amounts, then splits the rest', () => {
    const r = amounts(
      allocate({
        amount: e(310_000),
        step: e(100),
        shares: [share('a', 1, { fixed: e(50_000) }), share('b', 1), share('c', 3)],
      }),
    );
    expect(r).toEqual([50_000, 65_000, 195_000]);
  });
  it('honours floors and ceilings by filling the others', () => {
    const r = amounts(
      allocate({
        amount: e(100_000),
        step: e(1),
        shares: [share('a', 8, { ceiling: e(50_000) }), share('b', 1, { floor: e(30_000) }), share('c', 1)],
      }),
    );
    expect(r).toEqual([50_000, 30_000, 20_000]);
  });
  it('equal shares of the national reserve across 18 regions', () => {
    const shares = Array.from({ length: 18 }, (_, i) => share(String(i), 1));
    const r = amounts(allocate({ amount: e(310_000), step: e(100), shares }));
    expect(r.reduce((a, b) => a + b, 0)).toBe(310_000);
    expect(Math.max(...r) - Math.min(...r)).toBeLessThanOrEqual(100);
  });
  it.each([
    [{ amount: e(10), step: e(1), shares: [share('a', 1, { fixed: e(20) })] }, /montants fixes/],
    [{ amount: e(10), step: e(1), shares: [share('a', 1, { floor: e(20) })] }, /planchers/],
    [{ amount: e(10), step: e(1), shares: [share('a', 1, { ceiling: e(5) })] }, /plafonds/],
    [{ amount: e(10), step: e(1), shares: [share('a', 0)] }, /clé de répartition est nulle/],
    [{ amount: e(10), step: 0 as Cents, shares: [share('a', 1)] }, /pas/],
    [{ amount: e(10), step: e(1), shares: [share('a', -1)] }, /Clé de répartition invalide/],
  ])('refuses an impossible request with a French reason (%#)', (req, message) => {
    const r = allocate(req);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

const STEPS = [100, 10_000, 100_000];

describe('allocate — properties', () => {
  it('returns exactly the amount, never a negative share, fixed amounts untouched, bounds respected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(...STEPS),
        fc.array(
          fc.record({
            weight: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true })),
            fixed: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { freq: 4 }),
            floor: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { freq: 3 }),
            ceilingExtra: fc.option(fc.integer({ min: 0, max: 500_000_000 }), { freq: 3 }),
          }),
          { minLength: 1, maxLength: 18 },
        ),
        (amount, step, raw) => {
          const shares = raw.map((r, i) =>
            share(`r${i}`, r.weight, {
              fixed: r.fixed as Cents | null,
              floor: r.floor as Cents | null,
              ceiling: r.ceilingExtra === null ? null : (((r.floor ?? 0) + r.ceilingExtra) as Cents),
            }),
          );
          const result = allocate({ amount: amount as Cents, step: step as Cents, shares });
          if (!result.ok) return;
          const got = result.value;
          expect(got.reduce((a, x) => a + x.amount, 0)).toBe(amount);
          got.forEach((x, i) => {
            const s = shares[i]!;
            expect(x.amount).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(x.amount)).toBe(true);
            if (s.fixed !== null) expect(x.amount).toBe(s.fixed);
            else {
              if (s.floor !== null) expect(x.amount).toBeGreaterThanOrEqual(s.floor);
              if (s.ceiling !== null) expect(x.amount).toBeLessThanOrEqual(s.ceiling);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('always succeeds without bounds when some weight is positive and fixed amounts fit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(...STEPS),
        fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 18 }),
        (amount, step, weights) => {
          const r = allocate({
            amount: amount as Cents,
            step: step as Cents,
            shares: weights.map((w, i) => share(`r${i}`, w)),
          });
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.reduce((a, x) => a + x.amount, 0)).toBe(amount);
            // Each share is within one step (plus the sub-step rest) of its exact pro-rata value.
            const total = weights.reduce((a, b) => a + b, 0);
            r.value.forEach((x, i) =>
              expect(Math.abs(x.amount - (amount * weights[i]!) / total)).toBeLessThanOrEqual(2 * step),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('always succeeds when step-multiple floors and ceilings leave room for the amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STEPS),
        fc.array(
          fc.record({
            weight: fc.double({ min: 0.01, max: 1000, noNaN: true }),
            floorUnits: fc.integer({ min: 0, max: 500 }),
            spanUnits: fc.integer({ min: 0, max: 500 }),
          }),
          { minLength: 1, maxLength: 18 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (step, raw, position) => {
          const shares = raw.map((r, i) =>
            share(`r${i}`, r.weight, {
              floor: (r.floorUnits * step) as Cents,
              ceiling: ((r.floorUnits + r.spanUnits) * step) as Cents,
            }),
          );
          const min = shares.reduce((a, s) => a + s.floor!, 0);
          const max = shares.reduce((a, s) => a + s.ceiling!, 0);
          const amount = min + Math.floor(((max - min) / step) * position) * step;
          const r = allocate({ amount: amount as Cents, step: step as Cents, shares });
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.reduce((a, x) => a + x.amount, 0)).toBe(amount);
            r.value.forEach((x, i) => {
              expect(x.amount).toBeGreaterThanOrEqual(shares[i]!.floor!);
              expect(x.amount).toBeLessThanOrEqual(shares[i]!.ceiling!);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
