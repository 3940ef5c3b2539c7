// Positions and structures are stored packed: a scenario's records of one kind are spread over a fixed number of
// bucket rows keyed [scenarioId+bucket], by a hash of their id (schema version 3, ADR 0005).
//
// Why: Chromium's IndexedDB costs about 0,1 ms per request of a transaction on the 2-core VM, whatever the row's
// size: an import of 10 000 positions written one row each took 1,3–1,9 s; the same positions written in rows of
// 100 to 2 000 took 50–60 ms. An edit reads and rewrites its one bucket: at 100 000 positions about 390 records.
//
// A record keeps its list place in `order`; the next free place and the number of records of each kind live in
// the scenario row (`stored`), updated in the same transaction as the buckets.
import Dexie, { type Collection, type Table } from 'dexie';
import type { BucketRow, RecordTally, ScenarioRow } from './rows';

/** Primary key of a bucket row. */
export type BucketKey = [scenarioId: string, bucket: number];

export type RecordKind = 'positions' | 'structures';

/** Number of buckets per scenario. Part of the stored format: changing one needs a schema version. */
export const BUCKET_COUNT: Readonly<Record<RecordKind, number>> = { positions: 256, structures: 64 };

/** The bucket of a record: FNV-1a (32 bits) of its id's UTF-16 code units, modulo the kind's bucket count. */
export function bucketOf(kind: RecordKind, id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKET_COUNT[kind];
}

/** The rows of one scenario in a table whose key starts with the scenario id, as a primary-key range. */
export function inScenario<T, K extends [string, unknown]>(
  table: Table<T, K>,
  scenarioId: string,
): Collection<T, K> {
  return table.where(':id').between([scenarioId, Dexie.minKey], [scenarioId, Dexie.maxKey], true, true);
}

function byOrder(a: { order: number; id: string }, b: { order: number; id: string }): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A record without its list place. */
export function withoutOrder<T extends { order: number }>(record: T): Omit<T, 'order'> {
  const { order: _order, ...rest } = record;
  return rest;
}

/** Every record in the buckets, in list order (ties, never written by this module, by id). */
export function recordsInOrder<T extends { id: string }>(buckets: readonly BucketRow<T>[]): T[] {
  const all = buckets.flatMap((b) => b.records);
  return all.sort(byOrder).map((r) => withoutOrder(r) as unknown as T);
}

/** A record with its list place, as a bucket holds it. */
export type Ordered<T> = T & { order: number };

/** Groups one scenario's records, each with its list place, into bucket rows; empty buckets are left out. */
export function bucketRowsOf<T extends { id: string }>(
  kind: RecordKind,
  scenarioId: string,
  records: readonly Ordered<T>[],
): BucketRow<T>[] {
  const buckets = new Map<number, BucketRow<T>>();
  for (const record of records) {
    const bucket = bucketOf(kind, record.id);
    let row = buckets.get(bucket);
    if (!row) {
      row = { scenarioId, bucket, records: [] };
      buckets.set(bucket, row);
    }
    row.records.push(record);
  }
  return [...buckets.values()];
}

/** Packs records, given in list order, into bucket rows (their places 0, 1, 2…); empty buckets are left out. */
export function packRecords<T extends { id: string }>(
  kind: RecordKind,
  scenarioId: string,
  records: readonly T[],
): BucketRow<T>[] {
  return bucketRowsOf(
    kind,
    scenarioId,
    records.map((record, order) => ({ ...record, order })),
  );
}

/** Above this many buckets to read, the scenario's buckets are read in one range request rather than by key. */
const RANGE_READ_THRESHOLD = 32;

/**
 * The buckets holding `ids` (which must not be empty), read inside the caller's transaction: bucket → (id →
 * record), with an empty map for a bucket not stored yet.
 */
export async function readBuckets<T extends { id: string }>(
  kind: RecordKind,
  table: Table<BucketRow<T>, BucketKey>,
  scenarioId: string,
  ids: readonly string[],
): Promise<Map<number, Map<string, Ordered<T>>>> {
  const wanted = [...new Set(ids.map((id) => bucketOf(kind, id)))];
  let rows: (BucketRow<T> | undefined)[];
  if (wanted.length > RANGE_READ_THRESHOLD) {
    // A large batch (an import) reads all the scenario's buckets in one request instead of one per key.
    const keep = new Set(wanted);
    rows = (await inScenario(table, scenarioId).toArray()).filter((row) => keep.has(row.bucket));
  } else {
    rows = await table.bulkGet(wanted.map((bucket): BucketKey => [scenarioId, bucket]));
  }
  const buckets = new Map<number, Map<string, Ordered<T>>>(wanted.map((bucket) => [bucket, new Map()]));
  for (const row of rows) {
    const records = row && buckets.get(row.bucket);
    if (records) for (const record of row.records) records.set(record.id, record);
  }
  return buckets;
}

/** The tally of records packed by packRecords. */
export function tallyOf(count: number): RecordTally {
  return { count, nextOrder: count };
}

/** The scenario row's own fields, as the domain's Scenario has them (without the stored tallies). */
export function scenarioFields(row: ScenarioRow): Omit<ScenarioRow, 'stored' | 'revision'> {
  const { stored: _stored, revision: _revision, ...fields } = row;
  return fields;
}
