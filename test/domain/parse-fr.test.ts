import { describe, expect, it } from 'vitest';
import {
  excelSerialToIsoDate,
  isoDateToExcelSerial,
  parseFrenchAmount,
  parseFrenchDate,
  parseFrenchNumber,
  parseFte,
  parsePercent,
  readNumberParts,
} from '../../src/domain/parse-fr';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('parseFrenchNumber', () => {
  it.each<[string, number]>([
    ['1,00', 1],
    ['0', 0],
    ['31 500,00 €', 31500],
    [`31${NBSP}500,00${NBSP}€`, 31500],
    [`31${NNBSP}500,00${NBSP}€`, 31500],
    [`1${NNBSP}234${NNBSP}567,89 €`, 1234567.89],
    ['31500.5', 31500.5],
    ['31 500,50', 31500.5],
    ['31 500 €', 31500],
    ['31500€', 31500],
    ['31 500 EUR', 31500],
    ['31 500 euros', 31500],
    ['-1 234,5', -1234.5],
    ['− 1 234,5', -1234.5],
    ['+12', 12],
    ['(1 234,50)', -1234.5],
    ['(1 234,50 €)', -1234.5],
    ['(1 234,50) €', -1234.5],
    ['46,000.00 €', 46000],
    ['1,234,567.89', 1234567.89],
    ['1.234,56', 1234.56],
    ['1.234.567,89', 1234567.89],
    ['1.234.567', 1234567],
    ['1 234.56', 1234.56],
    ['1,234', 1.234],
    ['1.5', 1.5],
    [',5', 0.5],
    ['70 %', 70],
    ['70%', 70],
    ['72,5 %', 72.5],
    ['0,56 ETP', 0.56],
    ['  42  ', 42],
    ['-0', 0],
  ])('%j → %d', (text, expected) => {
    expect(parseFrenchNumber(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '12,5 k€',
    'abc',
    '1,2,3',
    '1.2.3',
    '1e400',
    '1E3',
    '12,',
    '1 23',
    '12 3456',
    '1 234.567,89',
    '1,234.5,6',
    '--5',
    '-(5)',
    '(-5)',
    '€',
    '%',
    '5 $',
    '€ 5',
    '1' + '0'.repeat(400),
  ])('refuses %j naming it', (text) => {
    expect(parseFrenchNumber(text)).toEqual({ ok: false, message: `montant illisible « ${text} »` });
  });

  it.each(['', '   '])('refuses %j as empty', (text) => {
    expect(parseFrenchNumber(text)).toEqual({ ok: false, message: 'montant vide' });
  });

  it('names the value as the caller asks', () => {
    expect(parseFrenchNumber('abc', 'nombre')).toEqual({ ok: false, message: 'nombre illisible « abc »' });
  });
});

describe('readNumberParts', () => {
  it('keeps digits apart from the unit and sign', () => {
    expect(readNumberParts('(31 500,50 €)')).toEqual({
      negative: true,
      integerDigits: '31500',
      fractionDigits: '50',
      unit: '€',
    });
  });
});

describe('parseFrenchAmount', () => {
  it.each<[string, number]>([
    ['1,00', 100],
    ['0', 0],
    ['31 500,00 €', 3_150_000],
    [`31${NNBSP}500,10${NBSP}€`, 3_150_010],
    ['31500.5', 3_150_050],
    ['0,1', 10],
    ['0.07', 7],
    ['-1 234,5', -123_450],
    ['(1 234,50)', -123_450],
    ['46,000.00 €', 4_600_000],
    ['1.234,56', 123_456],
    ['4 700 000 €', 470_000_000],
    ['10 000 000 000,00', 1_000_000_000_000],
    ['-10 000 000 000,00', -1_000_000_000_000],
    ['9 007 199 254,74', 900_719_925_474],
    ['-0,00', 0],
    ['007', 700],
  ])('%j → %i cents', (text, expected) => {
    const result = parseFrenchAmount(text);
    expect(result).toEqual({ ok: true, value: expected });
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false);
  });

  it.each<[string, string]>([
    ['1,234', 'montant illisible « 1,234 » : plus de deux décimales (centimes)'],
    ['1.234', 'montant illisible « 1.234 » : plus de deux décimales (centimes)'],
    ['12,005 €', 'montant illisible « 12,005 € » : plus de deux décimales (centimes)'],
    ['10 000 000 000,01', 'montant illisible « 10 000 000 000,01 » : hors limites'],
    ['70 %', 'montant illisible « 70 % »'],
    ['1 ETP', 'montant illisible « 1 ETP »'],
    ['12,5 k€', 'montant illisible « 12,5 k€ »'],
    ['abc', 'montant illisible « abc »'],
    ['', 'montant vide'],
  ])('refuses %j', (text, message) => {
    expect(parseFrenchAmount(text)).toEqual({ ok: false, message });
  });
});

describe('parsePercent', () => {
  it.each<[string, number]>([
    ['70 %', 7000],
    ['70%', 7000],
    ['72,5 %', 7250],
    ['72,55 %', 7255],
    ['72,500 %', 7250],
    ['0 %', 0],
    ['100 %', 10_000],
    ['150 %', 15_000],
    ['0,7', 7000],
    ['0.7', 7000],
    ['0,725', 7250],
    ['0,7255', 7255],
    ['1', 10_000],
    ['0', 0],
    ['70', 7000],
    ['72,5', 7250],
    ['1,5', 150],
  ])('%j → %i basis points', (text, expected) => {
    expect(parsePercent(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['-5 %', 'taux illisible « -5 % » : négatif'],
    ['72,555 %', 'taux illisible « 72,555 % » : plus fin que 0,01 %'],
    ['0,72555', 'taux illisible « 0,72555 » : plus fin que 0,01 %'],
    ['70 €', 'taux illisible « 70 € »'],
    ['soixante-dix', 'taux illisible « soixante-dix »'],
    ['', 'taux vide'],
  ])('refuses %j', (text, message) => {
    expect(parsePercent(text)).toEqual({ ok: false, message });
  });
});

describe('parseFte', () => {
  it.each<[string, number]>([
    ['1,00', 100],
    ['0,56', 56],
    ['0.4', 40],
    ['0,5', 50],
    ['1', 100],
    ['0', 0],
    ['1 ETP', 100],
    ['0,96 ETP', 96],
    ['1,000', 100],
    ['100', 10_000],
    ['100,00', 10_000],
  ])('%j → %i hundredths', (text, expected) => {
    expect(parseFte(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['-1', 'ETP illisible « -1 » : négatif'],
    ['0,555', 'ETP illisible « 0,555 » : plus de deux décimales'],
    ['100,01', 'ETP illisible « 100,01 » : plus de 100 ETP'],
    ['1 000', 'ETP illisible « 1 000 » : plus de 100 ETP'],
    ['50 %', 'ETP illisible « 50 % »'],
    ['1 €', 'ETP illisible « 1 € »'],
    ['un', 'ETP illisible « un »'],
    ['', 'ETP vide'],
  ])('refuses %j', (text, message) => {
    expect(parseFte(text)).toEqual({ ok: false, message });
  });
});

describe('excelSerialToIsoDate / isoDateToExcelSerial', () => {
  it.each<[number, string]>([
    [1, '1900-01-01'],
    [31, '1900-01-31'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [45658, '2025-01-01'],
    [46327, '2026-11-01'],
    [46691, '2027-10-31'],
    [2_958_465, '9999-12-31'],
  ])('serial %i is %s and back', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
    expect(isoDateToExcelSerial(iso)).toBe(serial);
  });

  it('ignores the time of day', () => {
    expect(excelSerialToIsoDate(46327.75)).toBe('2026-11-01');
  });

  it.each([0, -1, 60, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY])('serial %d has no date', (serial) => {
    expect(excelSerialToIsoDate(serial)).toBeUndefined();
  });

  it.each(['1900-02-29', '2026-02-30', '01/11/2026', '1899-12-31'])('%j has no serial', (iso) => {
    expect(isoDateToExcelSerial(iso)).toBeUndefined();
  });
});

describe('parseFrenchDate', () => {
  it.each<[string | number, string]>([
    ['01/11/2026', '2026-11-01'],
    ['1/11/2026', '2026-11-01'],
    ['01-11-2026', '2026-11-01'],
    ['01.11.2026', '2026-11-01'],
    [' 31/10/2027 ', '2027-10-31'],
    ['01/11/26', '2026-11-01'],
    ['2026-11-01', '2026-11-01'],
    ['2026/11/01', '2026-11-01'],
    ['2026-11-1', '2026-11-01'],
    ['01/11/2026 00:00', '2026-11-01'],
    ['01/11/2026 14:30:00', '2026-11-01'],
    ['2026-11-01T00:00:00', '2026-11-01'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2000', '2000-02-29'],
    [46327, '2026-11-01'],
    [46691, '2027-10-31'],
    ['46327', '2026-11-01'],
  ])('%j → %s', (input, expected) => {
    expect(parseFrenchDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each<string | number>([
    '31/02/2026',
    '29/02/2027',
    '29/02/2100',
    '00/11/2026',
    '32/01/2026',
    '01/13/2026',
    '01/11-2026',
    '2026-11-01Z',
    '2026-11-01T00:00:00Z',
    '01/11/202',
    '11/2026',
    '2026',
    'demain',
    '1er novembre 2026',
    60,
    0,
    -5,
  ])('refuses %j', (input) => {
    expect(parseFrenchDate(input)).toEqual({
      ok: false,
      message: `date illisible « ${String(input).trim()} »`,
    });
  });

  it('refuses an empty cell as empty', () => {
    expect(parseFrenchDate(' ')).toEqual({ ok: false, message: 'date vide' });
  });
});
