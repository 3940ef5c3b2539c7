// Applies ops to the stored scenario inside the caller's read-write transaction, with the domain's one applier
// (applyOpsTo, src/domain/ops.ts) over the scenario's buckets and row, and reports what really changed: the ops
// as applied (before = the stored record, read in this transaction) and the field changes for the change log.
// Ops that change nothing are dropped. Shared by applyChange, undo/redo, imports and scenario replacement.
import type { Table } from 'dexie';
import {
  applyOpsTo,
  OpMismatchError,
  RegionList,
  type AppliedField,
  type Op,
  type RecordStore,
} from '../domain/ops';
import type { Campaign } from '../domain/types';
import {
  bucketOf,
  readBuckets,
  withoutOrder,
  type BucketKey,
  type Ordered,
  type RecordKind,
} from './buckets';
import type { PlannerDb } from './db';
import { StorageError } from './errors';
import type { BucketRow, ChangeEntity, RecordTally, ScenarioRow } from './rows';

export interface LoggedChange {
  entity: ChangeEntity;
  entityId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface AppliedOps {
  ops: Op[];
  changes: LoggedChange[];
  /** The scenario's revision before and after (equal when nothing changed); see ScenarioRow.revision. */
  revisionBefore: number;
  revision: number;
}

interface Identified {
  id: string;
}

/**
 * The buckets one batch touches for one kind of record, edited in memory and written once at the end. Each
 * bucket is a map id → record in its stored order; the scenario's tally follows creations and deletions.
 */
class BucketedRecords<T extends Identified> implements RecordStore<T> {
  private readonly dirty = new Set<number>();

  private constructor(
    private readonly kind: RecordKind,
    private readonly table: Table<BucketRow<T>, BucketKey>,
    private readonly scenarioId: string,
    private readonly buckets: Map<number, Map<string, Ordered<T>>>,
    readonly tally: RecordTally,
  ) {}

  /**
   * Over the buckets read for the batch (readBuckets; an empty map when the batch has no record of this kind:
   * nothing to read, see applyOpsInTransaction on awaits).
   */
  static of<T extends Identified>(
    kind: RecordKind,
    table: Table<BucketRow<T>, BucketKey>,
    scenarioId: string,
    buckets: Map<number, Map<string, Ordered<T>>>,
    tally: RecordTally,
  ): BucketedRecords<T> {
    return new BucketedRecords(kind, table, scenarioId, buckets, { ...tally });
  }

  #bucket(id: string): { bucket: number; records: Map<string, Ordered<T>> } {
    const bucket = bucketOf(this.kind, id);
    const records = this.buckets.get(bucket);
    if (!records) throw new Error(`Bucket ${bucket} not read for « ${id} »`);
    return { bucket, records };
  }

  get(id: string): T | null {
    const current = this.#bucket(id).records.get(id);
    return current ? (withoutOrder(current) as unknown as T) : null;
  }

  placeOf(id: string): number | null {
    return this.#bucket(id).records.get(id)?.order ?? null;
  }

  placeFor(id: string, wanted: number | null | undefined): number {
    return wanted ?? this.placeOf(id) ?? this.tally.nextOrder;
  }

  set(id: string, record: T, place: number): void {
    const { bucket, records } = this.#bucket(id);
    if (!records.has(id)) this.tally.count += 1;
    records.set(id, { ...record, order: place });
    this.tally.nextOrder = Math.max(this.tally.nextOrder, place + 1);
    this.dirty.add(bucket);
  }

  remove(id: string): void {
    const { bucket, records } = this.#bucket(id);
    if (!records.delete(id)) return;
    this.tally.count -= 1;
    this.dirty.add(bucket);
  }

  /** The requests that store the changed buckets (none when nothing changed), to start and await in turn. */
  writes(): (() => Promise<unknown>)[] {
    const puts: BucketRow<T>[] = [];
    const deletes: BucketKey[] = [];
    for (const bucket of this.dirty) {
      const records = this.buckets.get(bucket);
      if (records?.size) puts.push({ scenarioId: this.scenarioId, bucket, records: [...records.values()] });
      else deletes.push([this.scenarioId, bucket]);
    }
    const requests: (() => Promise<unknown>)[] = [];
    if (puts.length) requests.push(() => this.table.bulkPut(puts));
    if (deletes.length) requests.push(() => this.table.bulkDelete(deletes));
    return requests;
  }
}

function idsOf(ops: readonly Op[], entity: 'position' | 'structure'): string[] {
  return ops.filter((op) => op.entity === entity).map((op) => op.id);
}

/** The change log's entity of an applied field (a name change is logged on the scenario). */
function logged(field: AppliedField): LoggedChange {
  const { entity, ...rest } = field;
  return { entity: entity === 'scenarioName' ? 'scenario' : entity, ...rest };
}

/**
 * Must run inside a read-write transaction over scenarios and the position and structure buckets. Bumps the
 * scenario's revision and sets its updatedAt to `now` when anything changed. Throws a StorageError when the
 * scenario does not exist or an op is inconsistent.
 *
 * Every `await` here waits for an IndexedDB request (see transaction.ts): a table with nothing to read or
 * write is skipped rather than awaited.
 */
export async function applyOpsInTransaction(
  db: PlannerDb,
  scenarioId: string,
  ops: readonly Op[],
  now: string,
): Promise<AppliedOps> {
  const storedScenario = await db.scenarios.get(scenarioId);
  if (!storedScenario) {
    throw new StorageError('notFound', `Scénario introuvable (« ${scenarioId} ») : rien n'a été enregistré.`);
  }
  const row: ScenarioRow = { ...storedScenario, regions: [...storedScenario.regions] };
  const positionIds = idsOf(ops, 'position');
  const structureIds = idsOf(ops, 'structure');
  const { stored } = storedScenario;
  // Called here, not inside an async helper: one await level between this function and the Dexie request.
  const positions = BucketedRecords.of(
    'positions',
    db.positionBuckets,
    scenarioId,
    positionIds.length
      ? await readBuckets('positions', db.positionBuckets, scenarioId, positionIds)
      : new Map(),
    stored.positions,
  );
  const structures = BucketedRecords.of(
    'structures',
    db.structureBuckets,
    scenarioId,
    structureIds.length
      ? await readBuckets('structures', db.structureBuckets, scenarioId, structureIds)
      : new Map(),
    stored.structures,
  );
  for (const op of ops) {
    if (op.entity === 'scenarioName' && op.id !== scenarioId)
      throw new StorageError('invalid', new OpMismatchError(scenarioId, op.id).message);
  }
  const regions = new RegionList(row.regions);
  let applied;
  try {
    applied = applyOpsTo(
      {
        positions,
        structures,
        regions,
        campaign: { get: () => row.campaign, set: (value: Campaign) => (row.campaign = value) },
        name: { get: () => row.name, set: (value: string) => (row.name = value) },
      },
      ops,
    );
  } catch (e) {
    if (e instanceof OpMismatchError) throw new StorageError('invalid', e.message);
    throw e;
  }
  const revisionBefore = storedScenario.revision ?? 0;
  const changes = applied.fields.map(logged);
  if (applied.ops.length === 0) return { ops: [], changes, revisionBefore, revision: revisionBefore };
  for (const request of [...positions.writes(), ...structures.writes()]) await request();
  const revision = revisionBefore + 1;
  await db.scenarios.put({
    ...row,
    updatedAt: now,
    revision,
    stored: { positions: positions.tally, structures: structures.tally },
  });
  return { ops: applied.ops, changes, revisionBefore, revision };
}
