// What the import dialog shows of a preview (counts, rows left out and why, diagnostics, the first changes) and
// what its commit writes (the plan as storage ops, one transaction). Pure functions of the preview.
import type { Cents } from '../domain/money';
import type { Fte } from '../domain/fte';
import type { Position, Role, Structure } from '../domain/types';
import { FIELD_LABELS, type ImportField } from '../io/table/column-mapping';
import { formatDiagnostic } from '../io/restore/diagnostics';
import type { ImportPlan } from '../io/plan/import-plan';
import type { ImportPreview } from '../io/plan/import-preview';
import type { Op } from '../domain/ops';

/** Rows of the "changes" table and lines of the diagnostics list shown at most. */
export const SHOWN_CHANGES = 50;
export const SHOWN_LINES = 200;

export interface IgnoredLine {
  /** 1-based row in the sheet. */
  row: number;
  reason: string;
}

export interface ChangeLine {
  kind: 'add' | 'update';
  positionId: string;
  structureName: string;
  role: Role;
  departmentCode: string;
  fte: Fte;
  stateAmount: Cents;
  /** Fields an update changes (empty for an addition). */
  changedFields: readonly (keyof Position)[];
}

export interface ImportSummary {
  toAdd: number;
  toUpdate: number;
  unchanged: number;
  structuresToAdd: number;
  structuresToUpdate: number;
  /** Rows left out: blank, totals, footnotes, and rows with an error (not imported), in sheet order. */
  ignored: IgnoredLine[];
  /** Every diagnostic as `Feuille « Postes », ligne 14, colonne G : …`, errors and warnings. */
  diagnostics: { text: string; severity: 'error' | 'warning' }[];
  /** The first SHOWN_CHANGES positions to add, then to update. */
  changes: ChangeLine[];
  /** Ops the commit writes (0: nothing to write). */
  writes: number;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

/** `8 postes` / `1 poste` / `0 poste` (French: singular up to 1). */
export function positionsCount(n: number): string {
  return plural(n, 'poste', 'postes');
}

export type { ImportField } from '../io/table/column-mapping';

/** The fields a column can be mapped to, with their French names, for the mapping selects. */
export const IMPORT_FIELD_OPTIONS: readonly { field: ImportField; label: string }[] = (
  Object.keys(FIELD_LABELS) as ImportField[]
).map((field) => ({ field, label: FIELD_LABELS[field] }));

/** The counts of the preview in French: `8 postes à ajouter`, `0 poste à mettre à jour`, `8 inchangés`… */
export function countLines(s: ImportSummary): string[] {
  const lines = [
    `${positionsCount(s.toAdd)} à ajouter`,
    `${positionsCount(s.toUpdate)} à mettre à jour`,
    plural(s.unchanged, 'inchangé', 'inchangés'),
    plural(s.ignored.length, 'ligne ignorée', 'lignes ignorées'),
  ];
  if (s.structuresToAdd > 0) lines.push(`${plural(s.structuresToAdd, 'structure', 'structures')} à créer`);
  if (s.structuresToUpdate > 0)
    lines.push(`${plural(s.structuresToUpdate, 'structure', 'structures')} à mettre à jour`);
  return lines;
}

/** The plan as ops: structures first (positions refer to them), then positions; all in one transaction. */
export function importOps(plan: ImportPlan): Op[] {
  const ops: Op[] = [];
  for (const s of plan.structuresToAdd) ops.push({ entity: 'structure', id: s.id, before: null, after: s });
  for (const u of plan.structuresToUpdate)
    ops.push({ entity: 'structure', id: u.before.id, before: u.before, after: u.after });
  for (const p of plan.toAdd) ops.push({ entity: 'position', id: p.id, before: null, after: p });
  for (const u of plan.toUpdate)
    ops.push({ entity: 'position', id: u.before.id, before: u.before, after: u.after });
  return ops;
}

/** The change's label in the change log and the undo button: `Import de « fichier.xlsx » (8 postes)`. */
export function importLabel(fileName: string, plan: ImportPlan): string {
  return `Import de « ${fileName} » (${positionsCount(plan.toAdd.length + plan.toUpdate.length)})`;
}

/** `Import terminé : 8 postes ajoutés, 0 mis à jour`. */
export function importDoneMessage(added: number, updated: number): string {
  return `Import terminé : ${plural(added, 'poste ajouté', 'postes ajoutés')}, ${plural(updated, 'mis à jour', 'mis à jour')}`;
}

function ignoredLines(plan: ImportPlan): IgnoredLine[] {
  const lines: IgnoredLine[] = plan.ignored.map((r) => ({ row: r.row, reason: r.reason }));
  const withError = new Set<number>();
  for (const d of plan.diagnostics) {
    if (d.severity !== 'error' || withError.has(d.row)) continue;
    withError.add(d.row);
    lines.push({ row: d.row, reason: `non importée : ${d.message}` });
  }
  return lines.sort((a, b) => a.row - b.row);
}

function changeLines(plan: ImportPlan, structures: ReadonlyMap<string, Structure>): ChangeLine[] {
  const fileStructures = new Map<string, Structure>(plan.structuresToAdd.map((s) => [s.id, s]));
  const line = (kind: ChangeLine['kind'], p: Position, changedFields: readonly (keyof Position)[]) => ({
    kind,
    positionId: p.id,
    structureName: (fileStructures.get(p.structureId) ?? structures.get(p.structureId))?.name ?? '',
    role: p.role,
    departmentCode: p.departmentCode,
    fte: p.fte,
    stateAmount: p.stateAmount,
    changedFields,
  });
  const lines = plan.toAdd.slice(0, SHOWN_CHANGES).map((p) => line('add', p, []));
  for (const u of plan.toUpdate.slice(0, SHOWN_CHANGES - lines.length))
    lines.push(line('update', u.after, u.changedFields));
  return lines;
}

/** The dialog's picture of a preview; `structures` are the scenario's, by id (for the names). */
export function summarizeImport(
  preview: ImportPreview,
  structures: ReadonlyMap<string, Structure>,
): ImportSummary | null {
  const plan = preview.plan;
  if (!plan) return null;
  return {
    toAdd: plan.toAdd.length,
    toUpdate: plan.toUpdate.length,
    unchanged: plan.unchanged,
    structuresToAdd: plan.structuresToAdd.length,
    structuresToUpdate: plan.structuresToUpdate.length,
    ignored: ignoredLines(plan),
    diagnostics: plan.diagnostics.map((d) => ({ text: formatDiagnostic(d), severity: d.severity })),
    changes: changeLines(plan, structures),
    writes:
      plan.toAdd.length + plan.toUpdate.length + plan.structuresToAdd.length + plan.structuresToUpdate.length,
  };
}
