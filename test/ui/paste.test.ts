// Paste from Excel/LibreOffice: reading the clipboard table, mapping it from the focused cell, the French report.
import { describe, expect, it } from 'vitest';
import { mapBlock, parseClipboardTable, type PasteColumn } from '../../src/ui/grid/paste';
import { pasteReport } from '../../src/ui/grid/paste-report';
import { POSITION_COLUMNS } from '../../src/ui/grid/position-column-specs';

describe('parseClipboardTable', () => {
  const cases: [string, string, string[][]][] = [
    ['empty clipboard', '', []],
    ['one value, no line break', '31 500,50', [['31 500,50']]],
    ['French decimals and spaces kept as typed', '31 500,50\t70 %\r\n', [['31 500,50', '70 %']]],
    [
      'Excel block with CRLF and the trailing line break dropped',
      'a\tb\r\nc\td\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'LibreOffice block with LF',
      'a\tb\nc\td\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['old Mac CR line breaks', 'a\rb\r', [['a'], ['b']]],
    ['empty cells between tabs', '\t\tx\r\n', [['', '', 'x']]],
    ['blank row inside the block kept', 'a\r\n\r\nb\r\n', [['a'], [''], ['b']]],
    ['single empty cell copied', '\r\n', [['']]],
    [
      'quoted multi-line cell',
      '"ligne 1\r\nligne 2"\tx\r\ny\tz\r\n',
      [
        ['ligne 1\nligne 2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['quoted cell with a tab and doubled quotes', '"a\tb ""c"""\t1\n', [['a\tb "c"', '1']]],
    ['quote inside an unquoted cell is literal', 'Projet "JOP" 2030\t2\n', [['Projet "JOP" 2030', '2']]],
    ['opening quote not closing the cell is literal', '"JOP" d\'hiver\t3\n', [['"JOP" d\'hiver', '3']]],
    ['unterminated quote is literal', '"abc\tdef\n', [['"abc', 'def']]],
    ['ragged rows kept ragged', 'a\tb\tc\nd\ne\tf\n', [['a', 'b', 'c'], ['d'], ['e', 'f']]],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseClipboardTable(text)).toEqual(expected);
  });
});

describe('mapBlock', () => {
  const columns: PasteColumn[] = POSITION_COLUMNS.map((c) => ({
    colId: c.colId,
    header: c.header,
    field: c.field,
  }));
  const rows = ['p1', 'p2', 'p3'];

  it('fills right and down from the anchor cell', () => {
    const m = mapBlock(
      [
        ['50 000', '35 000'],
        ['60000', '36000'],
        ['31 500,50', '20000'],
      ],
      { rowId: 'p1', colId: 'annualCost' },
      columns,
      rows,
    );
    expect(m?.rows).toBe(3);
    expect(m?.columns).toBe(2);
    expect(m?.skipped).toEqual([]);
    expect(m?.cells).toEqual([
      { positionId: 'p1', field: 'annualCost', text: '50 000' },
      { positionId: 'p1', field: 'stateAmount', text: '35 000' },
      { positionId: 'p2', field: 'annualCost', text: '60000' },
      { positionId: 'p2', field: 'stateAmount', text: '36000' },
      { positionId: 'p3', field: 'annualCost', text: '31 500,50' },
      { positionId: 'p3', field: 'stateAmount', text: '20000' },
    ]);
  });

  it('skips computed columns and reports their non-empty values', () => {
    const m = mapBlock([['30 000', '72 %', '5 000']], { rowId: 'p2', colId: 'stateAmount' }, columns, rows);
    expect(m?.cells).toEqual([
      { positionId: 'p2', field: 'stateAmount', text: '30 000' },
      { positionId: 'p2', field: 'coFunding.stateOther', text: '5 000' },
    ]);
    expect(m?.skipped).toEqual([
      { rowId: 'p2', header: 'Taux État', text: '72 %', reason: 'colonne calculée, non modifiable' },
    ]);
  });

  it('ignores empty values over computed columns', () => {
    const m = mapBlock([['30 000', '', '5 000']], { rowId: 'p1', colId: 'stateAmount' }, columns, rows);
    expect(m?.skipped).toEqual([]);
    expect(m?.cells).toHaveLength(2);
  });

  it('reports rows past the last displayed row and columns past the last column', () => {
    const last = columns[columns.length - 1]?.colId ?? '';
    const m = mapBlock([['a', 'b'], ['c', ''], ['d']], { rowId: 'p2', colId: last }, columns, rows);
    expect(m?.cells).toEqual([
      { positionId: 'p2', field: 'notes', text: 'a' },
      { positionId: 'p3', field: 'notes', text: 'c' },
    ]);
    expect(m?.skipped.map((s) => [s.rowId, s.text, s.reason])).toEqual([
      ['p2', 'b', 'au-delà de la dernière colonne'],
      [null, 'd', 'au-delà de la dernière ligne affichée'],
    ]);
  });

  it('leaves cells after the end of a short row unchanged', () => {
    const m = mapBlock([['1', '2'], ['3']], { rowId: 'p1', colId: 'fte' }, columns, rows);
    expect(m?.columns).toBe(2);
    expect(m?.cells.map((c) => `${c.positionId}.${c.field}=${c.text}`)).toEqual([
      'p1.fte=1',
      'p1.annualCost=2',
      'p2.fte=3',
    ]);
  });

  it('follows the displayed order of rows and columns, not the data order', () => {
    const shown: PasteColumn[] = [columns[7], columns[5]].filter((c): c is PasteColumn => c !== undefined);
    const m = mapBlock(
      [
        ['1', '2'],
        ['3', '4'],
      ],
      { rowId: 'p3', colId: shown[0]?.colId ?? '' },
      shown,
      ['p3', 'p1'],
    );
    expect(m?.cells.map((c) => `${c.positionId}.${c.field}`)).toEqual([
      'p3.stateAmount',
      'p3.fte',
      'p1.stateAmount',
      'p1.fte',
    ]);
  });

  it('gives null when the anchor is not displayed', () => {
    expect(mapBlock([['1']], { rowId: 'gone', colId: 'fte' }, columns, rows)).toBeNull();
    expect(mapBlock([['1']], { rowId: 'p1', colId: 'hidden' }, columns, rows)).toBeNull();
  });
});

describe('pasteReport', () => {
  const rowLabel = (id: string) => ({ p1: 'PLIE TEST', p2: 'UD SIAE' })[id] ?? id;
  const headerOf = (field: string) => POSITION_COLUMNS.find((c) => c.colId === field)?.header ?? field;

  it('says `3 × 2 cellules collées` when every value was applied', () => {
    const mapping = { cells: [], skipped: [], rows: 3, columns: 2 };
    expect(pasteReport(mapping, { applied: 6, problems: [] }, rowLabel, headerOf)).toEqual({
      summary: '3 × 2 cellules collées',
      details: [],
      complete: true,
    });
  });

  it('lists unreadable values with the structure name and the column header', () => {
    const mapping = {
      cells: [],
      skipped: [
        { rowId: 'p1', header: 'Taux État', text: '72 %', reason: 'colonne calculée, non modifiable' },
      ],
      rows: 2,
      columns: 2,
    };
    const outcome = {
      applied: 2,
      problems: [
        {
          positionId: 'p2',
          field: 'stateAmount' as const,
          text: 'abc',
          message: 'montant illisible « abc »',
        },
      ],
    };
    const report = pasteReport(mapping, outcome, rowLabel, headerOf);
    expect(report.complete).toBe(false);
    expect(report.summary).toBe('2 cellules collées, 2 valeurs non collées :');
    expect(report.details).toEqual([
      'ligne « UD SIAE », colonne « Part État » : montant illisible « abc »',
      'ligne « PLIE TEST », colonne « Taux État » : colonne calculée, non modifiable',
    ]);
  });

  it('counts the lines beyond the first twenty', () => {
    const problems = Array.from({ length: 25 }, () => ({
      positionId: 'p1',
      field: 'fte' as const,
      text: 'x',
      message: 'ETP illisible « x »',
    }));
    const report = pasteReport(
      { cells: [], skipped: [], rows: 25, columns: 1 },
      { applied: 0, problems },
      rowLabel,
      headerOf,
    );
    expect(report.details).toHaveLength(21);
    expect(report.details[20]).toBe('… et 5 autres');
  });
});
