// Allocation bounds kept as given (not rounded to the step) and weights checked: exact sums, floors and ceilings
// to the cent, a French reason for weights too far apart to split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationShareInput } from '../../src/domain/allocation';
import { eurosToCents as e, type Cents } from '../../src/domain/money';

const share = (
  regionCode: string,
  weight: number,
  extra: Partial<AllocationShareInput> = {},
): AllocationShareInput => ({ regionCode, weight, fixed: null, floor: null, ceiling: null, ...extra });

function euros(result: ReturnType<typeof allocate>): number[] {
  if (!result.ok) throw new Error(result.message);
  return result.value.map((x) => x.amount / 100);
}

describe('floors and ceilings as given', () => {
  it.each<[string, number, number, AllocationShareInput[], number[]]>([
    [
      'floors of 15 500 + 15 500 € fill 31 000 € at a 1 000 € step',
      31_000,
      1_000,
      [share('a', 1, { floor: e(15_500) }), share('b', 1, { floor: e(15_500) })],
      [15_500, 15_500],
    ],
    [
      'a ceiling off the step is reached, not cut to the step below',
      100_000,
      1_000,
      [share('a', 9, { ceiling: e(60_500) }), share('b', 1)],
      [60_500, 39_500],
    ],
    [
      'a floor off the step is kept when it binds',
      100_000,
      1_000,
      [share('a', 1, { floor: e(80_250) }), share('b', 1, { ceiling: e(19_750) })],
      [80_250, 19_750],
    ],
    [
      'floor and ceiling with no step multiple between them',
      10_000,
      1_000,
      [share('a', 1, { floor: e(2_100), ceiling: e(2_900) }), share('b', 1)],
      [2_900, 7_100],
    ],
    [
      'floors that do not bind leave the split on the step',
      100_000,
      1_000,
      [share('a', 1, { floor: e(15_500) }), share('b', 1), share('c', 2)],
      [25_000, 25_000, 50_000],
    ],
  ])('%s', (_name, amount, step, shares, expected) => {
    expect(euros(allocate({ amount: e(amount), step: e(step), shares }))).toEqual(expected);
  });
});

describe('weights', () => {
  it.each<[string, number[]]>([
    ['10⁴⁸ apart', [1e48, 1]],
    ['10⁻³⁰⁰ against 1', [1, 1e-300]],
    ['near the largest double', [Number.MAX_VALUE, 1]],
  ])('too far apart (%s): refused, naming both regions', (_name, weights) => {
    const r = allocate({ amount: e(1_000), step: e(1), shares: weights.map((w, i) => share(`r${i}`, w)) });
    expect(r).toEqual({
      ok: false,
      message:
        'Clés de répartition trop écartées : celle de la région r0 dépasse mille milliards de fois celle de ' +
        'la région r1 ; mettez 0 pour exclure une région',
    });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1])('weight %d is refused', (w) => {
    const r = allocate({ amount: e(1_000), step: e(1), shares: [share('a', 1), share('b', w)] });
    expect(r).toEqual({ ok: false, message: 'Clé de répartition invalide pour la région b' });
  });

  it.each<[number[], number[]]>([
    // The smaller share is a tenth of a cent: the cent goes by largest remainder to the larger one.
    [
      [1e12, 1],
      [1_000_000_000, 0],
    ],
    [
      [1e10, 1],
      [999_999_999.9, 0.1],
    ],
    [
      [Number.MAX_VALUE, Number.MAX_VALUE / 2],
      [666_666_666.67, 333_333_333.33],
    ],
    [
      [5e-300, 1e-300, 0],
      [833_333_333.33, 166_666_666.67, 0],
    ],
    [
      [1e300, 0],
      [1_000_000_000, 0],
    ],
  ])('weights %j split 1 000 000 000 € into %j', (weights, expected) => {
    const shares = weights.map((w, i) => share(`r${i}`, w));
    expect(euros(allocate({ amount: e(1_000_000_000), step: 1 as Cents, shares }))).toEqual(expected);
  });

  it('a fixed region’s weight does not count', () => {
    const shares = [share('a', 1e48, { fixed: e(10) }), share('b', 1), share('c', 3)];
    expect(euros(allocate({ amount: e(110), step: e(1), shares }))).toEqual([10, 25, 75]);
  });
});

describe('properties', () => {
  const bounded = fc.record({
    weight: fc.oneof(
      fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
      fc.integer({ min: 1, max: 10_000 }),
      fc.constant(1),
    ),
    floor: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { freq: 2 }),
    span: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { freq: 2 }),
  });
  const steps = fc.constantFrom(1, 100, 10_000, 100_000, 1_234_567);

  it('succeeds whenever floors ≤ amount ≤ ceilings (positive weights): bounds to the cent, sum exact', () => {
    fc.assert(
      fc.property(
        fc.array(bounded, { minLength: 1, maxLength: 18 }),
        steps,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raw, step, at) => {
          const shares = raw.map((r, i) =>
            share(`r${i}`, r.weight, {
              floor: r.floor as Cents | null,
              ceiling: r.span === null ? null : (((r.floor ?? 0) + r.span) as Cents),
            }),
          );
          const min = shares.reduce((a, s) => a + (s.floor ?? 0), 0);
          const max = shares.every((s) => s.ceiling !== null)
            ? shares.reduce((a, s) => a + s.ceiling!, 0)
            : min + 50_000_000;
          const amount = Math.min(max, min + Math.floor((max - min) * at));
          const result = allocate({ amount: amount as Cents, step: step as Cents, shares });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.value.reduce((a, x) => a + x.amount, 0)).toBe(amount);
          let offGrid = 0;
          result.value.forEach((x, i) => {
            const s = shares[i]!;
            expect(Number.isSafeInteger(x.amount)).toBe(true);
            if (s.floor !== null) expect(x.amount).toBeGreaterThanOrEqual(s.floor);
            if (s.ceiling !== null) expect(x.amount).toBeLessThanOrEqual(s.ceiling);
            if (x.amount % step !== 0 && x.amount !== s.floor && x.amount !== s.ceiling) offGrid += 1;
          });
          // Every amount is a multiple of the step, a floor or a ceiling, but for the one share taking the rest.
          expect(offGrid).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('without bounds, each share is within two steps of its exact pro rata, whatever the weights’ scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 18 }),
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        steps,
        (unit, exponent, amount, step) => {
          const weights = unit.map((w) => (w < 0.01 ? 0 : w * 10 ** exponent));
          fc.pre(weights.some((w) => w > 0) && weights.every((w) => Number.isFinite(w)));
          const result = allocate({
            amount: amount as Cents,
            step: step as Cents,
            shares: weights.map((w, i) => share(`r${i}`, w)),
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.value.reduce((a, x) => a + x.amount, 0)).toBe(amount);
          const total = unit.reduce((a, w) => a + (w < 0.01 ? 0 : w), 0);
          result.value.forEach((x, i) => {
            const w = unit[i]! < 0.01 ? 0 : unit[i]!;
            expect(Math.abs(x.amount - (amount * w) / total)).toBeLessThanOrEqual(2 * step);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses, never NaN, when positive weights are more than 10¹² apart', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
        fc.integer({ min: 13, max: 300 }),
        (w, gap) => {
          const small = w / 10 ** gap;
          fc.pre(small > 0);
          const r = allocate({ amount: e(1_000), step: e(1), shares: [share('a', w), share('b', small)] });
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toMatch(/^Clés de répartition trop écartées/);
        },
      ),
    );
  });
});
