// Comparing two scenarios: per region envelope, committed, available and ETP with deltas; positions added,
// removed and changed field by field (old → new). Positions are matched by id (a copy keeps the ids).
import type { Cents } from './money';
import type { ScenarioFigures } from './recompute';
import { describePosition } from './record-names';
import type { Position, Scenario, Structure } from './types';

export interface RegionSide {
  envelope: Cents;
  committed: Cents;
  available: Cents;
  /** ETP in hundredths, all roles. */
  fte: number;
}

export interface RegionComparison {
  regionCode: string;
  a: RegionSide;
  b: RegionSide;
  /** b − a for each figure. */
  delta: RegionSide;
}

export interface FieldDifference {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PositionChange {
  id: string;
  before: Position;
  after: Position;
  fields: FieldDifference[];
}

export interface ScenarioComparison {
  regions: RegionComparison[];
  totals: RegionComparison;
  added: Position[];
  removed: Position[];
  changed: PositionChange[];
  /** Position id → its name as people read it (structure — role (department)), for every position listed. */
  names: ReadonlyMap<string, string>;
}

const ZERO_SIDE: RegionSide = { envelope: 0 as Cents, committed: 0 as Cents, available: 0 as Cents, fte: 0 };

function sideOf(figures: ScenarioFigures, code: string): RegionSide {
  const r = figures.regionByCode.get(code);
  if (!r) return ZERO_SIDE;
  return {
    envelope: r.envelope,
    committed: r.committed,
    available: r.available,
    fte: r.fteByRole.facilitateur + r.fteByRole.coordinateur,
  };
}

function minus(b: RegionSide, a: RegionSide): RegionSide {
  return {
    envelope: (b.envelope - a.envelope) as Cents,
    committed: (b.committed - a.committed) as Cents,
    available: (b.available - a.available) as Cents,
    fte: b.fte - a.fte,
  };
}

function plus(x: RegionSide, y: RegionSide): RegionSide {
  return {
    envelope: (x.envelope + y.envelope) as Cents,
    committed: (x.committed + y.committed) as Cents,
    available: (x.available + y.available) as Cents,
    fte: x.fte + y.fte,
  };
}

/** Fields of a position as people see them: the structure by its name and status, not its id. */
function comparable(p: Position, structures: ReadonlyMap<string, Structure>): Record<string, unknown> {
  const { id: _id, structureId, ...rest } = p;
  const s = structures.get(structureId);
  return { structureName: s?.name ?? '', legalStatus: s?.legalStatus ?? null, ...rest };
}

function same(x: unknown, y: unknown): boolean {
  return x === y || JSON.stringify(x) === JSON.stringify(y);
}

export function diffPosition(
  before: Position,
  after: Position,
  structuresA: ReadonlyMap<string, Structure>,
  structuresB: ReadonlyMap<string, Structure>,
): FieldDifference[] {
  const a = comparable(before, structuresA);
  const b = comparable(after, structuresB);
  const fields: FieldDifference[] = [];
  for (const field of Object.keys({ ...a, ...b })) {
    if (!same(a[field], b[field])) fields.push({ field, before: a[field], after: b[field] });
  }
  return fields;
}

export function compareScenarios(
  a: Scenario,
  b: Scenario,
  fa: ScenarioFigures,
  fb: ScenarioFigures,
): ScenarioComparison {
  const codes = [
    ...new Set([...fa.regions.map((r) => r.regionCode), ...fb.regions.map((r) => r.regionCode)]),
  ];
  const regions = codes.map((regionCode) => {
    const sa = sideOf(fa, regionCode);
    const sb = sideOf(fb, regionCode);
    return { regionCode, a: sa, b: sb, delta: minus(sb, sa) };
  });
  const ta = regions.reduce((acc, r) => plus(acc, r.a), ZERO_SIDE);
  const tb = regions.reduce((acc, r) => plus(acc, r.b), ZERO_SIDE);
  const totals = { regionCode: '', a: ta, b: tb, delta: minus(tb, ta) };
  const sA = new Map(a.structures.map((s) => [s.id, s]));
  const sB = new Map(b.structures.map((s) => [s.id, s]));
  const byIdA = new Map(a.positions.map((p) => [p.id, p]));
  const byIdB = new Map(b.positions.map((p) => [p.id, p]));
  const added = b.positions.filter((p) => !byIdA.has(p.id));
  const removed = a.positions.filter((p) => !byIdB.has(p.id));
  const changed: PositionChange[] = [];
  for (const after of b.positions) {
    const before = byIdA.get(after.id);
    if (!before) continue;
    const fields = diffPosition(before, after, sA, sB);
    if (fields.length > 0) changed.push({ id: after.id, before, after, fields });
  }
  const names = new Map<string, string>();
  for (const p of added) names.set(p.id, describePosition(p, sB));
  for (const p of removed) names.set(p.id, describePosition(p, sA));
  for (const ch of changed) names.set(ch.id, describePosition(ch.after, sB));
  return { regions, totals, added, removed, changed, names };
}
