// Applies ops to the stored scenario inside the caller's read-write transaction, and reports what really
// changed: the ops as applied (before = the stored record, read in this transaction) and the field changes
// for the change log. Ops that change nothing are dropped. Shared by applyChange, undo/redo and imports.
import type { Table } from 'dexie';
import type { Campaign, RegionBudget } from '../domain/types';
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
import {
  diffFields,
  jsonEqual,
  mergeOnto,
  type Op,
  type PositionOp,
  type RegionOp,
  type StructureOp,
} from './ops';
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
}

interface Identified {
  id: string;
}

function mismatch(id: string, actual: string): StorageError {
  return new StorageError(
    'invalid',
    `Modification incohérente : l'identifiant « ${id} » ne correspond pas à l'enregistrement « ${actual} ».`,
  );
}

/**
 * The buckets one batch touches for one kind of record, edited in memory and written once at the end. Each
 * bucket is a map id → record in its stored order; the scenario's tally follows creations and deletions.
 */
class BucketedRecords<T extends Identified> {
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

  apply<O extends PositionOp | StructureOp>(op: O, out: AppliedOps): void {
    if (op.after && op.after.id !== op.id) throw mismatch(op.id, op.after.id);
    const bucket = bucketOf(this.kind, op.id);
    const records = this.buckets.get(bucket);
    if (!records) throw new Error(`Bucket ${bucket} not read for « ${op.id} »`);
    const current = records.get(op.id) ?? null;
    const stored = current ? (withoutOrder(current) as unknown as T) : null;
    const result = mergeOnto(stored, op.before as T | null, op.after as T | null);
    const orderBefore = current ? current.order : null;
    let orderAfter: number | null = null;
    if (result) {
      orderAfter = op.orderAfter ?? orderBefore ?? this.tally.nextOrder;
      this.tally.nextOrder = Math.max(this.tally.nextOrder, orderAfter + 1);
    }
    if (jsonEqual(stored, result) && orderBefore === orderAfter) return;
    if (result) {
      records.set(op.id, { ...result, order: orderAfter ?? 0 });
      if (!current) this.tally.count += 1;
    } else {
      records.delete(op.id);
      this.tally.count -= 1;
    }
    this.dirty.add(bucket);
    out.ops.push({ ...op, before: stored, after: result, orderBefore, orderAfter } as O);
    for (const change of diffFields(stored, result))
      out.changes.push({ entity: op.entity, entityId: op.id, ...change });
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

function applyRegion(row: ScenarioRow, op: RegionOp, out: AppliedOps): void {
  if (op.after && op.after.regionCode !== op.id) throw mismatch(op.id, op.after.regionCode);
  const index = row.regions.findIndex((r) => r.regionCode === op.id);
  const stored: RegionBudget | null = row.regions[index] ?? null;
  const result = mergeOnto(stored, op.before, op.after);
  const orderBefore = index >= 0 ? index : null;
  const wanted = result ? (op.orderAfter ?? orderBefore ?? row.regions.length) : null;
  if (jsonEqual(stored, result) && wanted === orderBefore) return;
  if (index >= 0) row.regions.splice(index, 1);
  let orderAfter: number | null = null;
  if (result && wanted !== null) {
    orderAfter = Math.min(Math.max(wanted, 0), row.regions.length);
    row.regions.splice(orderAfter, 0, result);
  }
  out.ops.push({ ...op, before: stored, after: result, orderBefore, orderAfter });
  for (const change of diffFields(stored, result))
    out.changes.push({ entity: 'region', entityId: op.id, ...change });
}

function applyCampaign(row: ScenarioRow, before: Campaign, after: Campaign, out: AppliedOps): void {
  const stored = row.campaign;
  const result = mergeOnto(stored, before, after) ?? stored;
  if (jsonEqual(stored, result)) return;
  row.campaign = result;
  out.ops.push({ entity: 'campaign', id: result.id, before: stored, after: result });
  for (const change of diffFields(stored, result)) {
    out.changes.push({ entity: 'campaign', entityId: result.id, ...change });
  }
}

function applyName(row: ScenarioRow, before: string, after: string, out: AppliedOps): void {
  const stored = row.name;
  if (before === after || after === stored) return;
  row.name = after;
  out.ops.push({ entity: 'scenarioName', id: row.id, before: stored, after });
  out.changes.push({
    entity: 'scenario',
    entityId: row.id,
    field: 'name',
    oldValue: stored,
    newValue: after,
  });
}

function idsOf(ops: readonly Op[], entity: 'position' | 'structure'): string[] {
  return ops.filter((op) => op.entity === entity).map((op) => op.id);
}

/**
 * Must run inside a read-write transaction over scenarios and the position and structure buckets. Bumps the scenario's
 * updatedAt to `now` when anything changed. Throws a StorageError when the scenario does not exist.
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
  const out: AppliedOps = { ops: [], changes: [] };
  for (const op of ops) {
    switch (op.entity) {
      case 'position':
        positions.apply(op, out);
        break;
      case 'structure':
        structures.apply(op, out);
        break;
      case 'region':
        applyRegion(row, op, out);
        break;
      case 'campaign':
        applyCampaign(row, op.before, op.after, out);
        break;
      case 'scenarioName':
        if (op.id !== scenarioId) throw mismatch(scenarioId, op.id);
        applyName(row, op.before, op.after, out);
        break;
    }
  }
  if (out.ops.length === 0) return out;
  for (const request of [...positions.writes(), ...structures.writes()]) await request();
  await db.scenarios.put({
    ...row,
    updatedAt: now,
    stored: { positions: positions.tally, structures: structures.tally },
  });
  return out;
}
