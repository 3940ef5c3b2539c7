// A number typed in a grid filter goes through the one French reader: thousands dots read, an ambiguous dot ignored.
import { describe, expect, it } from 'vitest';
import { parseFilterNumber } from '../../src/ui/grid/column-kinds';

describe('parseFilterNumber', () => {
  it.each<[string | null, number | null]>([
    ['31 500,50', 31_500.5],
    ['1.234.567,5', 1_234_567.5],
    ['1.000,00 €', 1000],
    ['70 %', 70],
    // « 31.500 » could be 31 500 or 31,5: the filter ignores it rather than filter on 31,5.
    ['31.500', null],
    ['1.000', null],
    ['', null],
    [null, null],
  ])('%j → %j', (text, expected) => {
    expect(parseFilterNumber(text)).toBe(expected);
  });
});
