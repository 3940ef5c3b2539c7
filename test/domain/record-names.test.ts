// Names people read for records and coded values: never an id alone.
import { describe, expect, it } from 'vitest';
import type { ChangeRow } from '../../src/domain/change-log';
import { conflictPositionNames, findConflicts } from '../../src/domain/consolidation';
import { eurosToCents as e } from '../../src/domain/money';
import { fte } from '../../src/domain/fte';
import {
  describeChangeSubject,
  describeFieldValue,
  describePosition,
  describeStructure,
  journalNames,
  regionName,
} from '../../src/domain/record-names';
import { compareScenarios } from '../../src/domain/scenario-diff';
import { recompute } from '../../src/domain/recompute';
import { plain, position, scenario, structure } from './helpers';

const NOVA = structure({ id: 'st-nova', name: 'NOVA EMPLOI' });
const structures = new Map([[NOVA.id, NOVA]]);
const ID = /\b(pos|st|sc|occ|gen)-[0-9a-z]+/;

describe('describePosition', () => {
  it.each([
    [
      'structure, role, department',
      { structureId: 'st-nova', role: 'coordinateur', departmentCode: '31' },
      'NOVA EMPLOI — coordinateur (31 – Haute-Garonne)',
    ],
    [
      'no department: the region',
      { structureId: 'st-nova', departmentCode: '', regionCode: '76' },
      'NOVA EMPLOI — facilitateur (Occitanie)',
    ],
    [
      'Corsica',
      { structureId: 'st-nova', departmentCode: '2A', regionCode: '94' },
      'NOVA EMPLOI — facilitateur (2A – Corse-du-Sud)',
    ],
    [
      'no structure yet',
      { structureId: '', departmentCode: '', regionCode: '11' },
      'poste sans structure — facilitateur (Île-de-France)',
    ],
    [
      'structure missing',
      { structureId: 'st-gone' },
      'structure inconnue — facilitateur (31 – Haute-Garonne)',
    ],
  ] as const)('%s', (_, overrides, expected) => {
    expect(describePosition(position(overrides), structures)).toBe(expected);
  });
});

