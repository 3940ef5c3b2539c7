// Builders for storage tests: a fresh fake-indexeddb database per test and a scenario with co-fundings.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type Dexie from 'dexie';
import { bucketOf, inScenario, type RecordKind } from '../../src/storage/buckets';
import { openPlannerDb, type PlannerDb, type PlannerDbOptions } from '../../src/storage/db';
import { unpackChangeRow } from '../../src/storage/change-log';
import type { BucketRow, ChangeRow } from '../../src/storage/rows';
import { eurosToCents, type Cents } from '../../src/domain/money';
import type { Position, Scenario } from '../../src/domain/types';
import { position, scenario, structure } from '../domain/helpers';

export { position, structure } from '../domain/helpers';

/** Options that point Dexie at fake-indexeddb (shared by every connection of one test). */
export const FAKE_IDB = { indexedDB, IDBKeyRange } as const;

let counter = 0;

/** A database name no other test uses. */
export function uniqueDbName(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function openTestDb(name = uniqueDbName(), options: PlannerDbOptions = {}): Promise<PlannerDb> {
  return openPlannerDb(name, { ...FAKE_IDB, ...options });
}

/**
 * A record as stored (with its `order`), read from its bucket through any connection, also one of another app
 * version (Dexie's dynamic mode); undefined when it is not stored.
 */
export async function storedRecord(
  db: Dexie,
  kind: RecordKind,
  scenarioId: string,
  id: string,
): Promise<({ id: string; order: number } & Record<string, unknown>) | undefined> {
  const table = kind === 'positions' ? 'positionBuckets' : 'structureBuckets';
  const row = (await db.table(table).get([scenarioId, bucketOf(kind, id)])) as
    BucketRow<{ id: string } & Record<string, unknown>> | undefined;
  return row?.records.find((r) => r.id === id);
}

/** How many records of one kind a scenario has stored, counted in its buckets. */
export async function storedCount(db: PlannerDb, kind: RecordKind, scenarioId: string): Promise<number> {
  const rows =
    kind === 'positions'
      ? await inScenario(db.positionBuckets, scenarioId).toArray()
      : await inScenario(db.structureBuckets, scenarioId).toArray();
  return rows.reduce((n, row) => n + row.records.length, 0);
}

/** Three positions in a non-alphabetical order, with odd cents and two co-fundings on one of them. */
export function sampleScenario(id = 'sc'): Scenario {
  const positions: Position[] = [
    position({
      id: 'p10',
      annualCost: 4_123_457 as Cents,
      stateAmount: 2_886_419 as Cents,
      coFundings: [
        { funder: 'Conseil départemental 31', category: 'localAuthority', amount: 1_000_001 as Cents },
        { funder: 'FSE+', category: 'esfPlus', amount: 237_037 as Cents },
      ],
    }),
    position({ id: 'p2', structureId: 's2', role: 'coordinateur', notes: 'Renouvellement' }),
    position({ id: 'p1', stateAmount: eurosToCents(27_999.99), conventionStart: null, conventionEnd: null }),
  ];
  const structures = [
    structure({ id: 's9', name: 'PLIE SUD' }),
    structure({ id: 's2', name: 'MAISON DE L’EMPLOI', legalStatus: 'gip' }),
    structure({ id: 's1' }),
  ];
  return { ...scenario(positions, structures), id };
}

export const WHO = 'Camille Martin';

/** Every change-log row of one batch, in the order written. */
export async function batchChanges(db: PlannerDb, batchId: string): Promise<ChangeRow[]> {
  const stored = await db.changes.where('batchId').equals(batchId).sortBy('seq');
  return stored.flatMap(unpackChangeRow);
}
