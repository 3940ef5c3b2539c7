// The change log that travels in a scenario file, appended to the scenario the file was opened as. Rows keep
// their original date, author, origin and label (the audit trail of the colleague who made them); their batch
// ids are prefixed `fichier:` so they never mix with this browser's undo batches, and a last row (origin
// `restore`) says from which file and how many rows were taken. One transaction: all rows or none.
import { packChangeRows } from './change-log';
import type { PlannerDb } from './db';
import { StorageError } from './errors';
import { newBatchId, nowIso } from './ids';
import { CHANGE_ENTITIES, CHANGE_SOURCES, type ChangeRow } from './rows';
import { writeTransaction } from './transaction';

/** A change-log row read from a file (a ChangeRow without seq and scenario id). */
export type ImportedChange = Omit<ChangeRow, 'seq' | 'scenarioId'>;

export interface ChangeLogImport {
  /** The scenario created from the file (it must exist). */
  scenarioId: string;
  fileName: string;
  /** Who opened the file, for the closing row. */
  who: string;
  /** Oldest first. */
  rows: readonly ImportedChange[];
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** Field-by-field copy; a row with an unknown entity or no date is skipped, an unknown origin is `restore`. */
function copyRow(row: ImportedChange, scenarioId: string): ChangeRow | null {
  if (
    !CHANGE_ENTITIES.includes(row.entity) ||
    typeof row.at !== 'string' ||
    !Number.isFinite(Date.parse(row.at))
  )
    return null;
  return {
    scenarioId,
    batchId: `fichier:${scenarioId}:${text(row.batchId, 100)}`,
    at: row.at,
    who: text(row.who, 200),
    source: CHANGE_SOURCES.includes(row.source) ? row.source : 'restore',
    entity: row.entity,
    entityId: text(row.entityId, 200),
    field: text(row.field, 100),
    oldValue: row.oldValue ?? null,
    newValue: row.newValue ?? null,
    label: text(row.label, 500),
  };
}

/** Appends the file's rows and the closing row; returns how many file rows were written. */
export async function importChangeLog(db: PlannerDb, input: ChangeLogImport): Promise<number> {
  return writeTransaction(db, async () => {
    if (!(await db.scenarios.get(input.scenarioId)))
      throw new StorageError('notFound', 'Scénario introuvable : le journal du fichier n’a pas été repris.');
    const rows = input.rows.flatMap((r) => copyRow(r, input.scenarioId) ?? []);
    const closing: ChangeRow = {
      scenarioId: input.scenarioId,
      batchId: newBatchId(),
      at: nowIso(),
      who: input.who,
      source: 'restore',
      entity: 'scenario',
      entityId: input.scenarioId,
      field: 'journal',
      oldValue: null,
      newValue: { fileName: input.fileName, rows: rows.length },
      label: `Journal repris du fichier « ${input.fileName} » (${rows.length} ligne${rows.length > 1 ? 's' : ''})`,
    };
    await db.changes.bulkAdd(packChangeRows([...rows, closing]));
    return rows.length;
  });
}
