// What an import would change, computed before anything is written (pure): positions to add, to update (with
// the fields that change) or unchanged, structures to add or update, and the diagnostics. A position is matched
// by the app's id when the file has it and the scenario knows it, else by structure name + role + department;
// the same position twice in the file is reported, never duplicated. The caller turns the plan into one
// storage transaction.
import { departmentByCode } from '../../domain/reference/departments';
import {
  FUNDER_CATEGORIES,
  type CoFunding,
  type Position,
  type Scenario,
  type Structure,
} from '../../domain/types';
import { sumsByCategory } from '../restore/co-funding-sheet';
import type { Diagnostic } from '../restore/diagnostics';
import type { IgnoredRow } from '../table/find-table';
import {
  cachedNameKey as nameKey,
  structureKey,
  type RestoredRows,
  type RestoredSource,
} from '../restore/restore-rows';

export interface PositionUpdate {
  before: Position;
  after: Position;
  changedFields: (keyof Position)[];
}

export interface StructureUpdate {
  before: Structure;
  after: Structure;
  changedFields: (keyof Structure)[];
}

export interface ImportPlan {
  toAdd: Position[];
  toUpdate: PositionUpdate[];
  unchanged: number;
  structuresToAdd: Structure[];
  structuresToUpdate: StructureUpdate[];
  diagnostics: Diagnostic[];
  ignored: IgnoredRow[];
  regionsTouched: string[];
}

const positionKey = (structureName: string, role: string, departmentCode: string) =>
  `${nameKey(structureName)}|${role}|${departmentCode}`;

function sameCoFundings(a: readonly CoFunding[], b: readonly CoFunding[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.funder === b[i]?.funder && c.category === b[i]?.category && c.amount === b[i]?.amount)
  );
}

/** Co-fundings after an update from per-category amounts: unchanged categories keep their funders. */
function mergeCoFundings(before: readonly CoFunding[], file: readonly CoFunding[]): readonly CoFunding[] {
  const was = sumsByCategory(before);
  const now = sumsByCategory(file);
  const changed = new Set(FUNDER_CATEGORIES.filter((_, k) => was[k] !== now[k]));
  if (changed.size === 0) return before;
  const kept = before.filter((c) => !changed.has(c.category));
  const added = file
    .filter((c) => changed.has(c.category))
    .map((c) => {
      const previous = before.filter((b) => b.category === c.category);
      return previous.length === 1 ? { ...c, funder: (previous[0] as CoFunding).funder } : c;
    });
  return [...kept, ...added];
}

function mergePosition(
  before: Position,
  file: Position,
  source: RestoredSource,
  fields: ReadonlySet<keyof Position>,
) {
  const after: Position = { ...before };
  const write = after as unknown as Record<keyof Position, unknown>;
  for (const f of fields) if (f !== 'id' && f !== 'coFundings') write[f] = file[f];
  if (fields.has('coFundings')) {
    after.coFundings = source.detailedCoFundings
      ? file.coFundings
      : mergeCoFundings(before.coFundings, file.coFundings);
  }
  if (fields.has('regionCode') && !fields.has('departmentCode')) {
    const department = departmentByCode(before.departmentCode);
    if (department && department.regionCode !== after.regionCode) after.departmentCode = '';
  }
  const changed = (Object.keys(after) as (keyof Position)[]).filter((k) =>
    k === 'coFundings' ? !sameCoFundings(before.coFundings, after.coFundings) : before[k] !== after[k],
  );
  return { after, changed };
}

class StructureResolver {
  private readonly byId: Map<string, Structure>;
  private readonly byKey = new Map<string, Structure>();
  private readonly resolved = new Map<string, string>();
  readonly toAdd: Structure[] = [];
  readonly updates = new Map<string, StructureUpdate>();

  constructor(
    current: readonly Structure[],
    private readonly restored: RestoredRows,
  ) {
    this.byId = new Map(current.map((s) => [s.id, s]));
    for (const s of current) {
      const key = structureKey(s.name, s.departmentCode);
      if (!this.byKey.has(key)) this.byKey.set(key, s);
    }
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? '';
  }

