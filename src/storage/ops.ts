// A change as a list of ops (record before → record after), their inverse for undo, and the field-level
// diff that feeds the change log. Pure functions: no Dexie here.
import type { Campaign, Position, RegionBudget, Structure } from '../domain/types';

/**
 * `orderBefore`/`orderAfter` are the record's place in its list (positions, structures: the row's `order`;
 * regions: the index in the scenario's array). Callers may omit them: storage keeps the current place, or
 * appends a new record at the end, and fills them in the ops it returns and keeps for undo.
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

export interface FieldChange {
  /** Field name, or `*` for a whole record created or deleted. */
  field: string;
  oldValue: unknown;
  newValue: unknown;
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

/** The op that undoes each op, in reverse order. */
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
 * Applies what the op changed (the fields that differ between `before` and `after`) onto the stored record,
 * so that two tabs editing different fields of one record both keep their edit; on the same field the last
 * write wins. A create, or an edit of a record that is no longer stored, writes `after` whole.
 */
export function mergeOnto<T extends object>(stored: T | null, before: T | null, after: T | null): T | null {
  if (after === null) return null;
  if (before === null || stored === null) return after;
  const merged = { ...stored } as Record<string, unknown>;
  const source = after as Record<string, unknown>;
  for (const { field } of diffFields(before, after)) {
    if (field in source) merged[field] = source[field];
    else delete merged[field];
  }
  return merged as T;
}
