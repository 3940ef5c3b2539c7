import { describe, expect, it } from 'vitest';
import { parseFollowUpService, type FollowUpService } from '../../../src/domain/reference/follow-up';

describe('parseFollowUpService', () => {
  it.each<[string, FollowUpService]>([
    ['DDETS 30', { kind: 'DDETS', departmentCode: '30', regionCode: '76', label: 'DDETS 30' }],
    ['DDETSPP 11', { kind: 'DDETSPP', departmentCode: '11', regionCode: '76', label: 'DDETSPP 11' }],
    ['DDETS-PP 48', { kind: 'DDETSPP', departmentCode: '48', regionCode: '76', label: 'DDETSPP 48' }],
    ['DDETS PP 12', { kind: 'DDETSPP', departmentCode: '12', regionCode: '76', label: 'DDETSPP 12' }],
    ['ddets30', { kind: 'DDETS', departmentCode: '30', regionCode: '76', label: 'DDETS 30' }],
    ['  Ddets  31 ', { kind: 'DDETS', departmentCode: '31', regionCode: '76', label: 'DDETS 31' }],
    ['DDETS 2A', { kind: 'DDETS', departmentCode: '2A', regionCode: '94', label: 'DDETS 2A' }],
    ['ddets2b', { kind: 'DDETS', departmentCode: '2B', regionCode: '94', label: 'DDETS 2B' }],
    ['DDETS 9', { kind: 'DDETS', departmentCode: '09', regionCode: '76', label: 'DDETS 09' }],
    ["DDETS de l'Hérault", { kind: 'DDETS', departmentCode: '34', regionCode: '76', label: 'DDETS 34' }],
    ['DDETS Haute-Garonne', { kind: 'DDETS', departmentCode: '31', regionCode: '76', label: 'DDETS 31' }],
    ['DDETS', { kind: 'DDETS', departmentCode: null, regionCode: null, label: 'DDETS' }],
    ['DREETS', { kind: 'DREETS', departmentCode: null, regionCode: null, label: 'DREETS' }],
    ['dreets', { kind: 'DREETS', departmentCode: null, regionCode: null, label: 'DREETS' }],
    ['DREETS-', { kind: 'DREETS', departmentCode: null, regionCode: null, label: 'DREETS' }],
    [
      'DREETS Occitanie',
      { kind: 'DREETS', departmentCode: null, regionCode: '76', label: 'DREETS Occitanie' },
    ],
    [
      "DREETS d'Occitanie",
      { kind: 'DREETS', departmentCode: null, regionCode: '76', label: 'DREETS Occitanie' },
    ],
    ['DREETS 31', { kind: 'DREETS', departmentCode: '31', regionCode: '76', label: 'DREETS 31' }],
    ['DRIEETS', { kind: 'DRIEETS', departmentCode: null, regionCode: '11', label: 'DRIEETS' }],
    ['DRIEETS 93', { kind: 'DRIEETS', departmentCode: '93', regionCode: '11', label: 'DRIEETS 93' }],
    ['DEETS', { kind: 'DEETS', departmentCode: null, regionCode: null, label: 'DEETS' }],
    ['DEETS 974', { kind: 'DEETS', departmentCode: '974', regionCode: '04', label: 'DEETS 974' }],
    [
      'DEETS La Réunion',
      { kind: 'DEETS', departmentCode: null, regionCode: '04', label: 'DEETS La Réunion' },
    ],
    ['UD DREETS 31', { kind: 'UD', departmentCode: '31', regionCode: '76', label: 'UD DREETS 31' }],
    ['UD 93', { kind: 'UD', departmentCode: '93', regionCode: '11', label: 'UD DRIEETS 93' }],
    ['ud-drieets-75', { kind: 'UD', departmentCode: '75', regionCode: '11', label: 'UD DRIEETS 75' }],
    ['DIRECCTE', { kind: 'DIRECCTE', departmentCode: null, regionCode: null, label: 'DIRECCTE' }],
    ['DGEFP', { kind: 'DGEFP', departmentCode: null, regionCode: null, label: 'DGEFP' }],
  ])('%j', (text, expected) => {
    expect(parseFollowUpService(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'DDETS 20',
    'DDETS 99',
    'DDTES 30',
    'Préfecture',
    '30',
    'UD',
    'UD DDETS 31',
    'DRIEETS 31',
    'DRIEETS Occitanie',
    'DGEFP 30',
    'DDETS Aud',
    'DDETS 2 A',
  ])('%j is refused with a message naming it', (text) => {
    expect(parseFollowUpService(text)).toEqual({
      ok: false,
      message: `Service de suivi illisible : « ${text} »`,
    });
  });

  it.each(['', '   ', ' - '])('%j is refused as empty', (text) => {
    expect(parseFollowUpService(text)).toEqual({ ok: false, message: 'Service de suivi vide' });
  });
});