  /** Id of the structure a file row points at: the one of the matched position when the name agrees. */
  resolve(file: Structure, before: Position | undefined): string {
    const held = before ? this.byId.get(before.structureId) : undefined;
    if (held && nameKey(held.name) === nameKey(file.name)) return this.update(held, file);
    const done = this.resolved.get(file.id);
    if (done) return done;
    const existing = this.byKey.get(structureKey(file.name, file.departmentCode));
    const id = existing ? this.update(existing, file) : file.id;
    if (!existing) this.toAdd.push(file);
    this.resolved.set(file.id, id);
    return id;
  }

  private update(existing: Structure, file: Structure): string {
    const info = this.restored.structureInfo.get(file.id);
    const base = this.updates.get(existing.id)?.after ?? existing;
    const after: Structure = { ...base };
    if (info?.legalStatus) after.legalStatus = file.legalStatus;
    if (info?.siret && file.siret !== '') after.siret = file.siret;
    const changedFields = (['legalStatus', 'siret'] as const).filter((k) => after[k] !== existing[k]);
    if (changedFields.length > 0 && !this.updates.has(existing.id))
      this.updates.set(existing.id, { before: existing, after, changedFields: [...changedFields] });
    return existing.id;
  }
}

/** Matches file rows to the scenario's positions, once each, and records duplicates. */
class Matcher {
  private readonly byId: Map<string, Position>;
  private readonly byKey = new Map<string, Position[]>();
  private readonly matchedRow = new Map<string, number>();
  private readonly keyRow = new Map<string, number>();
  private readonly idRow = new Map<string, number>();

  constructor(current: Scenario, structures: StructureResolver) {
    this.byId = new Map(current.positions.map((p) => [p.id, p]));
    for (const p of current.positions) {
      const key = positionKey(structures.name(p.structureId), p.role, p.departmentCode);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), p]);
    }
  }

  /** The position a row updates (undefined: a new one), or a French message when the row is a duplicate. */
  match(p: Position, source: RestoredSource, key: string): { before?: Position } | { duplicate: string } {
    const seen = source.idFromFile ? this.idRow : this.keyRow;
    const first = seen.get(source.idFromFile ? p.id : key);
    if (first !== undefined) {
      return {
        duplicate: source.idFromFile
          ? `poste en double : l'identifiant « ${p.id} » figure déjà ligne ${first} (ligne non importée)`
          : `poste en double : même structure, fonction et département que la ligne ${first} (ligne non importée)`,
      };
    }
    seen.set(source.idFromFile ? p.id : key, source.row);
    let before = source.idFromFile ? this.byId.get(p.id) : undefined;
    before ??= this.byKey.get(key)?.find((c) => !this.matchedRow.has(c.id));
    if (!before) return {};
    const earlier = this.matchedRow.get(before.id);
    if (earlier !== undefined)
      return { duplicate: `poste en double : même poste que la ligne ${earlier} (ligne non importée)` };
    this.matchedRow.set(before.id, source.row);
    return { before };
  }
}

/** The plan of an import of `restored` into `current`; see ImportPlan. Pure: nothing is written. */
export function planImport(current: Scenario, restored: RestoredRows): ImportPlan {
  const structures = new StructureResolver(current.structures, restored);
  const matcher = new Matcher(current, structures);
  const restoredStructures = new Map(restored.structures.map((s) => [s.id, s]));
  const plan: ImportPlan = {
    toAdd: [],
    toUpdate: [],
    unchanged: 0,
    structuresToAdd: structures.toAdd,
    structuresToUpdate: [],
    diagnostics: [...restored.diagnostics],
    ignored: restored.ignored,
    regionsTouched: restored.regionsTouched,
  };
  restored.positions.forEach((p, i) => {
    const source = restored.sources[i] as RestoredSource;
    const file = restoredStructures.get(p.structureId) as Structure;
    const found = matcher.match(p, source, positionKey(file.name, p.role, p.departmentCode));
    if ('duplicate' in found) {
      const row = source.row;
      plan.diagnostics.push({
        sheet: restored.sheet,
        row,
        column: '',
        field: null,
        message: found.duplicate,
        severity: 'error',
      });
      return;
    }
    const structureId = structures.resolve(file, found.before);
    if (!found.before) {
      plan.toAdd.push({ ...p, structureId });
      return;
    }
    const { after, changed } = mergePosition(
      found.before,
      { ...p, structureId },
      source,
      restored.providedFields,
    );
    if (changed.length === 0) plan.unchanged++;
    else plan.toUpdate.push({ before: found.before, after, changedFields: changed });
  });
  plan.structuresToUpdate = [...structures.updates.values()];
  return plan;
}
