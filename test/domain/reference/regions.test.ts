import { describe, expect, it } from 'vitest';
import {
  REGIONS,
  findRegion,
  referenceKey,
  regionByCode,
  splitCodeAndName,
} from '../../../src/domain/reference/regions';

describe('REGIONS', () => {
  it('lists the 18 regions in the DGEFP workbook order with their INSEE codes', () => {
    expect(REGIONS.map((r) => `${r.code} ${r.name}`)).toEqual([
      '84 Auvergne-Rhône-Alpes',
      '27 Bourgogne-Franche-Comté',
      '53 Bretagne',
      '24 Centre-Val de Loire',
      '94 Corse',
      '44 Grand Est',
      '32 Hauts-de-France',
      '11 Île-de-France',
      '28 Normandie',
      '75 Nouvelle-Aquitaine',
      '76 Occitanie',
      '52 Pays de la Loire',
      "93 Provence-Alpes-Côte d'Azur",
      '01 Guadeloupe',
      '02 Martinique',
      '03 Guyane',
      '04 La Réunion',
      '06 Mayotte',
    ]);
  });

  it('has unique codes', () => {
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(18);
  });
});

describe('regionByCode', () => {
  it.each([
    ['76', 'Occitanie'],
    ['01', 'Guadeloupe'],
    ['1', 'Guadeloupe'],
    [' 11 ', 'Île-de-France'],
    ['06', 'Mayotte'],
  ])('%j → %s', (code, name) => {
    expect(regionByCode(code)?.name).toBe(name);
  });

  it.each(['05', '00', '976', '', 'Occitanie'])('%j → undefined', (code) => {
    expect(regionByCode(code)).toBeUndefined();
  });
});

describe('findRegion', () => {
  it.each([
    ['76', '76'],
    ['Occitanie', '76'],
    ['OCCITANIE', '76'],
    ['ile de france', '11'],
    ['Ile-de-France', '11'],
    ['IDF', '11'],
    ['PACA', '93'],
    ['Provence Alpes Cote d’Azur', '93'],
    ["provence-alpes-côte-d'azur", '93'],
    ['Région Sud', '93'],
    ['Réunion', '04'],
    ['la reunion', '04'],
    ['La Réunion', '04'],
    ['auvergne rhone alpes', '84'],
    ['AURA', '84'],
    ['Centre - Val de Loire', '24'],
    ['centre val de loire', '24'],
    ['Pays-de-la-Loire', '52'],
    ['Région Occitanie', '76'],
    ['76 - Occitanie', '76'],
    ['Occitanie (76)', '76'],
    ['grand-est', '44'],
  ])('%j → %s', (text, code) => {
    expect(findRegion(text)?.code).toBe(code);
  });

  it.each(['', 'Languedoc-Roussillon', 'Midi', '77', '11 - Occitanie', 'Occitanie (11)', 'Aude'])(
    '%j → undefined',
    (text) => {
      expect(findRegion(text)).toBeUndefined();
    },
  );
});

describe('referenceKey', () => {
  it.each([
    ['Côtes-d’Armor', 'cotesdarmor'],
    ["cotes d'armor", 'cotesdarmor'],
    ['COTES DARMOR', 'cotesdarmor'],
    ['Seine-St-Denis', 'seinesaintdenis'],
    ['  Île-de-France ', 'iledefrance'],
  ])('%j → %s', (text, key) => {
    expect(referenceKey(text)).toBe(key);
  });
});

describe('splitCodeAndName', () => {
  const code = '2[AB]|97[1-6]|\\d{1,2}';
  it.each([
    ['11 - Aude', { code: '11', name: 'Aude' }],
    ['11 Aude', { code: '11', name: 'Aude' }],
    ['11: Aude', { code: '11', name: 'Aude' }],
    ['Aude (11)', { code: '11', name: 'Aude' }],
    ['Aude - 11', { code: '11', name: 'Aude' }],
    ['Aude 11', { code: '11', name: 'Aude' }],
    ['2A Corse-du-Sud', { code: '2A', name: 'Corse-du-Sud' }],
    ['Corse-du-Sud (2a)', { code: '2a', name: 'Corse-du-Sud' }],
    ['974 - La Réunion', { code: '974', name: 'La Réunion' }],
  ])('%j', (text, expected) => {
    expect(splitCodeAndName(text, code)).toEqual(expected);
  });

  it.each(['Aude', '11', 'Alpes-de-Haute-Provence'])('%j has no code and name', (text) => {
    expect(splitCodeAndName(text, code)).toBeUndefined();
  });
});
