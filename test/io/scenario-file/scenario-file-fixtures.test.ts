// Every format version ever written stays readable: one committed fixture per version (test/fixtures), opened
// by today's code. The expected figures are written out here, not recomputed from today's demo, so a change
// of the demo data or of the writer cannot hide a broken reader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recompute } from '../../../src/domain/recompute';
import { readWorkbookBytes } from '../../../src/io/read/read-workbook';
import { readScenarioFile } from '../../../src/io/scenario-file/scenario-file-read';

function fixture(name: string) {
  const bytes = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
  const r = readScenarioFile(readWorkbookBytes(name, bytes));
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('scenario-v1.xlsx (format 1, planificateur 0.1.0)', () => {
  const opened = fixture('scenario-v1.xlsx');
  const { scenario } = opened;

  it('s’ouvre sans anomalie, au format 1', () => {
    expect(opened.diagnostics).toEqual([]);
    expect(opened.formatVersion).toBe(1);
    expect(opened.appVersion).toBe('0.1.0');
    expect(opened.exportedAt).toBe('2026-11-22T09:00:00.000Z');
  });

  it('rend le scénario de démonstration : nom, campagne, postes, structures, régions, totaux au centime', () => {
    expect(scenario).toMatchObject({
      id: 'demo-2026',
      name: 'Démonstration 2026',
      createdAt: '2026-11-20T08:00:00.000Z',
    });
    expect(scenario.campaign).toEqual({
      id: 'aap-2026',
      year: 2026,
      label: 'AAP PNAD clauses sociales d’insertion 2026',
      nationalEnvelope: 470_000_000,
      rules: {
        maxStateRate: 7000,
        minCoFundingRate: 3000,
        maxAllStateRate: 8000,
        allStateRateStatuses: [
          'collectiviteTerritoriale',
          'commune',
          'departement',
          'region',
          'collectiviteStatutParticulier',
          'epci',
        ],
        stateCeilingPerFte: null,
        minFtePerStructureRole: 50,
        maxConventionYears: 3,
      },
      defaultConventionStart: '2026-11-01',
      defaultConventionEnd: '2027-10-31',
      defaultPaymentSchedule: 'atSignature',
    });
    expect([scenario.positions.length, scenario.structures.length, scenario.regions.length]).toEqual([
      108, 99, 18,
    ]);
    const national = recompute(scenario).national;
    expect([national.envelope, national.allotted, national.committed]).toEqual([
      470_000_000, 439_000_000, 324_817_757,
    ]);
    expect(scenario.positions[0]).toEqual({
      id: 'occ-1',
      regionCode: '76',
      departmentCode: '11',
      structureId: 'st-conseil-departemental-de-l-aude',
      role: 'facilitateur',
      fte: 100,
      annualCost: 4_600_000,
      stateAmount: 3_220_000,
      coFundings: [
        { funder: 'État (autres crédits)', category: 'stateOther', amount: 500_000 },
        { funder: 'Collectivités', category: 'localAuthority', amount: 880_000 },
      ],
      cohort: 2022,
      conventionStart: '2026-11-01',
      conventionEnd: '2027-10-31',
      conventionYear: 1,
      paymentSchedule: 'atSignature',
      followUpService: 'DDETSPP 11',
      purpose: 'consolidation',
      whiteZone: false,
      notes: 'Politique de la ville en cofinancement État',
    });
    expect(scenario.structures[0]).toEqual({
      id: 'st-conseil-departemental-de-l-aude',
      name: "CONSEIL DEPARTEMENTAL DE L'AUDE",
      siret: '',
      legalStatus: 'departement',
      departmentCode: '11',
    });
    expect(scenario.regions.find((r) => r.regionCode === '76')).toEqual({
      regionCode: '76',
      envelope: 37_000_000,
      fteTarget: null,
    });
  });

  it('rend son journal', () => {
    expect(opened.changeLog).toEqual([
      expect.objectContaining({ batchId: 'lot-1', source: 'demo', entity: 'scenario', field: '*' }),
      {
        batchId: 'lot-2',
        at: '2026-11-21T14:30:00.000Z',
        who: 'Claire d’Occitanie',
        source: 'grid',
        entity: 'position',
        entityId: 'occ-2',
        field: 'stateAmount',
        oldValue: 2_900_000,
        newValue: 2_940_000,
        label: 'Modification d’une cellule',
      },
    ]);
  });
});
