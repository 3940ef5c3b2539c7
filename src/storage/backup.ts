// Full backup and restore of the database content: every scenario with its records, and the change log.
// A restore replaces everything in ONE transaction (all or nothing); undo stacks start empty afterwards.
import type { Scenario } from '../domain/types';
import { allChanges, packChangeRows } from './change-log';
import type { PlannerDb } from './db';
import { toReadError, toStorageError } from './errors';
import { newBatchId, nowIso } from './ids';
import type { ChangeRow, PositionRow, StructureRow } from './rows';
import { assertUniqueIds } from './scenario-ops';
import { loadScenario } from './scenarios';

export interface BackupContent {
  scenarios: Scenario[];
  changes: ChangeRow[];
}

/** Everything, read scenario by scenario (each one a consistent snapshot). */
export async function readEverything(db: PlannerDb): Promise<BackupContent> {
  try {
    const ids = (await db.scenarios.toCollection().primaryKeys()) as string[];
    const scenarios: Scenario[] = [];
    for (const id of ids) {
      const s = await loadScenario(db, id);
      if (s) scenarios.push(s);
    }
    const changes = await allChanges(db);
    return { scenarios, changes: changes.map(({ seq: _seq, part: _part, ...c }) => c) };
  } catch (error) {
    throw toReadError(error);
  }
}

/** Replaces every scenario, record, change-log row and undo entry by the backup's, in one transaction. */
export async function restoreEverything(db: PlannerDb, content: BackupContent, who: string): Promise<void> {
  for (const s of content.scenarios) assertUniqueIds(s);
  try {
    await db.transaction(
      'rw',
      [db.scenarios, db.structures, db.positions, db.changes, db.history],
      async () => {
        await Promise.all([
          db.scenarios.clear(),
          db.structures.clear(),
          db.positions.clear(),
          db.history.clear(),
        ]);
        await db.changes.clear();
        for (const s of content.scenarios) {
          const { structures, positions, regions, ...row } = s;
          await db.scenarios.add({ ...row, regions: [...regions] });
          await db.structures.bulkAdd(
            structures.map((x, order): StructureRow => ({ ...x, scenarioId: s.id, order })),
          );
          await db.positions.bulkAdd(
            positions.map((x, order): PositionRow => ({ ...x, scenarioId: s.id, order })),
          );
        }
        await db.changes.bulkAdd(packChangeRows(content.changes));
        const at = nowIso();
        const batchId = newBatchId();
        await db.changes.bulkAdd(
          content.scenarios.map((s) => ({
            scenarioId: s.id,
            batchId,
            at,
            who,
            source: 'restore' as const,
            entity: 'scenario' as const,
            entityId: s.id,
            field: '*',
            oldValue: null,
            newValue: { name: s.name, positions: s.positions.length },
            label: 'Restauration d’une sauvegarde',
          })),
        );
      },
    );
  } catch (error) {
    throw toStorageError(error);
  }
}
