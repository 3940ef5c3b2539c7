// parseCsv copies runs of characters with slices; it must split any text exactly as the plain character-by-character
// reading it replaced (kept here as the reference): quotes, doubled quotes, stray quotes, unclosed quotes, mixed
// line ends, `sep=` lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type Separator } from '../../../src/io/read/csv';

function referenceParse(text: string, separator: Separator): string[][] {
  const body = /^sep=.\r?\n/.test(text) ? text.slice(text.indexOf('\n') + 1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const pieces = fc.constantFrom(
  '"',
  '""',
  ';',
  ',',
  '\t',
  '\n',
  '\r',
  '\r\n',
  'a',
  'é',
  ' ',
  'sep=;\n',
  "'=1",
);
const texts = fc.array(pieces, { maxLength: 60 }).map((p) => p.join(''));

describe('parseCsv', () => {
  it.each([';', ',', '\t'] as const)(
    'splits any text as the character-by-character reading does (%j)',
    (separator) => {
      fc.assert(
        fc.property(texts, (text) => {
          expect(parseCsv(text, separator)).toEqual(referenceParse(text, separator));
        }),
        { numRuns: 2000 },
      );
    },
  );
});
