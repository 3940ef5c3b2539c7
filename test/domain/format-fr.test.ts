import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatBasisPoints,
  formatDate,
  formatEuros,
  formatEurosShort,
  formatFte,
  formatPercent,
} from '../../src/domain/format-fr';
import { parseFrenchAmount } from '../../src/domain/parse-fr';
import { MAX_ABS_CENTS, cents } from '../../src/domain/money';
import { fte } from '../../src/domain/fte';

/** The text as a person reads it: narrow and ordinary no-break spaces shown as spaces. */
function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

const intlEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

describe('formatEuros', () => {
  it.each<[number, string]>([
    [0, '0,00 €'],
    [1, '0,01 €'],
    [10, '0,10 €'],
    [100, '1,00 €'],
    [99_999, '999,99 €'],
    [123_400, '1 234,00 €'],
    [3_150_000, '31 500,00 €'],
    [3_150_010, '31 500,10 €'],
    [-123_050, '-1 230,50 €'],
    [470_000_000, '4 700 000,00 €'],
    [22_242_600, '222 426,00 €'],
    [MAX_ABS_CENTS, '10 000 000 000,00 €'],
    [-MAX_ABS_CENTS + 1, '-9 999 999 999,99 €'],
  ])('%i cents → %s', (amount, expected) => {
    const text = formatEuros(cents(amount));
    expect(plain(text)).toBe(expected);
    expect(text).toBe(intlEuros.format(amount / 100));
  });

  it('writes U+202F between thousands and U+00A0 before €', () => {
    expect(formatEuros(cents(3_150_000))).toBe('31\u202f500,00\u00a0€');
  });

  it('writes no minus sign for zero', () => {
    expect(formatEuros(cents(-0))).toBe('0,00\u00a0€');
  });

  it('matches Intl for any amount up to 10 billion euros', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_ABS_CENTS, max: MAX_ABS_CENTS }), (amount) => {
        fc.pre(amount !== 0);
        expect(formatEuros(cents(amount))).toBe(intlEuros.format(amount / 100));
      }),
    );
  });

  it('reads back exactly through parseFrenchAmount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_ABS_CENTS, max: MAX_ABS_CENTS }), (amount) => {
        expect(parseFrenchAmount(formatEuros(cents(amount)))).toEqual({
          ok: true,
          value: amount === 0 ? 0 : amount,
        });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatEurosShort', () => {
  it.each<[number, string]>([
    [0, '0 €'],
    [49, '0 €'],
    [-49, '0 €'],
    [50, '1 €'],
    [3_150_000, '31 500 €'],
    [3_150_049, '31 500 €'],
    [3_150_050, '31 501 €'],
    [-3_150_050, '-31 501 €'],
    [99_999_949, '999 999 €'],
    [99_999_950, '1 M€'],
    [100_000_000, '1 M€'],
    [120_000_000, '1,2 M€'],
    [124_999_999, '1,2 M€'],
    [125_000_000, '1,3 M€'],
    [470_000_000, '4,7 M€'],
    [447_757_400, '4,5 M€'],
    [-120_000_000, '-1,2 M€'],
    [MAX_ABS_CENTS, '10 000 M€'],
  ])('%i cents → %s', (amount, expected) => {
    expect(plain(formatEurosShort(cents(amount)))).toBe(expected);
  });

  it.each<[number, number, string]>([
    [447_757_400, 2, '4,48 M€'],
    [447_757_400, 0, '4 M€'],
    [470_000_000, 2, '4,7 M€'],
  ])('%i cents with %i decimals → %s', (amount, digits, expected) => {
    expect(plain(formatEurosShort(cents(amount), digits))).toBe(expected);
  });

  it('keeps the number and its unit together', () => {
    expect(formatEurosShort(cents(120_000_000))).toBe('1,2\u00a0M€');
    expect(formatEurosShort(cents(3_150_000))).toBe('31\u202f500\u00a0€');
  });
});

describe('formatPercent', () => {
  const intlPercent = (digits: number) =>
    new Intl.NumberFormat('fr-FR', {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });

  it.each<[number, number, string]>([
    [0.72, 2, '72,00 %'],
    [0.7, 2, '70,00 %'],
    [0.724, 1, '72,4 %'],
    [0.8087, 2, '80,87 %'],
    [37_200 / 46_000, 2, '80,87 %'],
    [0.7245, 2, '72,45 %'],
    [0.72455, 3, '72,455 %'],
    [0.5, 0, '50 %'],
    [0, 2, '0,00 %'],
    [1, 2, '100,00 %'],
    [12.5, 0, '1 250 %'],
    [-0.05, 1, '-5,0 %'],
    [-0.00001, 2, '0,00 %'],
  ])('%d with %i decimals → %s', (ratio, digits, expected) => {
    const text = formatPercent(ratio, digits);
    expect(plain(text)).toBe(expected);
    if (ratio > 0) expect(text).toBe(intlPercent(digits).format(ratio));
  });

  it('has two decimals by default', () => {
    expect(plain(formatPercent(0.72))).toBe('72,00 %');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('shows %d as a dash', (ratio) => {
    expect(formatPercent(ratio)).toBe('—');
  });
});

describe('formatBasisPoints', () => {
  it.each<[number, string]>([
    [7000, '70 %'],
    [3000, '30 %'],
    [8000, '80 %'],
    [7250, '72,5 %'],
    [7255, '72,55 %'],
    [10_000, '100 %'],
    [5, '0,05 %'],
    [0, '0 %'],
    [-150, '-1,5 %'],
  ])('%i → %s', (rate, expected) => {
    expect(plain(formatBasisPoints(rate))).toBe(expected);
  });

  it('puts a no-break space before %', () => {
    expect(formatBasisPoints(7000)).toBe('70\u00a0%');
  });
});

describe('formatFte', () => {
  it.each<[number, string]>([
    [56, '0,56'],
    [100, '1,00'],
    [96, '0,96'],
    [696, '6,96'],
    [5, '0,05'],
    [0, '0,00'],
    [123_456, '1 234,56'],
  ])('%i hundredths → %s', (value, expected) => {
    expect(plain(formatFte(fte(value)))).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each<[string, string]>([
    ['2027-10-31', '31/10/2027'],
    ['2026-11-01', '01/11/2026'],
    ['', ''],
    ['31/10/2027', '31/10/2027'],
    ['bientôt', 'bientôt'],
  ])('%j → %j', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });
});
