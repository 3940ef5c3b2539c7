import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, departmentByCode, findDepartment } from '../../../src/domain/reference/departments';
import { REGIONS } from '../../../src/domain/reference/regions';

const departmentsOfRegion = (regionCode: string) => DEPARTMENTS.filter((d) => d.regionCode === regionCode);

describe('DEPARTMENTS', () => {
  it('has exactly 101 departments with unique codes', () => {
    expect(DEPARTMENTS).toHaveLength(101);
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(101);
  });

  it('uses only official codes: 01…95 without 20, 2A, 2B, 971…974, 976', () => {
    const expected = [
      ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'),
      '2A',
      '2B',
      '971',
      '972',
      '973',
      '974',
      '976',
    ].sort();
    expect(DEPARTMENTS.map((d) => d.code).sort()).toEqual(expected);
  });

  it('puts every department in an existing region and every region has at least one', () => {
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    for (const d of DEPARTMENTS) expect(regionCodes.has(d.regionCode), d.code).toBe(true);
    for (const r of REGIONS) expect(departmentsOfRegion(r.code).length, r.name).toBeGreaterThanOrEqual(1);
  });

  it('gives Occitanie exactly its 13 departments', () => {
    expect(departmentsOfRegion('76').map((d) => d.code)).toEqual([
      '09',
      '11',
      '12',
      '30',
      '31',
      '32',
      '34',
      '46',
      '48',
      '65',
      '66',
      '81',
      '82',
    ]);
  });

  it.each([
    ['84', 12],
    ['27', 8],
    ['53', 4],
    ['24', 6],
    ['94', 2],
    ['44', 10],
    ['32', 5],
    ['11', 8],
    ['28', 5],
    ['75', 12],
    ['52', 5],
    ['93', 6],
    ['01', 1],
    ['04', 1],
    ['06', 1],
  ])('region %s has %i departments', (regionCode, count) => {
    expect(departmentsOfRegion(regionCode)).toHaveLength(count);
  });

  it.each([
    ['09', 'Ariège'],
    ['21', "Côte-d'Or"],
    ['22', "Côtes-d'Armor"],
    ['95', "Val-d'Oise"],
    ['2A', 'Corse-du-Sud'],
    ['90', 'Territoire de Belfort'],
    ['974', 'La Réunion'],
    ['48', 'Lozère'],
  ])('%s is named %s', (code, name) => {
    expect(departmentByCode(code)?.name).toBe(name);
  });
});

describe('departmentByCode', () => {
  it.each([
    ['01', '01'],
    ['1', '01'],
    ['9', '09'],
    ['2a', '2A'],
    ['2B', '2B'],
    [' 31 ', '31'],
    ['976', '976'],
  ])('%j → %s', (code, expected) => {
    expect(departmentByCode(code)?.code).toBe(expected);
  });

  it.each(['20', '00', '96', '975', '977', '2C', '', '001', 'Aude'])('%j → undefined', (code) => {
    expect(departmentByCode(code)).toBeUndefined();
  });
});

describe('findDepartment', () => {
  it.each([
    ['11', '11'],
    ['Aude', '11'],
    ['AUDE', '11'],
    ['11 - Aude', '11'],
    ['Aude (11)', '11'],
    ['Aude - 11', '11'],
    ['ariege', '09'],
    ['Côtes d’Armor', '22'],
    ["cotes-d'armor", '22'],
    ['Cotes d Armor', '22'],
    ["Val d'Oise", '95'],
    ['VAL D’OISE', '95'],
    ['haute garonne', '31'],
    ['Seine-St-Denis', '93'],
    ['seine saint denis', '93'],
    ['Corse du Sud', '2A'],
    ['2A - Corse-du-Sud', '2A'],
    ['Haute-Corse (2B)', '2B'],
    ['Réunion', '974'],
    ['974 La Réunion', '974'],
    ['Territoire-de-Belfort', '90'],
    ['Lozère', '48'],
    ['Loire', '42'],
    ['Haute-Loire', '43'],
  ])('%j → %s', (text, code) => {
    expect(findDepartment(text)?.code).toBe(code);
  });

  it.each(['', '20', 'Occitanie', 'Corse', '11 - Gard', 'Gard (11)', 'Aud', '2 A'])(
    '%j → undefined',
    (text) => {
      expect(findDepartment(text)).toBeUndefined();
    },
  );
});