describe('describeStructure and regionName', () => {
  it.each([
    [describeStructure(NOVA, NOVA.id), 'NOVA EMPLOI'],
    [describeStructure({ name: '  ' }, 'st-x'), 'structure sans nom'],
    [describeStructure(undefined, 'st-x'), 'structure introuvable (identifiant st-x)'],
    [describeStructure(undefined, ''), 'structure non renseignée'],
    [regionName('76'), 'Occitanie'],
    [regionName('01'), 'Guadeloupe'],
    [regionName('99'), 'région 99'],
    [regionName(''), 'région non renseignée'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('describeFieldValue', () => {
  it.each([
    ['paymentSchedule', 'atSignature', '100 % à la signature'],
    ['paymentSchedule', 'advanceAndBalance', '50 % avance + 50 % solde'],
    ['defaultPaymentSchedule', 'advanceAndBalance', '50 % avance + 50 % solde'],
    ['role', 'coordinateur', 'Coordinateur'],
    ['legalStatus', 'epci', 'Groupement de collectivités (EPCI, métropole, syndicat)'],
    ['purpose', 'largeProject', 'Grand projet'],
    ['regionCode', '76', 'Occitanie'],
    ['departmentCode', '31', '31 – Haute-Garonne'],
    ['structureId', 'st-nova', 'NOVA EMPLOI'],
    ['structureId', 'st-gone', 'structure introuvable (identifiant st-gone)'],
    ['stateAmount', 2_840_000, '28 400,00 €'],
    ['fte', 50, '0,50'],
    ['whiteZone', true, 'oui'],
    ['notes', 'revu', 'revu'],
    ['notes', null, '—'],
    ['*', { id: 'occ-1' }, 'enregistrement'],
    [
      'allStateRateStatuses',
      ['commune', 'epci'],
      'Commune, Groupement de collectivités (EPCI, métropole, syndicat)',
    ],
    [
      'coFundings',
      [
        { funder: 'Département', category: 'localAuthority', amount: e(8_800) },
        { funder: '', category: 'esfPlus', amount: e(1_000) },
      ],
      'Département (Collectivités) 8 800,00 € ; FSE+ 1 000,00 €',
    ],
    ['coFundings', [], 'aucun'],
  ])('%s %j', (field, value, expected) => {
    expect(plain(describeFieldValue(field, value, structures))).toBe(plain(expected));
  });
});

const row = (over: Partial<ChangeRow>): ChangeRow => ({
  scenarioId: 'sc',
  batchId: 'b',
  at: '2026-11-22T00:00:00.000Z',
  who: 'Camille',
  source: 'grid',
  entity: 'position',
  entityId: 'occ-5',
  field: 'stateAmount',
  oldValue: 1,
  newValue: 2,
  label: 'Modification d’une cellule',
  ...over,
});

describe('journal names', () => {
  const shown = scenario([position({ id: 'occ-5', structureId: 'st-nova', role: 'coordinateur' })], [NOVA]);
  const deleted = position({ id: 'pos-ec7d5477495a64ea', structureId: 'st-old', departmentCode: '11' });
  const rows = [
    row({ entityId: 'pos-ec7d5477495a64ea', field: '*', oldValue: deleted, newValue: null }),
    row({ entityId: 'pos-ec7d5477495a64ea', field: 'notes', oldValue: '', newValue: 'vu' }),
    row({
      entity: 'structure',
      entityId: 'st-old',
      field: '*',
      oldValue: null,
      newValue: structure({ id: 'st-old', name: 'UD SIAE' }),
    }),
    row({ entity: 'structure', entityId: 'st-renamed', field: 'name', oldValue: 'A', newValue: 'B' }),
    row({ entityId: 'occ-5' }),
  ];
  const names = journalNames(shown, rows);

  it.each([
    [{ entity: 'position', entityId: 'occ-5' }, 'NOVA EMPLOI — coordinateur (31 – Haute-Garonne)'],
    [{ entity: 'position', entityId: 'pos-ec7d5477495a64ea' }, 'UD SIAE — facilitateur (11 – Aude)'],
    [{ entity: 'position', entityId: 'pos-unknown' }, 'poste supprimé (identifiant pos-unknown)'],
    [{ entity: 'structure', entityId: 'st-nova' }, 'NOVA EMPLOI'],
    [{ entity: 'structure', entityId: 'st-old' }, 'UD SIAE'],
    [{ entity: 'structure', entityId: 'st-renamed' }, 'B'],
    [{ entity: 'region', entityId: '76' }, 'Occitanie'],
    [{ entity: 'campaign', entityId: 'aap-2026' }, 'Campagne 2026'],
    [{ entity: 'scenario', entityId: 'sc' }, 'Scénario « Test »'],
  ] as const)('%j', (subject, expected) => {
    expect(describeChangeSubject(subject, names)).toBe(expected);
  });

  it('names a structure in a structureId value from the rows when it left the scenario', () => {
    expect(describeFieldValue('structureId', 'st-old', names.structures)).toBe('UD SIAE');
  });
});

describe('names in the comparison and the consolidation', () => {
  it('names every position listed, with no id', () => {
    const a = scenario([position({ id: 'pos-a1' }), position({ id: 'pos-a2', departmentCode: '11' })]);
    const b = scenario([
      position({ id: 'pos-a1', fte: fte(50) }),
      position({ id: 'pos-b3', role: 'coordinateur' }),
    ]);
    const c = compareScenarios(a, b, recompute(a), recompute(b));
    expect([...c.names.values()]).toEqual([
      'PLIE TEST — coordinateur (31 – Haute-Garonne)',
      'PLIE TEST — facilitateur (11 – Aude)',
      'PLIE TEST — facilitateur (31 – Haute-Garonne)',
    ]);
    for (const name of c.names.values()) expect(name).not.toMatch(ID);
  });

  it('names each position conflict by the first file holding it', () => {
    const s = scenario([position({ id: 'pos-a96abe' })]);
    const inputs = [
      { fileName: 'a.xlsx', scenario: s },
      { fileName: 'b.xlsx', scenario: s },
    ];
    const conflicts = findConflicts(inputs, new Map([['region:76', { keep: 'all' as const }]]));
    const names = conflictPositionNames(inputs, conflicts);
    expect([...names]).toEqual([['position:pos-a96abe', 'PLIE TEST — facilitateur (31 – Haute-Garonne)']]);
    expect(
      conflictPositionNames(
        inputs,
        conflicts.filter((c) => c.kind === 'region'),
      ),
    ).toEqual(new Map());
  });
});
