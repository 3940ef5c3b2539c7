// Which regions each regional file claims and where two files collide. A file claims the regions of its
// positions and the regions where its envelope is not zero. Two files claiming one region, or (among the
// positions kept after the region choices) one position id in two files, are conflicts the person resolves:
// keep one file, or keep them all (the later files' colliding positions get new ids). Pure.
import { describePosition } from './record-names';
import type { Scenario, Structure } from './types';

export interface ConsolidationInput {
  /** The file's name, as shown to the person. */
  fileName: string;
  scenario: Scenario;
}

export interface Conflict {
  /** Stable key of the choice: `region:76` or `position:gen-76-0`. */
  id: string;
  kind: 'region' | 'position';
  /** Region code or position id. */
  key: string;
  /** Indexes (in the inputs) of the files involved, ascending. */
  files: number[];
  /** Position conflicts: the colliding positions are equal field by field. */
  identical: boolean;
}

/** Keep only file `keep` (an input index), or keep every file of the conflict. */
export type Resolution = { keep: number } | { keep: 'all' };
export type Resolutions = ReadonlyMap<string, Resolution>;

/** The choices with `entries` added or replaced (a new map: choices are never changed in place). */
export function withChoices(
  resolutions: Resolutions,
  entries: Iterable<readonly [string, Resolution]> = [],
): Resolutions {
  return new Map([...resolutions, ...entries]);
}

export const NO_CHOICES: Resolutions = new Map();

export const regionConflictId = (code: string) => `region:${code}`;
export const positionConflictId = (id: string) => `position:${id}`;

/** Region codes a file claims, sorted. */
export function claimedRegions(scenario: Scenario): string[] {
  const codes = new Set<string>();
  for (const p of scenario.positions) if (p.regionCode) codes.add(p.regionCode);
  for (const r of scenario.regions) if (r.envelope !== 0) codes.add(r.regionCode);
  return [...codes].sort();
}

/** Region code → indexes of the files claiming it, in input order. */
export function claimsByRegion(inputs: readonly ConsolidationInput[]): Map<string, number[]> {
  const claims = new Map<string, number[]>();
  inputs.forEach((input, f) => {
    for (const code of claimedRegions(input.scenario)) claims.set(code, [...(claims.get(code) ?? []), f]);
  });
  return claims;
}

/**
 * Whether file `f` supplies region `code`: it claims it and is alone, or the person kept it (or kept all).
 * An unresolved region conflict supplies nothing yet.
 */
export function suppliesRegion(
  f: number,
  code: string,
  claims: ReadonlyMap<string, readonly number[]>,
  resolutions: Resolutions,
): boolean {
  const claimers = claims.get(code) ?? [];
  if (!claimers.includes(f)) return false;
  if (claimers.length === 1) return true;
  const choice = resolutions.get(regionConflictId(code));
  return choice !== undefined && (choice.keep === 'all' || choice.keep === f);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Region conflicts (always), then position conflicts among the positions the region choices keep. */
export function findConflicts(inputs: readonly ConsolidationInput[], resolutions: Resolutions): Conflict[] {
  const claims = claimsByRegion(inputs);
  const conflicts: Conflict[] = [];
  for (const [code, files] of [...claims].sort(([a], [b]) => a.localeCompare(b))) {
    if (files.length > 1)
      conflicts.push({ id: regionConflictId(code), kind: 'region', key: code, files, identical: false });
  }
  const byId = new Map<string, number[]>();
  inputs.forEach((input, f) => {
    for (const p of input.scenario.positions) {
      if (suppliesRegion(f, p.regionCode, claims, resolutions))
        byId.set(p.id, [...(byId.get(p.id) ?? []), f]);
    }
  });
  const byFile = inputs.map((input) => new Map(input.scenario.positions.map((p) => [p.id, p])));
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    const copies = files.map((f) => byFile[f]?.get(id));
    const identical = copies.every((p) => sameJson(p, copies[0]));
    conflicts.push({ id: positionConflictId(id), kind: 'position', key: id, files, identical });
  }
  return conflicts;
}

/** Conflicts still waiting for a choice (a choice must name a file of the conflict, or all). */
export function unresolved(conflicts: readonly Conflict[], resolutions: Resolutions): Conflict[] {
  return conflicts.filter((c) => {
    const r = resolutions.get(c.id);
    return r === undefined || (r.keep !== 'all' && !c.files.includes(r.keep));
  });
}

/**
 * Each position conflict's position by its name (structure — role (department)), as the first file of the
 * conflict holds it: conflict id → name. One pass over each file involved.
 */
export function conflictPositionNames(
  inputs: readonly ConsolidationInput[],
  conflicts: readonly Conflict[],
): Map<string, string> {
  const wanted = new Map<string, Conflict>();
  for (const c of conflicts) if (c.kind === 'position') wanted.set(c.key, c);
  const names = new Map<string, string>();
  inputs.forEach((input, f) => {
    let structures: Map<string, Structure> | null = null;
    for (const p of input.scenario.positions) {
      const c = wanted.get(p.id);
      if (!c || names.has(c.id) || !c.files.includes(f)) continue;
      structures ??= new Map(input.scenario.structures.map((s) => [s.id, s]));
      names.set(c.id, describePosition(p, structures));
    }
  });
  for (const c of wanted.values())
    if (!names.has(c.id)) names.set(c.id, `poste sans nom (identifiant ${c.key})`);
  return names;
}
