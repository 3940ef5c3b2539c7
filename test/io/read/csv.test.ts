// CSV text as offices save it: encodings, separators, quotes.
import { describe, expect, it } from 'vitest';
import { decodeText, detectSeparator, parseCsv } from '../../../src/io/read/csv';

describe('decodeText', () => {
  it.each([
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x3b, 0x41], 'é;A', 'utf-8'],
    ['UTF-8 without BOM', [0x43, 0x6f, 0xc3, 0xbb, 0x74], 'Coût', 'utf-8'],
    ['Windows-1252 (invalid UTF-8)', [0x43, 0x6f, 0xfb, 0x74, 0x20, 0x80], 'Coût €', 'windows-1252'],
    ['Windows-1252 apostrophe and œ', [0x92, 0x9c], '’œ', 'windows-1252'],
    ['UTF-16 LE with BOM', [0xff, 0xfe, 0xe9, 0x00, 0x09, 0x00], 'é\t', 'utf-16le'],
  ])('%s', (_what, bytes, text, encoding) => {
    expect(decodeText(Uint8Array.from(bytes))).toEqual({ text, encoding });
  });
});

describe('detectSeparator', () => {
  it.each([
    ['a;b;c\r\n1;2;3\r\n', ';'],
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['Structure;Coût\nX;46000,00\nY;1,5\n', ';'],
    ['Structure,Coût\n"A; B",3\n"C; D",4\n', ','],
    ['sep=,\na;b,c\n', ','],
    ['Nom\nA\n', ';'],
  ])('%j → %j', (text, separator) => {
    expect(detectSeparator(text)).toBe(separator);
  });
});

describe('parseCsv', () => {
  it('reads RFC 4180 quotes, doubled quotes, separators and line breaks inside quotes', () => {
    const text = 'Nom;Note\r\n"A; B";"dit ""oui"""\r\n"ligne 1\nligne 2";\r\n';
    expect(parseCsv(text, ';')).toEqual([
      ['Nom', 'Note'],
      ['A; B', 'dit "oui"'],
      ['ligne 1\nligne 2', ''],
    ]);
  });

  it('accepts LF, CR and a missing final line break', () => {
    expect(parseCsv('a;b\rc;d\ne;f', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('drops a leading sep= line', () => {
    expect(parseCsv('sep=;\na;b\n')).toEqual([['a', 'b']]);
  });
});
