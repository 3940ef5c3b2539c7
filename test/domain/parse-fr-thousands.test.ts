// The one French number reader and dots: thousands where the writing says so (`1.234.567,5`), refused with the
// reason where a lone dot before three digits could be either (`31.500`), never a silent misread.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFrenchAmount, parseFrenchNumber, parseFte, parsePercent } from '../../src/domain/parse-fr';
import { formatBasisPoints, formatEuros, formatFte } from '../../src/domain/format-fr';
import { fte } from '../../src/domain/fte';
import { MAX_ABS_CENTS, cents } from '../../src/domain/money';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const readers = [
  ['parseFrenchNumber', parseFrenchNumber],
  ['parseFrenchAmount', parseFrenchAmount],
  ['parsePercent', parsePercent],
  ['parseFte', parseFte],
] as const;

/** `1234567` → `1.234.567` (or with another separator). */
function grouped(integer: bigint, separator: string): string {
  return integer.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

describe('dots as thousands', () => {
  it.each<[string, number, number]>([
    ['1.234.567,5', 1_234_567.5, 123_456_750],
    ['1.000.000', 1_000_000, 100_000_000],
    ['1.000,00', 1000, 100_000],
    ['31.500,00 €', 31_500, 3_150_000],
    ['31.500,5', 31_500.5, 3_150_050],
    ['-1.000,50', -1000.5, -100_050],
    ['(4.700.000 €)', -4_700_000, -470_000_000],
  ])('%j reads %d (%i cents)', (text, number, amount) => {
    expect(parseFrenchNumber(text)).toEqual({ ok: true, value: number });
    expect(parseFrenchAmount(text)).toEqual({ ok: true, value: amount });
  });

  it.each<[string, number]>([
    ['31500.5', 31_500.5],
    ['0.500', 0.5],
    ['1 234.567', 1234.567],
    ['12345.678', 12_345.678],
    ['1.5', 1.5],
    ['1.50', 1.5],
    ['1.2345', 1.2345],
  ])('%j is a decimal dot: nothing else could be meant (%d)', (text, number) => {
    expect(parseFrenchNumber(text)).toEqual({ ok: true, value: number });
  });
});

describe('a lone dot before three digits is refused, saying why', () => {
  it.each<[string, string]>([
    ['31.500', 'écrire 31 500 ou 31,5'],
    ['1.000', 'écrire 1 000 ou 1'],
    ['1.234', 'écrire 1 234 ou 1,234'],
    ['-1.000 €', 'écrire -1 000 ou -1'],
    [`(12.050${NBSP}€)`, 'écrire -12 050 ou -12,05'],
  ])('parseFrenchNumber(%j)', (text, hint) => {
    expect(parseFrenchNumber(text)).toEqual({
      ok: false,
      message: `montant illisible « ${text} » : point ambigu (milliers ou décimales ?) : ${hint}`,
    });
  });

  it.each<[string, string]>([
    [
      '31.500',
      'montant illisible « 31.500 » : point ambigu (milliers ou décimales ?) : écrire 31 500 ou 31,5',
    ],
    ['1.000 €', 'montant illisible « 1.000 € » : point ambigu (milliers ou décimales ?) : écrire 1 000 ou 1'],
    // As a decimal it would need more than cents, so that is the reason given (and it is never read as 1 234 €).
    ['1.234', 'montant illisible « 1.234 » : plus de deux décimales (centimes)'],
  ])('parseFrenchAmount(%j)', (text, message) => {
    expect(parseFrenchAmount(text)).toEqual({ ok: false, message });
  });

  it.each<[string, string]>([
    ['1.000', 'ETP illisible « 1.000 » : point ambigu (milliers ou décimales ?) : écrire 1 000 ou 1'],
    [
      '1.500 ETP',
      'ETP illisible « 1.500 ETP » : point ambigu (milliers ou décimales ?) : écrire 1 500 ou 1,5',
    ],
  ])('parseFte(%j)', (text, message) => {
    expect(parseFte(text)).toEqual({ ok: false, message });
  });

  it('parsePercent(« 70.000 % »)', () => {
    expect(parsePercent('70.000 %')).toEqual({
      ok: false,
      message: 'taux illisible « 70.000 % » : point ambigu (milliers ou décimales ?) : écrire 70 000 ou 70',
    });
  });
});

describe('properties', () => {
  const euros = fc.bigInt({ min: 0n, max: BigInt(MAX_ABS_CENTS) / 100n - 1n });
  const spaces = fc.constantFrom(' ', NBSP, NNBSP, '.');

  it('a formatted amount reads back the same through every money reader', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_ABS_CENTS, max: MAX_ABS_CENTS }), (amount) => {
        const text = formatEuros(cents(amount));
        const expected = amount === 0 ? 0 : amount;
        expect(parseFrenchAmount(text)).toEqual({ ok: true, value: expected });
        const number = parseFrenchNumber(text);
        expect(number.ok && Math.round(number.value * 100)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('formatted rates and ETP read back the same', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (bp, hundredths) => {
          expect(parsePercent(formatBasisPoints(bp))).toEqual({ ok: true, value: bp });
          expect(parseFte(formatFte(fte(hundredths)))).toEqual({ ok: true, value: hundredths });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('thousands written with spaces or dots and a comma decimal read exactly', () => {
    fc.assert(
      fc.property(euros, fc.integer({ min: 0, max: 99 }), spaces, (whole, rest, separator) => {
        const text = `${grouped(whole, separator)},${String(rest).padStart(2, '0')}`;
        expect(parseFrenchAmount(text)).toEqual({ ok: true, value: Number(whole) * 100 + rest });
      }),
      { numRuns: 1000 },
    );
  });

  it('integers with two or more thousands dots read as thousands', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000_000n, max: 9_007_199_254_740_991n }), (integer) => {
        expect(parseFrenchNumber(grouped(integer, '.'))).toEqual({ ok: true, value: Number(integer) });
      }),
    );
  });

  it('never reads a lone dot before three digits silently, whatever the reader and the unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('', '-', '+'),
        fc.constantFrom('', ' €', '€', ' %', ' ETP'),
        (integer, fraction, sign, unit) => {
          const text = `${sign}${integer}.${String(fraction).padStart(3, '0')}${unit}`;
          for (const [, read] of readers) expect(read(text).ok).toBe(false);
          const number = parseFrenchNumber(text);
          if (!number.ok) expect(number.message).toContain('point ambigu');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('any text a reader accepts has one value: amounts, rates and plain numbers agree', () => {
    const chars = fc.constantFrom('0', '1', '5', '9', '.', ',', ' ', '-');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 12 }), (list) => {
        const text = list.join('');
        const number = parseFrenchNumber(text);
        const amount = parseFrenchAmount(text);
        if (amount.ok) {
          expect(number.ok).toBe(true);
          if (number.ok) expect(Math.round(number.value * 100)).toBe(amount.value === 0 ? 0 : amount.value);
        }
        if (number.ok) {
          // The value is the same whichever separator meant thousands: no dot-then-three-digits alone.
          expect(/^[-+]?[1-9]\d{0,2}\.\d{3}$/.test(text.trim())).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
