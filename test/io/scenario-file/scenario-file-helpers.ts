// Builders for scenario-file tests: a scenario with every kind of value a file must carry, a change log with
// awkward values, and save/open helpers going through real bytes.
import { fte } from '../../../src/domain/fte';
import type { Cents } from '../../../src/domain/money';
import { recompute } from '../../../src/domain/recompute';
import type { Scenario } from '../../../src/domain/types';
import { readWorkbookBytes } from '../../../src/io/read/read-workbook';
import { buildScenarioFile } from '../../../src/io/scenario-file/scenario-file-write';
import type { JournalEntry } from '../../../src/io/scenario-file/scenario-file-format';
import type { WorkbookData } from '../../../src/io/workbook-data';
import { trickyScenario } from '../tricky-scenario';

export const SAVED_AT = '2026-11-22T10:15:30.123Z';

/** The tricky demo with non-default campaign parameters, odd cents, ETP targets and an unused structure. */
export function richScenario(): Scenario {
  const s = trickyScenario();
  return {
    ...s,
    id: 'sc-riche',
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-11-21T17:45:12.345Z',
    campaign: {
      ...s.campaign,
      label: "AAP l'insertion « 2026 » — Côte-d’Or",
      nationalEnvelope: 470_000_001 as Cents,
      rules: {
        maxStateRate: 7250,
        minCoFundingRate: 2750,
        maxAllStateRate: 8125,
        allStateRateStatuses: ['commune', 'epci'],
        stateCeilingPerFte: 3_512_345 as Cents,
        minFtePerStructureRole: fte(40),
        maxConventionYears: 4,
      },
      defaultConventionStart: '2026-12-01',
      defaultConventionEnd: '2027-11-30',
      defaultPaymentSchedule: 'advanceAndBalance',
    },
    regions: s.regions.map((r, i) => ({
      ...r,
      envelope: (r.envelope + i * 7 + 1) as Cents,
      fteTarget: i === 0 ? fte(1250) : i === 3 ? fte(5) : null,
    })),
    structures: [
      ...s.structures,
      {
        id: 'st-orpheline',
        name: 'Structure sans poste d’Aude',
        siret: '',
        legalStatus: 'gip',
        departmentCode: '11',
      },
    ],
  };
}

export function sampleJournal(): JournalEntry[] {
  return [
    {
      batchId: 'b-1',
      at: '2026-10-01T08:00:00.000Z',
      who: 'Système',
      source: 'demo',
      entity: 'scenario',
      entityId: 'sc-riche',
      field: '*',
      oldValue: null,
      newValue: { id: 'sc-riche', name: "Démo l'Aude « test »", positionCount: 12 },
      label: 'Données de démonstration',
    },
    {
      batchId: 'b-2',
      at: '2026-11-20T09:30:00.000Z',
      who: 'Anne-Laure d’Orléans',
      source: 'grid',
      entity: 'position',
      entityId: 'occ-2',
      field: 'stateAmount',
      oldValue: 2_940_000,
      newValue: 2_900_050,
      label: 'Modification d’une cellule',
    },
    {
      batchId: 'b-3',
      at: '2026-11-21T17:45:12.345Z',
      who: 'Jean "JJ" Dupont',
      source: 'paste',
      entity: 'position',
      entityId: 'occ-3',
      field: 'coFundings',
      oldValue: [{ funder: 'FSE+', category: 'esfPlus', amount: 1 }],
      newValue: [],
      label: 'Collage de 2 cellules',
    },
    {
      batchId: 'b-3',
      at: '2026-11-21T17:45:12.345Z',
      who: 'Jean "JJ" Dupont',
      source: 'paste',
      entity: 'position',
      entityId: 'occ-3',
      field: 'notes',
      oldValue: '=HYPERLINK("x")',
      newValue: 'Ligne 1\nLigne 2 ; « guillemets »',
      label: 'Collage de 2 cellules',
    },
  ];
}

export async function saveBytes(s: Scenario, journal: readonly JournalEntry[] = []): Promise<Uint8Array> {
  return new Uint8Array(
    await buildScenarioFile(s, recompute(s), journal, { appVersion: '0.1.0', exportedAt: SAVED_AT }),
  );
}

export async function savedWorkbook(
  s: Scenario,
  journal: readonly JournalEntry[] = [],
  name = 'scenario.xlsx',
): Promise<WorkbookData> {
  return readWorkbookBytes(name, await saveBytes(s, journal));
}

/** A copy of the workbook with one cell replaced (rows are 0-based, as in WorkbookData). */
export function withCell(
  wb: WorkbookData,
  sheet: string,
  r: number,
  c: number,
  value: string | number | null,
): WorkbookData {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const rows = s.rows.map((row) => [...row]);
      while (rows.length <= r) rows.push([]);
      const row = rows[r]!;
      while (row.length <= c) row.push(null);
      row[c] = value;
      return { ...s, rows };
    }),
  };
}

/** Row index (0-based) of a metadata key. */
export function metadataRow(wb: WorkbookData, key: string): number {
  const sheet = wb.sheets.find((s) => s.name === 'Métadonnées')!;
  return sheet.rows.findIndex((row) => row[0] === key);
}

/** Fresh ids numbered per kind: p-nouveau-1, p-nouveau-2… and s-nouveau-1… */
export function counter(): (kind: 'position' | 'structure') => string {
  const n = { position: 0, structure: 0 };
  return (kind) => `${kind === 'position' ? 'p' : 's'}-nouveau-${++n[kind]}`;
}
