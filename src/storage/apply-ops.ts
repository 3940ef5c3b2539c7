// Applies ops to the stored scenario inside the caller's read-write transaction, and reports what really
// changed: the ops as applied (before = the stored record, read in this transaction) and the field changes
// for the change log. Ops that change nothing are dropped. Shared by applyChange, undo/redo and imports.
import Dexie, { type Table } from 'dexie';
import type { Campaign, RegionBudget } from '../domain/types';
import type { PlannerDb, ScopedKey } from './db';
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
import type { ChangeEntity, ScenarioRow } from './rows';

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
type Scoped<T> = T & { scenarioId: string; order: number };

function strip<T extends Identified>(row: Scoped<T>): T {
  const { scenarioId: _scenarioId, order: _order, ...record } = row;
  return record as unknown as T;
}

function mismatch(id: string, actual: string): StorageError {
  return new StorageError(
    'invalid',
    `Modification incohérente : l'identifiant « ${id} » ne correspond pas à l'enregistrement « ${actual} ».`,
  );
}

/** Above this many records in one batch, the scenario's rows are read in one request rather than one by one. */
const BULK_READ_THRESHOLD = 500;

/** The stored rows one batch touches for one table, edited in memory and written once at the end. */
class ScopedRows<T extends Identified> {
  private readonly dirty = new Set<string>();

  private constructor(
    private readonly table: Table<Scoped<T>, ScopedKey>,
    private readonly scenarioId: string,
    private readonly rows: Map<string, Scoped<T> | null>,
    private nextOrder: number,
  ) {}

  /** No record of this table in the batch: nothing to read (see applyOpsInTransaction on awaits). */
  static none<T extends Identified>(table: Table<Scoped<T>, ScopedKey>, scenarioId: string): ScopedRows<T> {
    return new ScopedRows(table, scenarioId, new Map(), 0);
  }

  /** Reads the batch's rows; `ids` must not be empty. */
  static async load<T extends Identified>(
    table: Table<Scoped<T>, ScopedKey>,
    scenarioId: string,
    ids: readonly string[],
  ): Promise<ScopedRows<T>> {
    const unique = [...new Set(ids)];
    const rows = new Map<string, Scoped<T> | null>();
    if (unique.length > BULK_READ_THRESHOLD) {
      // A large batch (an import) reads the scenario's rows in one request instead of one get per id.
      const wanted = new Set(unique);
      for (const id of unique) rows.set(id, null);
      for (const row of await table.where('scenarioId').equals(scenarioId).toArray()) {
        if (wanted.has(row.id)) rows.set(row.id, row);
      }
    } else {
      const stored = await table.bulkGet(unique.map((id): ScopedKey => [scenarioId, id]));
      unique.forEach((id, i) => rows.set(id, stored[i] ?? null));
    }
    // The next free place is only needed when a record is created: an edit costs one request less.
    const creates = unique.some((id) => rows.get(id) === null);
    const last = creates
      ? await table
          .where('[scenarioId+order]')
          .between([scenarioId, Dexie.minKey], [scenarioId, Dexie.maxKey], true, true)
          .last()
      : undefined;
    return new ScopedRows(table, scenarioId, rows, last ? last.order + 1 : 0);
  }

  apply<O extends PositionOp | StructureOp>(op: O, out: AppliedOps): void {
    if (op.after && op.after.id !== op.id) throw mismatch(op.id, op.after.id);
    const current = this.rows.get(op.id) ?? null;
    const stored = current ? strip<T>(current) : null;
    const result = mergeOnto(stored, op.before as T | null, op.after as T | null);
    const orderBefore = current ? current.order : null;
    let orderAfter: number | null = null;
    if (result) {
      orderAfter = op.orderAfter ?? orderBefore ?? this.nextOrder;
      this.nextOrder = Math.max(this.nextOrder, orderAfter + 1);
    }
    if (jsonEqual(stored, result) && orderBefore === orderAfter) return;
    this.rows.set(op.id, result ? { ...result, scenarioId: this.scenarioId, order: orderAfter ?? 0 } : null);
    this.dirty.add(op.id);
    out.ops.push({ ...op, before: stored, after: result, orderBefore, orderAfter } as O);
    for (const change of diffFields(stored, result))
      out.changes.push({ entity: op.entity, entityId: op.id, ...change });
  }

  /** The requests that store the batch's rows (none when nothing changed), to start and await in turn. */
  writes(): (() => Promise<unknown>)[] {
    const puts: Scoped<T>[] = [];
    const deletes: ScopedKey[] = [];
    for (const id of this.dirty) {
      const row = this.rows.get(id);
      if (row) puts.push(row);
      else deletes.push([this.scenarioId, id]);
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
 * Must run inside a read-write transaction over scenarios, structures and positions. Bumps the scenario's
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
  const positions = positionIds.length
    ? await ScopedRows.load(db.positions, scenarioId, positionIds)
    : ScopedRows.none(db.positions, scenarioId);
  const structures = structureIds.length
    ? await ScopedRows.load(db.structures, scenarioId, structureIds)
    : ScopedRows.none(db.structures, scenarioId);
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
  await db.scenarios.put({ ...row, updatedAt: now });
  return out;
}
