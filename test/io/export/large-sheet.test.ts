// Regression: a sheet of more than 100 000 rows is built without overflowing the call stack (the export of
// 100 000 positions used to fail on `Math.max(...rows)`).
import { describe, expect, it } from 'vitest';
import { sheet, text } from '../../../src/io/export/export-cells';

describe('sheet of 150 000 rows', () => {
  it('is built, with its full range', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [text(`p${i}`), text('x')]);
    const ws = sheet(rows, [10, 10]);
    expect(ws['!ref']).toBe('A1:B150000');
  });
});
