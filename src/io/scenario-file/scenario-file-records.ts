// Restore of a scenario file's positions and structures through the import pipeline: the `Postes` sheet is
// found, mapped and restored like any workbook (a file edited by hand gets the import's diagnostics), the
// funder names come from `Cofinancements`, and `Structures` with `Rattachements` give back the structures'
// ids (scenario-file-structures.ts). Never throws per row.
import { err, ok, type Result } from '../../domain/result';
import type { Campaign, Position, Structure } from '../../domain/types';
import { readCoFundingSheet } from '../restore/co-funding-sheet';
import { proposeMapping, validateMapping } from '../table/column-mapping';
import { SHEET_NAMES } from '../export/export-sheets';
import { findTable } from '../table/find-table';
import { restoreRows, type RestoredRows } from '../restore/restore-rows';
import { cellDiagnostic, fromRowDiagnostic, type FileDiagnostic } from './scenario-file-diagnostics';
import { findSheet } from './scenario-file-migrate';
import { linkStructures, readLinkSheet, readStructureSheet } from './scenario-file-structures';
import type { WorkbookData } from '../workbook-data';

export type NewId = (kind: 'position' | 'structure') => string;

export interface RestoredRecords {
  positions: Position[];
  structures: Structure[];
  ignored: RestoredRows['ignored'];
}

/** Positions and structures of the file; an error when the Postes sheet cannot be read at all. */
export function restoreRecords(
  workbook: WorkbookData,
  campaign: Campaign,
  newId: NewId,
  out: FileDiagnostic[],
): Result<RestoredRecords> {
  const sheet = findSheet(workbook, SHEET_NAMES.positions);
  const table = sheet ? findTable(sheet) : null;
  if (!table)
    return err(
      `La feuille « Postes » du fichier « ${workbook.fileName} » est absente ou n’a pas d’en-tête reconnu : le fichier ne peut pas être ouvert.`,
    );
  const { mapping } = proposeMapping(table.headers);
  const problems = validateMapping(mapping, table.headers);
  if (problems.length > 0)
    return err(
      `La feuille « Postes » du fichier « ${workbook.fileName} » ne peut pas être lue : ${problems.join(' ')}`,
    );
  const restored = restoreRows(table, mapping, {
    campaign,
    newId,
    defaultRegionCode: null,
    coFundingDetail: readCoFundingSheet(workbook),
  });
  for (const d of restored.diagnostics) out.push(fromRowDiagnostic(d));
  const { structures, structureOf } = linkStructures(
    restored,
    readStructureSheet(workbook, out),
    readLinkSheet(workbook),
  );
  const seen = new Set<string>();
  const positions = restored.positions.map((p, i) => {
    let id = p.id;
    if (seen.has(id)) {
      id = newId('position');
      const row = restored.sources[i]?.row ?? 0;
      out.push(
        cellDiagnostic(
          table.sheetName,
          row,
          'A',
          `identifiant « ${p.id} » en double : nouvel identifiant « ${id} »`,
        ),
      );
    }
    seen.add(id);
    return { ...p, id, structureId: structureOf[i] ?? p.structureId };
  });
  return ok({ positions, structures, ignored: restored.ignored });
}
