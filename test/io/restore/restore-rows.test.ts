// Mapped rows become typed positions and structures; what cannot be read is named by sheet, row and column.
import { describe, expect, it } from 'vitest';
import { campaign2026 } from '../../../src/domain/demo/campaign-2026';
import { proposeMapping } from '../../../src/io/table/column-mapping';
import { formatDiagnostic } from '../../../src/io/restore/diagnostics';
import { findTable } from '../../../src/io/table/find-table';
import { restoreRows, type RestoredRows } from '../../../src/io/restore/restore-rows';
import type { CellValue } from '../../../src/io/workbook-data';
import { idMaker } from '../helpers';

const HEADER = [
  'Structure',
  'Département',
  'Fonction',
  'ETP',
  'Statut',
  'Suivi',
  'Coût annuel',
  'Part État',
  'Cofinancement',
  'Financeur',
  'Début convention',
  'Observations',
];
//               A            B              C           D      E         F        G              H            I                J            K                   L

function restore(rows: CellValue[][], options: { defaultRegionCode?: string } = {}): RestoredRows {
  const table = findTable({ name: 'Postes', rows: [HEADER, ...rows], merges: [] })!;
  return restoreRows(table, proposeMapping(table.headers).mapping, {
    campaign: campaign2026(),
    newId: idMaker(),
    ...options,
  });
}

const row = (overrides: Record<number, CellValue> = {}): CellValue[] => {
  const base: CellValue[] = [
    'PLIE TEST',
    '31',
    'Facilitateur',
    '1,00',
    'Association',
    'DDETS 31',
    40000,
    28000,
    12000,
    'Conseil départemental',
    46327,
    null,
  ];
  for (const [k, v] of Object.entries(overrides)) base[Number(k)] = v;
  return base;
};

