// The eight Occitanie positions of the fixtures (structures and ETP from seeds/002, amounts fictitious).
import { eurosToCents } from '../money';
import { fte } from '../fte';
import type { CoFunding, LegalStatus, Position, Role, Structure } from '../types';

type Row = [
  id: string,
  structure: string,
  status: LegalStatus,
  department: string,
  followUp: string,
  role: Role,
  fteHundredths: number,
  cost: number,
  state: number,
  coFunding: [stateOther: number, esf: number, local: number, other: number],
  cohort: number,
  notes: string,
];

const ROWS: Row[] = [
  [
    'occ-1',
    "CONSEIL DEPARTEMENTAL DE L'AUDE",
    'departement',
    '11',
    'DDETSPP 11',
    'facilitateur',
    100,
    46_000,
    32_200,
    [5_000, 0, 8_800, 0],
    2022,
    'Politique de la ville en cofinancement État',
  ],
  [
    'occ-2',
    'UD SIAE',
    'association',
    '12',
    'DDETSPP 12',
    'facilitateur',
    100,
    42_000,
    29_400,
    [0, 8_400, 4_200, 0],
    2022,
    '',
  ],
  [
    'occ-3',
    'PLIE EST HERAULTAIS',
    'association',
    '34',
    'DDETS 30',
    'facilitateur',
    100,
    44_500,
    31_150,
    [0, 13_350, 0, 0],
    2022,
    '',
  ],
  [
    'occ-4',
    'NOVA EMPLOI',
    'association',
    '31',
    'DDETS 31',
    'facilitateur',
    100,
    48_000,
    34_560,
    [0, 0, 13_440, 0],
    2022,
    'Salaire revalorisé',
  ],
  [
    'occ-5',
    'MONTPELLIER MEDITERRANEE METROPOLE',
    'epci',
    '34',
    'DDETS 34',
    'facilitateur',
    100,
    50_000,
    35_000,
    [0, 0, 15_000, 0],
    2022,
    '',
  ],
  [
    'occ-6',
    'GE RSE BTP',
    'association',
    '66',
    'DDETS 66',
    'facilitateur',
    100,
    41_000,
    28_700,
    [0, 0, 0, 10_000],
    2022,
    'Cofinancement privé en attente',
  ],
  [
    'occ-7',
    'NOVA EMPLOI',
    'association',
    '31',
    'DREETS',
    'coordinateur',
    56,
    26_880,
    18_816,
    [0, 0, 8_064, 0],
    2022,
    'Coordination régionale',
  ],
  [
    'occ-8',
    'ASSOCIATION EXEMPLE LOZERE',
    'association',
    '48',
    'DDETSPP 48',
    'coordinateur',
    40,
    18_000,
    12_600,
    [0, 5_400, 0, 0],
    2026,
    'Nouvelle demande',
  ],
];

const FUNDERS: ReadonlyArray<Omit<CoFunding, 'amount'>> = [
  { funder: 'État (autres crédits)', category: 'stateOther' },
  { funder: 'FSE+', category: 'esfPlus' },
  { funder: 'Collectivités', category: 'localAuthority' },
  { funder: 'Autres (privés, fonds propres)', category: 'private' },
];

export function structureId(name: string): string {
  return (
    'st-' +
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  );
}

export function occitanieData(): { structures: Structure[]; positions: Position[] } {
  const structures = new Map<string, Structure>();
  const positions = ROWS.map((r): Position => {
    const [id, name, legalStatus, dep, followUp, role, h, cost, state, co, cohort, notes] = r;
    const sid = structureId(name);
    if (!structures.has(sid)) {
      structures.set(sid, { id: sid, name, siret: '', legalStatus, departmentCode: dep });
    }
    return {
      id,
      regionCode: '76',
      departmentCode: dep,
      structureId: sid,
      role,
      fte: fte(h),
      annualCost: eurosToCents(cost),
      stateAmount: eurosToCents(state),
      coFundings: FUNDERS.map((f, i) => ({ ...f, amount: eurosToCents(co[i] ?? 0) })).filter(
        (c) => c.amount !== 0,
      ),
      cohort,
      conventionStart: '2026-11-01',
      conventionEnd: '2027-10-31',
      conventionYear: 1,
      paymentSchedule: 'atSignature',
      followUpService: followUp,
      purpose: role === 'coordinateur' && cohort === 2026 ? 'newCoordination' : 'consolidation',
      whiteZone: false,
      notes,
    };
  });
  return { structures: [...structures.values()], positions };
}
