// Money guard: integer cents only; euros ↔ cents at the edges without float drift.
import { describe, expect, it } from 'vitest';
import { cents, eurosToCents } from '../../src/domain/money';
import { fte, fteFromDecimal } from '../../src/domain/fte';

describe('cents guard', () => {
  it.each([0.5, NaN, Infinity, 1e15, -1e15])('refuses %s', (v) => expect(() => cents(v)).toThrow(RangeError));
  it.each([0, 1, -1, 31_500_00])('accepts %s', (v) => expect(cents(v)).toBe(v));
  it.each([
    [31_500.5, 3_150_050],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [-2.5, -250],
    [4_700_000, 470_000_000],
  ])('eurosToCents(%s) = %s', (euros, expected) => expect(eurosToCents(euros)).toBe(expected));
});

describe('ETP in hundredths', () => {
  it.each([
    [1, 100],
    [0.56, 56],
    [0.4, 40],
    [1.5, 150],
  ])('%s ETP = %s', (d, h) => expect(fteFromDecimal(d)).toBe(h));
  it.each([0.555, -1])('refuses %s', (d) => expect(() => fteFromDecimal(d)).toThrow());
  it('refuses a non-integer number of hundredths', () => expect(() => fte(1.5)).toThrow());
});
