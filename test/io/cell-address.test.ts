// Column letters as spreadsheets show them.
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../src/io/cell-address';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [255, 'IV'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('%i → %s', (index, letters) => expect(columnLetter(index)).toBe(letters));
});
