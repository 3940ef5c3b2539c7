// National consolidation of regional scenario files: each region's positions, structures and envelope come
// from the file that supplies it (consolidation-conflicts.ts), regions nobody claims stay at zero, and a
// report says what came from which file. Refuses while a conflict has no choice: nothing is merged silently.
// Pure; amounts stay integer cents, so national totals are the exact sums of the regional ones.
import {
  claimsByRegion,
  findConflicts,
  positionConflictId,
  suppliesRegion,
  unresolved,
  type Conflict,
  type ConsolidationInput,
  type Resolutions,
} from './consolidation-conflicts';
import { campaignDifferences } from './consolidation-campaign';
import { formatEuros } from './format-fr';
import type { Cents } from './money';
import { departmentByCode } from './reference/departments';
import { regionName } from './record-names';
import { err, ok, type Result } from './result';
import type { Position, RegionBudget, Scenario, Structure } from './types';

export * from './consolidation-conflicts';

export interface ConsolidationOptions {
  name: string;
  /** ISO date-time of the consolidation. */
  now: string;
  /** Fresh ids for positions and structures whose ids collide. */
  newId: (kind: 'position' | 'structure') => string;
}

export interface RegionOrigin {
  regionCode: string;
  /** Indexes of the files that supplied the region (empty: nobody claimed it). */
  files: number[];
  positions: number;
  envelope: Cents;
}

export interface FileReport {
  fileName: string;
  /** Regions this file supplied. */
  regions: string[];
  positions: number;
  /** Positions of the file left out by a choice (another file kept for their region or id). */
  dropped: number;
  renamedPositions: { from: string; to: string }[];
  renamedStructures: { from: string; to: string }[];
}

export interface Consolidation {
  scenario: Scenario;
  regions: RegionOrigin[];
  files: FileReport[];
  /** French: differing campaign parameters and regional envelopes. */
  warnings: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Structures of all files under unique ids: equal ones merge, a different one under a taken id is renamed. */
class StructurePool {
  readonly list: Structure[] = [];
  private readonly taken = new Map<string, Structure>();
  private readonly mapped = new Map<string, string>();

  constructor(private readonly newId: ConsolidationOptions['newId']) {}

  idFor(f: number, s: Structure, report: FileReport): string {
    const key = `${f}\u0000${s.id}`;
    const known = this.mapped.get(key);
    if (known !== undefined) return known;
    const holder = this.taken.get(s.id);
    let id = s.id;
    if (holder && !same(holder, s)) {
      id = this.newId('structure');
      report.renamedStructures.push({ from: s.id, to: id });
    }
    if (!holder || id !== s.id) {
      const copy = { ...s, id };
      this.taken.set(id, copy);
      this.list.push(copy);
    }
    this.mapped.set(key, id);
    return id;
  }
}

function regionBudgets(
  inputs: readonly ConsolidationInput[],
  supplierOf: (code: string) => number[],
  extra: Iterable<string>,
  warnings: string[],
): RegionBudget[] {
  const order: string[] = [];
  for (const input of inputs)
    for (const r of input.scenario.regions) if (!order.includes(r.regionCode)) order.push(r.regionCode);
  for (const code of extra) if (!order.includes(code)) order.push(code);
  return order.map((regionCode) => {
    const budgets = supplierOf(regionCode).map((f) => ({
      f,
      budget: inputs[f]?.scenario.regions.find((r) => r.regionCode === regionCode),
    }));
    const first = budgets[0];
    for (const b of budgets.slice(1)) {
      if (
        same(b.budget?.envelope, first?.budget?.envelope) &&
        same(b.budget?.fteTarget, first?.budget?.fteTarget)
      )
        continue;
      warnings.push(
        `Région ${regionName(regionCode)} : enveloppe de ${formatEuros(b.budget?.envelope ?? (0 as Cents))} dans « ${inputs[b.f]?.fileName} », ${formatEuros(first?.budget?.envelope ?? (0 as Cents))} retenue (« ${first ? inputs[first.f]?.fileName : ''} »)`,
      );
    }
    return {
      regionCode,
      envelope: first?.budget?.envelope ?? (0 as Cents),
      fteTarget: first?.budget?.fteTarget ?? null,
    };
  });
}

/** One national scenario from regional files and the person's choices; an error while a conflict is open. */
export function consolidate(
  inputs: readonly ConsolidationInput[],
  resolutions: Resolutions,
  options: ConsolidationOptions,
): Result<Consolidation> {
  if (inputs.length === 0) return err('Aucun fichier à consolider.');
  const conflicts = findConflicts(inputs, resolutions);
  const open = unresolved(conflicts, resolutions);
  if (open.length > 0)
    return err(
      `${open.length} conflit${open.length > 1 ? 's' : ''} à résoudre avant de créer le scénario consolidé.`,
    );
  const claims = claimsByRegion(inputs);
  const positionConflicts = new Map<string, Conflict>(
    conflicts.filter((c) => c.kind === 'position').map((c) => [c.key, c]),
  );
  const pool = new StructurePool(options.newId);
  const positions: Position[] = [];
  const files = inputs.map((input, f): FileReport => {
    const report: FileReport = {
      fileName: input.fileName,
      regions: [],
      positions: 0,
      dropped: 0,
      renamedPositions: [],
      renamedStructures: [],
    };
    const structures = new Map(input.scenario.structures.map((s) => [s.id, s]));
    const used = new Set<string>();
    for (const p of input.scenario.positions) {
      used.add(p.structureId);
      const conflict = positionConflicts.get(p.id);
      const choice = conflict ? resolutions.get(positionConflictId(p.id)) : undefined;
      if (
        !suppliesRegion(f, p.regionCode, claims, resolutions) ||
        (choice && choice.keep !== 'all' && choice.keep !== f)
      ) {
        report.dropped++;
        continue;
      }
      let id = p.id;
      if (conflict && choice?.keep === 'all' && conflict.files[0] !== f) {
        id = options.newId('position');
        report.renamedPositions.push({ from: p.id, to: id });
      }
      const structure = structures.get(p.structureId);
      const structureId = structure ? pool.idFor(f, structure, report) : p.structureId;
      positions.push({ ...p, id, structureId });
      report.positions++;
    }
    for (const s of input.scenario.structures) {
      const region = departmentByCode(s.departmentCode)?.regionCode;
      if (!used.has(s.id) && region && suppliesRegion(f, region, claims, resolutions))
        pool.idFor(f, s, report);
    }
    report.regions = [...claims.keys()].filter((code) => suppliesRegion(f, code, claims, resolutions)).sort();
    return report;
  });
  const supplierOf = (code: string) =>
    (claims.get(code) ?? []).filter((f) => suppliesRegion(f, code, claims, resolutions));
  const warnings = campaignDifferences(
    inputs.map((i) => ({ fileName: i.fileName, campaign: i.scenario.campaign })),
  );
  const regions = regionBudgets(inputs, supplierOf, claims.keys(), warnings);
  const first = inputs[0] as ConsolidationInput;
  const scenario: Scenario = {
    id: 'consolidation',
    name: options.name,
    campaign: first.scenario.campaign,
    regions,
    structures: pool.list,
    positions,
    createdAt: options.now,
    updatedAt: options.now,
  };
  const origins = regions.map((r): RegionOrigin => ({
    regionCode: r.regionCode,
    files: supplierOf(r.regionCode),
    positions: positions.filter((p) => p.regionCode === r.regionCode).length,
    envelope: r.envelope,
  }));
  return ok({ scenario, regions: origins, files, warnings });
}
