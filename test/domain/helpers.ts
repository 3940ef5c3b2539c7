// Builders for domain tests: a clean position and a scenario around given positions.
import { campaign2026, exampleRegionBudgets } from '../../src/domain/demo/campaign-2026';
import { occitanieData } from '../../src/domain/demo/occitanie';
import { fte } from '../../src/domain/fte';
import { eurosToCents } from '../../src/domain/money';
import type { Position, Scenario, Structure } from '../../src/domain/types';

export function position(overrides: Partial<Position> = {}): Position {
  return {
    id: 'p1',
    regionCode: '76',
    departmentCode: '31',
    structureId: 's1',
    role: 'facilitateur',
    fte: fte(100),
    annualCost: eurosToCents(40_000),
    stateAmount: eurosToCents(28_000),
    coFundings: [{ funder: 'Département', category: 'localAuthority', amount: eurosToCents(12_000) }],
    cohort: 2024,
    conventionStart: '2026-11-01',
    conventionEnd: '2027-10-31',
    conventionYear: 1,
    paymentSchedule: 'atSignature',
    followUpService: 'DDETS 31',
    purpose: 'ongoing',
    whiteZone: false,
    notes: '',
    ...overrides,
  };
}

export function structure(overrides: Partial<Structure> = {}): Structure {
  return {
    id: 's1',
    name: 'PLIE TEST',
    siret: '',
    legalStatus: 'association',
    departmentCode: '31',
    ...overrides,
  };
}

export function scenario(positions: Position[], structures: Structure[] = [structure()]): Scenario {
  return {
    id: 'sc',
    name: 'Test',
    campaign: campaign2026(),
    regions: exampleRegionBudgets(),
    structures,
    positions,
    createdAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
  };
}

/** Replace U+202F and U+00A0 by plain spaces, to compare French formatted text. */
export function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/** The eight Occitanie positions of test/fixtures as a scenario of the 2026 campaign with the example regions. */
export function occitanieScenario(): Scenario {
  const { structures, positions } = occitanieData();
  return { ...scenario(positions, structures), id: 'occ', name: 'Occitanie' };
}
