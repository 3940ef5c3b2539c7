// The change model: every change to a scenario is a list of ops, plain serialisable data (which record,
// its value before, its value after, its place), and this file is the only code that turns an op into a new
// record. Storage applies ops to its buckets, the shown scenario to its arrays, another tab to its copy, undo
// to the inverted ops: all through applyOpsTo, so they agree by construction (docs/ARCHITECTURE.md).
import type { Campaign, Position, RegionBudget, Scenario, Structure } from './types';

/**
 * `orderBefore`/`orderAfter` are the record's place in its list: for positions and structures, storage's
 * `order` (places may have gaps); for regions, the index in the scenario's array. Callers may omit them: the
 * record keeps its place, or a new one goes to the end; the ops as applied carry the places used, for undo.
 */
interface Placed {
  orderBefore?: number | null;
  orderAfter?: number | null;
}

export interface PositionOp extends Placed {
  entity: 'position';
  id: string;
  before: Position | null;
  after: Position | null;
}

export interface StructureOp extends Placed {
  entity: 'structure';
  id: string;
  before: Structure | null;
  after: Structure | null;
}

export interface RegionOp extends Placed {
  entity: 'region';
  /** Region code. */
  id: string;
  before: RegionBudget | null;
  after: RegionBudget | null;
}

export interface CampaignOp {
  entity: 'campaign';
  id: string;
  before: Campaign;
  after: Campaign;
}

export interface ScenarioNameOp {
  entity: 'scenarioName';
  /** Scenario id. */
  id: string;
  before: string;
  after: string;
}

export type Op = PositionOp | StructureOp | RegionOp | CampaignOp | ScenarioNameOp;

export type OpEntity = Op['entity'];

export interface FieldChange {
  /** Field name, or `*` for a whole record created or deleted. */
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** One row of the change log: a field of one record, as an applied op changed it. */
export interface AppliedField extends FieldChange {
  entity: OpEntity;
  entityId: string;
}

/** What applying ops really did: the ops as applied (before = the value found) and their field changes. */
export interface AppliedOps {
  ops: Op[];
  fields: AppliedField[];
}

/** Deep equality of JSON values (objects by keys, arrays by index; key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!jsonEqual(ra[key], rb[key])) return false;
  }
  return true;
}

/** The ops that undo `ops`: each one inverted, in reverse order. */
export function invertOps(ops: readonly Op[]): Op[] {
  return ops.map(invertOp).reverse();
}

function invertOp(op: Op): Op {
  switch (op.entity) {
    case 'campaign':
      return { ...op, before: op.after, after: op.before };
    case 'scenarioName':
      return { ...op, before: op.after, after: op.before };
    default: {
      const inverted = { ...op, before: op.after, after: op.before } as typeof op;
      if ('orderBefore' in op) inverted.orderAfter = op.orderBefore ?? null;
      if ('orderAfter' in op) inverted.orderBefore = op.orderAfter ?? null;
      return inverted;
    }
  }
}

/**
 * Field-level differences of two records for the change log: one row per top-level field whose JSON value
 * differs (nested values such as co-fundings are compared deeply and logged whole). A create gives one row
 * `*` with the new record, a delete one row `*` with the old record; missing fields are logged as null.
 */
export function diffFields(before: object | null, after: object | null): FieldChange[] {
  if (before === null && after === null) return [];
  if (before === null) return [{ field: '*', oldValue: null, newValue: after }];
  if (after === null) return [{ field: '*', oldValue: before, newValue: null }];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!jsonEqual(b[field], a[field])) {
      changes.push({ field, oldValue: b[field] ?? null, newValue: a[field] ?? null });
    }
  }
  return changes;
}

/**
 * Applies what the op changed (the fields that differ between `before` and `after`) onto the current record,
 * so that two tabs editing different fields of one record both keep their edit; on the same field the last
 * write wins. A create, or an edit of a record that is no longer there, gives `after` whole.
 */
export function mergeOnto<T extends object>(current: T | null, before: T | null, after: T | null): T | null {
  if (after === null) return null;
  if (before === null || current === null) return after;
  const merged = { ...current } as Record<string, unknown>;
  const source = after as Record<string, unknown>;
  for (const { field } of diffFields(before, after)) {
    if (field in source) merged[field] = source[field];
    else delete merged[field];
  }
  return merged as T;
}

