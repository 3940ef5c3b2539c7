// The structures of a scenario file. The Postes sheet names a position's structure; the `Structures` sheet
// gives each structure its id and fields (those no position uses included) and `Rattachements` says which
// structure each position belongs to (two structures may share a name and a department). A link is followed
// only while the structure named in Postes still has that name, so a position moved by hand to another
// structure (its name changed in Postes) follows the new name.
import type { Structure } from '../../domain/types';
import { columnLetter } from '../cell-address';
import { headerKey } from '../table/header-vocabulary';
import { cachedNameKey, structureKey, type RestoredRows } from '../restore/restore-rows';
import * as read from '../restore/restore-values';
import { cellDiagnostic, fileDiagnostic, type FileDiagnostic } from './scenario-file-diagnostics';
import { LINK_HEADERS, SCENARIO_FILE_SHEETS, STRUCTURE_HEADERS } from './scenario-file-format';
import { findSheet } from './scenario-file-migrate';
import { readLegalStatus } from '../value-labels';
import type { CellValue, SheetData, WorkbookData } from '../workbook-data';

function columns(sheet: SheetData, titles: readonly string[]): number[] {
  const header = (sheet.rows[0] ?? []).map((v) => headerKey(read.cellText(v)));
  return titles.map((t) => header.indexOf(headerKey(t)));
}

const cellAt = (cells: readonly CellValue[], c: number | undefined) =>
  c === undefined || c < 0 ? null : (cells[c] ?? null);

/** The Structures sheet: one structure per row, with its id. Unreadable rows are reported and skipped. */
export function readStructureSheet(workbook: WorkbookData, out: FileDiagnostic[]): Structure[] {
  const name = SCENARIO_FILE_SHEETS.structures;
  const sheet = findSheet(workbook, name);
  if (!sheet) {
    out.push(
      fileDiagnostic('feuille absente : les identifiants des structures sont renouvelés', 'warning', name),
    );
    return [];
  }
  const [idCol, nameCol, siretCol, statusCol, depCol] = columns(sheet, STRUCTURE_HEADERS);
  const list: Structure[] = [];
  const seen = new Set<string>();
  sheet.rows.slice(1).forEach((cells, i) => {
    const warn = (c: number | undefined, message: string) =>
      out.push(cellDiagnostic(name, i + 2, c === undefined || c < 0 ? '' : columnLetter(c), message));
    if (cells.every((v) => read.isBlank(v))) return;
    const id = read.readId(cellAt(cells, idCol));
    const title = read.readText(cellAt(cells, nameCol));
    if (!id.ok || id.value === null)
      return warn(idCol, `${id.ok ? 'identifiant vide' : id.message} : ligne ignorée`);
    if (seen.has(id.value)) return warn(idCol, `identifiant « ${id.value} » en double : ligne ignorée`);
    if (!title.ok || title.value === '')
      return warn(nameCol, `${title.ok ? 'nom vide' : title.message} : ligne ignorée`);
    seen.add(id.value);
    const siret = read.readSiret(cellAt(cells, siretCol));
    const statusCell = cellAt(cells, statusCol);
    const status = read.isBlank(statusCell) ? null : readLegalStatus(read.cellText(statusCell));
    const depCell = cellAt(cells, depCol);
    const dep = read.isBlank(depCell) ? null : read.readDepartment(depCell);
    if (!siret.ok) warn(siretCol, `${siret.message} : SIRET laissé vide`);
    if (status && !status.ok) warn(statusCol, `${status.message} : « Autre » retenu`);
    if (dep && !dep.ok) warn(depCol, `${dep.message} : département laissé vide`);
    list.push({
      id: id.value,
      name: title.value,
      siret: siret.ok ? siret.value : '',
      legalStatus: status?.ok ? status.value : 'other',
      departmentCode: dep?.ok ? dep.value.code : '',
    });
  });
  return list;
}

/** Position id → structure id, from the Rattachements sheet (empty when it is missing). */
export function readLinkSheet(workbook: WorkbookData): Map<string, string> {
  const links = new Map<string, string>();
  const sheet = findSheet(workbook, SCENARIO_FILE_SHEETS.links);
  if (!sheet) return links;
  const [positionCol, structureCol] = columns(sheet, LINK_HEADERS);
  for (const cells of sheet.rows.slice(1)) {
    const p = read.readId(cellAt(cells, positionCol));
    const s = read.readId(cellAt(cells, structureCol));
    if (p.ok && s.ok && p.value !== null && s.value !== null && !links.has(p.value))
      links.set(p.value, s.value);
  }
  return links;
}

/** Sheet structure for a restored one without a link: same name and department, else the only one of that name. */
function matcher(sheetStructures: readonly Structure[]) {
  const byKey = new Map<string, Structure>();
  const byName = new Map<string, Structure[]>();
  for (const s of sheetStructures) {
    const key = structureKey(s.name, s.departmentCode);
    if (!byKey.has(key)) byKey.set(key, s);
    const n = cachedNameKey(s.name);
    byName.set(n, [...(byName.get(n) ?? []), s]);
  }
  return (s: Structure): Structure | undefined => {
    const sameName = byName.get(cachedNameKey(s.name)) ?? [];
    return (
      byKey.get(structureKey(s.name, s.departmentCode)) ?? (sameName.length === 1 ? sameName[0] : undefined)
    );
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/**
 * Each restored position's structure id, and the scenario's structures: the sheet's in its order (fields as
 * typed in Postes when exactly one group of Postes rows names that structure alone), then new ones.
 */
export function linkStructures(
  restored: RestoredRows,
  sheetStructures: readonly Structure[],
  links: ReadonlyMap<string, string>,
): { structures: Structure[]; structureOf: string[] } {
  const sheetById = new Map(sheetStructures.map((s) => [s.id, s]));
  const groups = new Map(restored.structures.map((s) => [s.id, s]));
  const find = matcher(sheetStructures);
  const targetsOfGroup = new Map<string, Set<string>>();
  const groupsOfTarget = new Map<string, Set<string>>();
  const structureOf = restored.positions.map((p, i) => {
    const group = groups.get(p.structureId);
    if (!group) return p.structureId;
    const linked = restored.sources[i]?.idFromFile ? sheetById.get(links.get(p.id) ?? '') : undefined;
    const target = linked && cachedNameKey(linked.name) === cachedNameKey(group.name) ? linked : find(group);
    const id = target?.id ?? group.id;
    addTo(targetsOfGroup, group.id, id);
    addTo(groupsOfTarget, id, group.id);
    return id;
  });
  const typed = (s: Structure): Structure => {
    const owners = groupsOfTarget.get(s.id);
    const groupId = owners?.size === 1 ? [...owners][0] : undefined;
    const group = groupId === undefined ? undefined : groups.get(groupId);
    if (!group || targetsOfGroup.get(group.id)?.size !== 1) return s;
    const info = restored.structureInfo.get(group.id);
    return {
      ...s,
      name: group.name,
      siret: info?.siret ? group.siret : s.siret,
      legalStatus: info?.legalStatus ? group.legalStatus : s.legalStatus,
    };
  };
  const fresh = restored.structures.filter((g) => groupsOfTarget.has(g.id) && !sheetById.has(g.id));
  return { structures: [...sheetStructures.map(typed), ...fresh], structureOf };
}