describe('restoreRows', () => {
  it('names an unreadable amount by sheet, row and column, and keeps the row out', () => {
    const rows = [...Array.from({ length: 12 }, (_, i) => row({ 0: `PLIE ${i}` })), row({ 6: '12,5 k€' })];
    const r = restore(rows);
    expect(r.positions).toHaveLength(12);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'Feuille « Postes », ligne 14, colonne G : montant illisible « 12,5 k€ »',
    ]);
    expect(r.diagnostics[0]).toMatchObject({ row: 14, column: 'G', field: 'annualCost', severity: 'error' });
  });

  it.each<[string, CellValue, number]>([
    ['a number of euros', 31500.1, 3_150_010],
    ['French text with spaces and €', '31 500,10 €', 3_150_010],
    ['narrow no-break spaces', '31\u202f500,10\u00a0€', 3_150_010],
    ['a formula result with float noise', 32199.999999999996, 3_220_000],
  ])('reads an amount from %s', (_what, value, cents) => {
    expect(restore([row({ 6: value })]).positions[0]?.annualCost).toBe(cents);
  });

  it.each<[string, CellValue, string]>([
    ['negative', -5, 'montant négatif « -5 »'],
    ['a percentage', '70 %', 'montant illisible « 70 % »'],
    ['thousands', '12,5 k€', 'montant illisible « 12,5 k€ »'],
  ])('refuses a %s amount', (_what, value, message) => {
    const r = restore([row({ 7: value })]);
    expect(r.positions).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ column: 'H', message, severity: 'error' });
  });

  it('rounds an amount with fractions of a cent to the cent and says so', () => {
    const r = restore([row({ 6: 12.345 })]);
    expect(r.positions[0]?.annualCost).toBe(1235);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'warning',
      message: 'montant « 12,345 » arrondi au centime',
    });
  });

  it.each<[CellValue, number]>([
    ['1,00', 100],
    ['0,56', 56],
    [0.4, 40],
    ['1 ETP', 100],
  ])('reads ETP %j', (value, fte) => {
    expect(restore([row({ 3: value })]).positions[0]?.fte).toBe(fte);
  });

  it.each<[CellValue, string | null]>([
    [46327, '2026-11-01'],
    ['2026-11-01', '2026-11-01'],
    ['01/11/2026', '2026-11-01'],
    ['1/11/26', '2026-11-01'],
    [null, null],
  ])('reads the date %j', (value, iso) => {
    expect(restore([row({ 10: value })]).positions[0]?.conventionStart).toBe(iso);
  });

  it.each<[CellValue, string, string]>([
    [11, '11', '76'],
    [1, '01', '84'],
    ['Aude', '11', '76'],
    ["Côtes-d'Armor", '22', '53'],
    ['Cotes d’Armor', '22', '53'],
    ["Val-d'Oise", '95', '11'],
    ['2A', '2A', '94'],
    ['La Réunion', '974', '04'],
    ['34 - Hérault', '34', '76'],
  ])('reads the department %j and its region', (value, departmentCode, regionCode) => {
    expect(restore([row({ 1: value })]).positions[0]).toMatchObject({ departmentCode, regionCode });
  });

  it('refuses an unknown department without a region, and uses a default region when given', () => {
    expect(restore([row({ 1: 'Atlantide' })]).diagnostics[0]).toMatchObject({
      column: 'B',
      message: 'département inconnu « Atlantide »',
    });
    const r = restore([row({ 1: null })], { defaultRegionCode: '53' });
    expect(r.positions[0]).toMatchObject({ regionCode: '53', departmentCode: '' });
  });

  it.each([
    ['facilitatrice', 'facilitateur'],
    ['COORDINATION RÉGIONALE', 'coordinateur'],
    ['Coordinatrice', 'coordinateur'],
  ])('reads the role %j', (text, role) => {
    expect(restore([row({ 2: text })]).positions[0]?.role).toBe(role);
  });

  it.each([
    ['Association loi 1901', 'association'],
    ['Commune', 'commune'],
    ['Conseil départemental', 'departement'],
    ['GIP', 'gip'],
    ['EPCI', 'epci'],
    ['Collectivité territoriale', 'collectiviteTerritoriale'],
  ])('reads the legal status %j', (text, status) => {
    expect(restore([row({ 4: text })]).structures[0]?.legalStatus).toBe(status);
  });

  it('keeps names and notes that look like formulas as plain text', () => {
    const names = ['=HYPERLINK("http://x.test","clic")', '+33 EMPLOI', '-1+1', '@SUM(A1:A2)'];
    const r = restore(names.map((name, i) => row({ 0: name, 1: String(31 + i), 11: name })));
    expect(r.structures.map((s) => s.name)).toEqual(names);
    expect(r.positions.map((p) => p.notes)).toEqual(names);
  });

  it('reads a single co-funding column with its funder column', () => {
    const r = restore([
      row(),
      row({ 0: 'B', 8: '5 400,00', 9: 'FSE+' }),
      row({ 0: 'C', 8: 1000, 9: 'Entreprise Dupont' }),
    ]);
    expect(r.positions.map((p) => p.coFundings)).toEqual([
      [{ funder: 'Conseil départemental', category: 'localAuthority', amount: 1_200_000 }],
      [{ funder: 'FSE+', category: 'esfPlus', amount: 540_000 }],
      [{ funder: 'Entreprise Dupont', category: 'private', amount: 100_000 }],
    ]);
    expect(r.diagnostics[0]).toMatchObject({
      row: 4,
      message: 'catégorie de financeur inconnue « Entreprise Dupont » : classé en « privés »',
    });
  });

  it('merges a structure written twice (case and accents aside) in the same department', () => {
    const r = restore([
      row({ 0: 'Nova Emploi' }),
      row({ 0: 'NOVA EMPLOI', 2: 'Coordinateur' }),
      row({ 0: 'NOVA EMPLOI', 1: '12' }),
    ]);
    expect(r.structures.map((s) => [s.name, s.departmentCode])).toEqual([
      ['Nova Emploi', '31'],
      ['NOVA EMPLOI', '12'],
    ]);
    expect(r.positions[0]?.structureId).toBe(r.positions[1]?.structureId);
  });

  it('lists a row without structure name', () => {
    const r = restore([row({ 0: null })]);
    expect(r.positions).toEqual([]);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'Feuille « Postes », ligne 2, colonne A : bénéficiaire (structure) vide',
    ]);
  });
});