/** A list of records an op applies to: storage's buckets, or a scenario's array in memory. */
export interface RecordStore<T> {
  /** The record stored under `id`, or null. */
  get(id: string): T | null;
  /** Its place, or null when absent. */
  placeOf(id: string): number | null;
  /** The place the record takes: `wanted` when this store keeps places, else its current place or the end. */
  placeFor(id: string, wanted: number | null | undefined): number;
  set(id: string, record: T, place: number): void;
  remove(id: string): void;
}

/** A single value an op applies to (the campaign, the scenario's name). */
export interface ValueStore<T> {
  get(): T;
  set(value: T): void;
}

/** Where each kind of op applies. */
export interface OpStores {
  positions: RecordStore<Position>;
  structures: RecordStore<Structure>;
  regions: RecordStore<RegionBudget>;
  campaign: ValueStore<Campaign>;
  name: ValueStore<string>;
}

function idOf(
  entity: 'position' | 'structure' | 'region',
  record: Position | Structure | RegionBudget,
): string {
  return entity === 'region' ? (record as RegionBudget).regionCode : (record as Position).id;
}

/** Thrown when an op's record does not carry the op's id: a bug of the code that built it, never user input. */
export class OpMismatchError extends Error {
  constructor(id: string, actual: string) {
    super(
      `Modification incohérente : l'identifiant « ${id} » ne correspond pas à l'enregistrement « ${actual} ».`,
    );
  }
}

function applyRecordOp<T extends object>(
  store: RecordStore<T>,
  op: PositionOp | StructureOp | RegionOp,
  out: AppliedOps,
): void {
  if (op.after && idOf(op.entity, op.after) !== op.id)
    throw new OpMismatchError(op.id, idOf(op.entity, op.after));
  const current = store.get(op.id);
  const result = mergeOnto(current, op.before as T | null, op.after as T | null);
  const orderBefore = store.placeOf(op.id);
  const orderAfter = result ? store.placeFor(op.id, op.orderAfter) : null;
  if (jsonEqual(current, result) && orderBefore === orderAfter) return;
  if (result && orderAfter !== null) store.set(op.id, result, orderAfter);
  else store.remove(op.id);
  out.ops.push({ ...op, before: current, after: result, orderBefore, orderAfter } as Op);
  for (const change of diffFields(current, result))
    out.fields.push({ entity: op.entity, entityId: op.id, ...change });
}

function applyValueOp<T>(store: ValueStore<T>, op: CampaignOp | ScenarioNameOp, out: AppliedOps): void {
  const current = store.get();
  // A name is one value: it changes when the op changes it. A campaign merges field by field, like a record.
  const result =
    op.entity === 'campaign'
      ? (mergeOnto(current as Campaign, op.before, op.after) ?? current)
      : jsonEqual(op.before, op.after)
        ? current
        : op.after;
  if (jsonEqual(current, result)) return;
  store.set(result as T);
  out.ops.push({ ...op, before: current, after: result } as Op);
  const fields =
    op.entity === 'campaign'
      ? diffFields(current as object, result as object)
      : [{ field: 'name', oldValue: current, newValue: result }];
  for (const change of fields) out.fields.push({ entity: op.entity, entityId: op.id, ...change });
}

/**
 * THE applier: applies ops in order to the stores and reports what really changed. Each op's `after` is
 * merged onto the current record (mergeOnto); ops that change nothing are left out of the result.
 */
export function applyOpsTo(stores: OpStores, ops: readonly Op[]): AppliedOps {
  const out: AppliedOps = { ops: [], fields: [] };
  for (const op of ops) {
    switch (op.entity) {
      case 'position':
        applyRecordOp(stores.positions, op, out);
        break;
      case 'structure':
        applyRecordOp(stores.structures, op, out);
        break;
      case 'region':
        applyRecordOp(stores.regions, op, out);
        break;
      case 'campaign':
        applyValueOp(stores.campaign, op, out);
        break;
      case 'scenarioName':
        applyValueOp(stores.name, op, out);
        break;
    }
  }
  return out;
}

/**
 * Regions as a scenario keeps them, an array whose index is the place: shared by storage (the scenario row)
 * and memory. Works on `list` in place.
 */
export class RegionList implements RecordStore<RegionBudget> {
  constructor(readonly list: RegionBudget[]) {}

