// Every schema version of the planner database, oldest first: its stores (Dexie syntax) and its upgrade.
//
// To change the schema, append ONE entry, never edit a released one:
//
//   {
//     version: 4,
//     stores: { history: '++seq, scenarioId, batchId' },  // only what changes
//     upgrade: async (tx) => {
//       await tx.table('positionBuckets').toCollection().modify((row) => {
//         for (const record of row.records) record.newField = defaultValue;
//       });
//     },
//   },
//
// Rules:
// - Every upgrade must be tested with data written by the previous version: copy the "version 1" block of
//   test/storage/migrations.test.ts, write the previous version's rows (frozen literals, not today's
//   builders), open with the current schema and check every field.
// - An upgrade runs inside Dexie's versionchange transaction: use only `tx.table(...)`, no other database
//   and no non-IndexedDB awaits. If it throws, the upgrade is rolled back and the old data stays intact.
// - Update the row types in rows.ts in the same commit; rows are plain JSON (integer cents, ISO dates).
// - Other tabs still on the old code get `versionchange`, close their connection and ask for a reload
//   (db.ts), so no tab ever writes with an old schema.
import type { Transaction } from 'dexie';
import { bucketRowsOf, type RecordKind } from './buckets';

export interface SchemaVersion {
  version: number;
  /** Stores added or changed by this version (Dexie keeps the earlier ones); null deletes a store. */
  stores: Record<string, string | null>;
  /** Rewrites rows of the previous version into this version's shape. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      scenarios: 'id',
      structures: '[scenarioId+id], scenarioId, [scenarioId+order]',
      positions: '[scenarioId+id], scenarioId, [scenarioId+order]',
      changes: '++seq, scenarioId, batchId, at',
      history: '++seq, scenarioId',
      meta: 'key',
    },
  },
  {
    // A change-log row may pack several changes of one batch (`more`, see StoredChangeRow in rows.ts), so an
    // import of 10 000 rows writes 20 change-log rows instead of 10 000. Version-1 rows are valid version-2 rows
    // (no `more`): nothing to rewrite. The version exists so that a tab still on version-1 code, which would
    // read only the first change of each row, locks itself instead of reading or backing up this log.
    version: 2,
    stores: {},
  },
  {
    // Positions and structures packed in bucket rows (buckets.ts, ADR 0005): an import of 10 000 positions writes
    // 256 rows instead of 10 000. Each record keeps its stored `order`, so undo entries made before the upgrade
    // put records back at the same places. The scenario rows get their tallies. Dexie runs this upgrade while the
    // old stores still exist, and deletes them after it.
    version: 3,
    stores: {
      positionBuckets: '[scenarioId+bucket]',
      structureBuckets: '[scenarioId+bucket]',
      positions: null,
      structures: null,
    },
    upgrade: async (tx) => {
      type Tallies = Record<RecordKind, { count: number; nextOrder: number }>;
      const none = (): Tallies => ({
        positions: { count: 0, nextOrder: 0 },
        structures: { count: 0, nextOrder: 0 },
      });
      const tallies = new Map<string, Tallies>();
      for (const kind of ['positions', 'structures'] as const) {
        const rows = (await tx.table(kind).toArray()) as { scenarioId: string; id: string; order: number }[];
        const byScenario = new Map<string, { id: string; order: number }[]>();
        for (const { scenarioId, ...record } of rows) {
          const list = byScenario.get(scenarioId) ?? [];
          list.push(record);
          byScenario.set(scenarioId, list);
        }
        const packed = [];
        for (const [scenarioId, records] of byScenario) {
          // A row without a usable place (never written so, but nothing is dropped) goes after the others.
          const placed = (o: number) => Number.isSafeInteger(o) && o >= 0;
          // A loop, not Math.max(...records): 100 000 arguments overflow the call stack.
          let nextOrder = records.reduce(
            (next, r) => (placed(r.order) ? Math.max(next, r.order + 1) : next),
            0,
          );
          for (const record of records) if (!placed(record.order)) record.order = nextOrder++;
          packed.push(...bucketRowsOf(kind, scenarioId, records));
          const tally = tallies.get(scenarioId) ?? none();
          tally[kind] = { count: records.length, nextOrder };
          tallies.set(scenarioId, tally);
        }
        const target = kind === 'positions' ? 'positionBuckets' : 'structureBuckets';
        if (packed.length) await tx.table(target).bulkAdd(packed);
      }
      await tx
        .table('scenarios')
        .toCollection()
        .modify((row: { id: string; stored?: unknown }) => {
          row.stored = tallies.get(row.id) ?? none();
        });
    },
  },
];

function lastVersion(): number {
  const last = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1];
  if (!last) throw new Error('SCHEMA_VERSIONS est vide');
  return last.version;
}

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION: number = lastVersion();
