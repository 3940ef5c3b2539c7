// Pure builders of the ops behind each planner command (edit, paste, add, duplicate, delete, envelopes).
import { editPosition, type StructureCatalog } from '../domain/position-edit';
import { structureMap } from './structure-map';
import { eurosToCents, type Cents } from '../domain/money';
import { fte } from '../domain/fte';
import { parseFrenchAmount } from '../domain/parse-fr';
import { err, ok, type Result } from '../domain/result';
import type { Position, Scenario, Structure } from '../domain/types';
import { jsonEqual, type Op } from '../domain/ops';
import { describePosition, regionName } from '../domain/record-names';
import type { PasteCell, PasteProblem } from './planner-api';
import { newId } from './ids';

export interface OpsWithLabel {
  ops: Op[];
  label: string;
}

/** Finds a position by id; the planner passes its figures' index so no map of every position is built. */
export type PositionLookup = (id: string) => Position | undefined;

function scanLookup(scenario: Scenario): PositionLookup {
  let byId: Map<string, Position> | null = null;
  return (id) => (byId ??= new Map(scenario.positions.map((p) => [p.id, p]))).get(id);
}

/** The scenario's structures plus the ones created by earlier cells of the same batch. */
function catalogOf(base: ReadonlyMap<string, Structure>, added: Map<string, Structure>): StructureCatalog {
  return {
    get: (id) => added.get(id) ?? base.get(id),
    values: () => [...base.values(), ...added.values()],
  };
}

/** Ops for a batch of cell edits; every readable cell is applied, the others are reported. */
export function cellEditOps(
  scenario: Scenario,
  cells: readonly PasteCell[],
  lookup: PositionLookup = scanLookup(scenario),
): { ops: Op[]; problems: PasteProblem[]; applied: number } {
  const base = structureMap(scenario.structures);
  const touchedPositions = new Map<string, Position>();
  const touchedStructures = new Map<string, Structure>();
  const problems: PasteProblem[] = [];
  let applied = 0;
  const ctx = { structures: catalogOf(base, touchedStructures), newStructureId: () => newId('st') };
  for (const cell of cells) {
    const current = touchedPositions.get(cell.positionId) ?? lookup(cell.positionId);
    if (!current) {
      problems.push({ ...cell, message: 'poste introuvable (supprimé entre-temps ?)' });
      continue;
    }
    const r = editPosition(current, cell.field, cell.text, ctx);
    if (!r.ok) {
      problems.push({ ...cell, message: r.message });
      continue;
    }
    applied += 1;
    touchedPositions.set(current.id, r.value.position);
    if (r.value.structure) touchedStructures.set(r.value.structure.id, r.value.structure);
  }
  const ops: Op[] = [];
  for (const s of touchedStructures.values()) {
    const before = base.get(s.id) ?? null;
    if (!jsonEqual(before, s)) ops.push({ entity: 'structure', id: s.id, before, after: s });
  }
  for (const p of touchedPositions.values()) {
    const before = lookup(p.id) ?? null;
    if (!jsonEqual(before, p)) ops.push({ entity: 'position', id: p.id, before, after: p });
  }
  return { ops, problems, applied };
}

export function newPosition(scenario: Scenario, regionCode: string): Position {
  const c = scenario.campaign;
  return {
    id: newId('pos'),
    regionCode,
    departmentCode: '',
    structureId: '',
    role: 'facilitateur',
    fte: fte(100),
    annualCost: 0 as Cents,
    stateAmount: 0 as Cents,
    coFundings: [],
    cohort: c.year,
    conventionStart: c.defaultConventionStart,
    conventionEnd: c.defaultConventionEnd,
    conventionYear: 1,
    paymentSchedule: c.defaultPaymentSchedule,
    followUpService: '',
    purpose: 'ongoing',
    whiteZone: false,
    notes: '',
  };
}

export function deleteOps(scenario: Scenario, ids: readonly string[]): OpsWithLabel {
  const wanted = new Set(ids);
  const ops: Op[] = scenario.positions
    .filter((p) => wanted.has(p.id))
    .map((p) => ({ entity: 'position', id: p.id, before: p, after: null }));
  const [only] = ops;
  const label =
    ops.length === 1 && only?.before
      ? `Suppression du poste ${describePosition(only.before as Position, structureMap(scenario.structures))}`
      : ops.length === 1
        ? 'Suppression d’un poste'
        : `Suppression de ${ops.length} postes`;
  return { ops, label };
}

function readEnvelope(text: string): Result<Cents> {
  const r = parseFrenchAmount(text.trim() === '' ? '0' : text);
  if (!r.ok) return r;
  if (r.value < 0) return err(`enveloppe négative « ${text.trim()} »`);
  if (r.value > eurosToCents(1_000_000_000)) return err(`enveloppe hors limites « ${text.trim()} »`);
  return ok(r.value);
}

export function regionEnvelopeOps(
  scenario: Scenario,
  regionCode: string,
  text: string,
): Result<OpsWithLabel> {
  const before = scenario.regions.find((r) => r.regionCode === regionCode);
  if (!before) return err(`région inconnue « ${regionCode} »`);
  const amount = readEnvelope(text);
  if (!amount.ok) return amount;
  const after = { ...before, envelope: amount.value };
  return ok({
    ops: [{ entity: 'region', id: regionCode, before, after }],
    label: `Enveloppe régionale ${regionName(regionCode)}`,
  });
}

export function nationalEnvelopeOps(scenario: Scenario, text: string): Result<OpsWithLabel> {
  const amount = readEnvelope(text);
  if (!amount.ok) return amount;
  const before = scenario.campaign;
  const after = { ...before, nationalEnvelope: amount.value };
  return ok({ ops: [{ entity: 'campaign', id: before.id, before, after }], label: 'Enveloppe nationale' });
}