  #index(id: string): number {
    return this.list.findIndex((r) => r.regionCode === id);
  }

  get(id: string): RegionBudget | null {
    return this.list[this.#index(id)] ?? null;
  }

  placeOf(id: string): number | null {
    const i = this.#index(id);
    return i >= 0 ? i : null;
  }

  placeFor(id: string, wanted: number | null | undefined): number {
    const current = this.placeOf(id);
    const last = current === null ? this.list.length : this.list.length - 1;
    return Math.min(Math.max(wanted ?? current ?? last, 0), last);
  }

  set(id: string, record: RegionBudget, place: number): void {
    this.remove(id);
    this.list.splice(place, 0, record);
  }

  remove(id: string): void {
    const i = this.#index(id);
    if (i >= 0) this.list.splice(i, 1);
  }
}

/**
 * Positions or structures in memory: an array in list order, copied on the first write. Memory does not know
 * storage's places: a record keeps its index, a new one (or one coming back by an undo) goes to the end, as on
 * screen; storage keeps the op's place, which a reload shows.
 */
class MemoryList<T extends { id: string }> implements RecordStore<T> {
  #list: readonly T[];
  #copy: (T | null)[] | null = null;
  /** Every record's index, built on first need when there is no `indexOf`. */
  #index: Map<string, number> | null = null;
  /** Records appended by these ops (their index), when `indexOf` answers for the others. */
  #added = new Map<string, number>();
  #removed = 0;

  /** `indexOf`, when given, must index exactly `list` (absent ids: undefined). */
  constructor(
    list: readonly T[],
    private readonly indexOf?: (id: string) => number | undefined,
  ) {
    this.#list = list;
  }

  #items(): readonly (T | null)[] {
    return this.#copy ?? this.#list;
  }

  /** The index of `id` in the current array, undefined when absent. Removed records leave a hole until the end. */
  #find(id: string): number | undefined {
    if (!this.#index && this.indexOf) {
      const added = this.#added.get(id);
      if (added !== undefined) return this.#items()[added] ? added : undefined;
      const i = this.indexOf(id);
      if (i === undefined) return undefined;
      if (this.#items()[i]?.id === id) return i;
      if (i < this.#list.length && this.#list[i]?.id === id) return undefined; // removed by these ops
    }
    if (!this.#index) {
      this.#index = new Map();
      this.#items().forEach((item, j) => {
        if (item) this.#index?.set(item.id, j);
      });
    }
    return this.#index.get(id);
  }

  get(id: string): T | null {
    const i = this.#find(id);
    return i === undefined ? null : (this.#items()[i] ?? null);
  }

  placeOf(id: string): number | null {
    return this.#find(id) ?? null;
  }

  placeFor(id: string): number {
    return this.#find(id) ?? this.#items().length;
  }

  set(id: string, record: T, place: number): void {
    const exists = this.#find(id) !== undefined;
    this.#copy ??= this.#list.slice();
    if (exists) {
      this.#copy[place] = record;
      return;
    }
    const at = this.#copy.length;
    this.#copy.push(record);
    if (this.#index) this.#index.set(id, at);
    else this.#added.set(id, at);
  }

  remove(id: string): void {
    const i = this.#find(id);
    if (i === undefined) return;
    this.#copy ??= this.#list.slice();
    this.#copy[i] = null;
    this.#index?.delete(id);
    this.#added.delete(id);
    this.#removed += 1;
  }

  /** The list after the ops: the same array when nothing changed. */
  result(): readonly T[] {
    if (!this.#copy) return this.#list;
    return this.#removed ? this.#copy.filter((item): item is T => item !== null) : (this.#copy as T[]);
  }
}

/**
 * A new scenario value with the ops applied, by the same applier as storage. `indexOf` (the position index of
 * the current figures) lets a small edit find its rows without indexing the list.
 */
export function applyOps(
  scenario: Scenario,
  ops: readonly Op[],
  indexOf?: (id: string) => number | undefined,
): Scenario {
  if (ops.length === 0) return scenario;
  const positions = new MemoryList(scenario.positions, indexOf);
  const structures = new MemoryList(scenario.structures);
  const regions = new RegionList([...scenario.regions]);
  let { campaign, name } = scenario;
  const applied = applyOpsTo(
    {
      positions,
      structures,
      regions,
      campaign: { get: () => campaign, set: (value) => (campaign = value) },
      name: { get: () => name, set: (value) => (name = value) },
    },
    ops,
  );
  if (applied.ops.length === 0) return scenario;
  // Lists and values no op changed stay the same objects: the incremental recompute relies on it.
  return {
    ...scenario,
    positions: positions.result(),
    structures: structures.result(),
    regions: applied.ops.some((op) => op.entity === 'region') ? regions.list : scenario.regions,
    campaign,
    name,
  };
}
