// The table is found under title rows, with one- or two-row headers, and rows that are not positions are left out.
import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../src/io/table/column-mapping';
import { findTable, ignoreReason, rankSheets } from '../../../src/io/table/find-table';
import type { CellValue, SheetData } from '../../../src/io/workbook-data';

const sheet = (name: string, rows: CellValue[][], merges: SheetData['merges'] = []): SheetData => ({
  name,
  rows,
  merges,
});
const HEADER = ['Structure', 'Département', 'Fonction', 'ETP', 'Coût annuel', 'Part État', 'Observations'];

describe('findTable', () => {
  it('skips title rows and finds the header row', () => {
    const t = findTable(
      sheet('Postes', [
        ['DREETS Bretagne — suivi AAP 2026'],
        [],
        ['Montants en euros'],
        HEADER,
        ['PLIE RENNES', '35', 'Facilitateur', '1,00', 42000, 29400, null],
      ]),
    )!;
    expect(t).toMatchObject({ headerRow: 3, headerRowCount: 1, headers: HEADER });
    expect(t.rows.map((r) => r.index)).toEqual([4]);
  });

  it('combines a group title over blank cells with the sub-titles below (no merged cells)', () => {
    const t = findTable(
      sheet('Postes', [
        ['Bénéficiaire', 'Qualité', 'ETP', 'Coût total', 'Part État', 'Cofinancements', null, null],
        [null, null, null, null, null, 'FSE+', 'Collectivités', 'Fonds propres'],
        ['PLIE', 'Facilitateur', 1, 40000, 28000, 6000, 6000, 0],
      ]),
    )!;
    expect(t.headerRowCount).toBe(2);
    expect(t.headers.slice(5)).toEqual([
      'Cofinancements — FSE+',
      'Cofinancements — Collectivités',
      'Cofinancements — Fonds propres',
    ]);
    expect(proposeMapping(t.headers).mapping.slice(5)).toEqual([
      'coFunding.esfPlus',
      'coFunding.localAuthority',
      'coFunding.ownFunds',
    ]);
  });

  it('does not take the first data row for a sub-header', () => {
    const t = findTable(
      sheet('Postes', [
        HEADER,
        ['PLIE RENNES', 'Ille-et-Vilaine', 'Facilitateur', '1,00', '42 000', '29 400'],
      ]),
    )!;
    expect(t.headerRowCount).toBe(1);
  });

  it('repeats a structure name merged over two data rows, not a merged amount', () => {
    const t = findTable(
      sheet(
        'Postes',
        [
          HEADER,
          ['NOVA EMPLOI', '31', 'Facilitateur', '1,00', 90000, 34560],
          [null, null, 'Coordinateur', '0,56', null, 18816],
        ],
        [
          { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
          { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } },
          { s: { r: 1, c: 4 }, e: { r: 2, c: 4 } },
        ],
      ),
    )!;
    expect(t.rows[1]?.cells).toEqual(['NOVA EMPLOI', '31', 'Coordinateur', '0,56', null, 18816]);
  });

  it('proposes no sheet when none has a structure and an amount column', () => {
    const wb = {
      fileName: 'x.xlsx',
      format: 'xlsx' as const,
      sheets: [sheet('Enveloppes', [['Région', 'Code région', 'Enveloppe']])],
    };
    expect(rankSheets(wb).some((c) => c.holdsPositions)).toBe(false);
  });
});

describe('ignoreReason', () => {
  const mapping = proposeMapping(HEADER).mapping;
  it.each<[CellValue[], string | null]>([
    [[], 'ligne vide'],
    [[null, '  ', null], 'ligne vide'],
    [['TOTAL', null, null, null, 316380, 222426], 'ligne de total (« TOTAL »)'],
    [['Total général', null, null, null, 316380], 'ligne de total (« Total général »)'],
    [['Sous-total Aude', null, null, null, 46000], 'sous-total (« Sous-total Aude »)'],
    [['Total Hérault', null, null, null, 94500], 'sous-total (« Total Hérault »)'],
    [[null, null, null, null, 316380, 222426, 'Total'], 'ligne de total (« Total »)'],
    [['Source : DREETS, tableau de suivi des conventions.'], 'note de bas de tableau'],
    [['(1) Montants prévisionnels'], 'note de bas de tableau'],
    [[null, null, null, null, null, null, 'à revoir'], 'note de bas de tableau'],
    [[null, '11', 'Facilitateur', '1,00'], 'ligne sans bénéficiaire ni montant'],
    [[null, '11', 'Facilitateur', '1,00', 40000], null],
    [['PLIE'], null],
    [['Totalement Insertion', '11', 'Facilitateur', 1, 40000, 28000], null],
  ])('%j → %s', (cells, reason) => {
    expect(ignoreReason(cells, mapping)).toBe(reason);
  });
});
