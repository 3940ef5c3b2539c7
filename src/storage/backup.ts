// Full backup and restore of the database content: every scenario with its records, and the change log.
// A restore replaces everything in ONE transaction (all or nothing); undo stacks start empty afterwards.
import type { Scenario } from '../domain/types';
import { allChanges, packChangeRows } from './change-log';
import type { PlannerDb } from './db';
import { toReadError, toStorageError } from './errors';
import { newBatchId, nowIso } from './ids';
import { packRecords } from './buckets';
import type { ChangeRow } from './rows';
import { assertUniqueIds } from './scenario-ops';
import { loadScenario, toRow } from './scenarios';

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
      [db.scenarios, db.structureBuckets, db.positionBuckets, db.changes, db.history],
      async () => {
        await Promise.all([
          db.scenarios.clear(),
          db.structureBuckets.clear(),
          db.positionBuckets.clear(),
          db.history.clear(),
        ]);
        await db.changes.clear();
        for (const s of content.scenarios) {
          await db.scenarios.add(toRow(s));
          // Each await writes something (transaction.ts): a scenario without records has no bucket.
          const structures = packRecords('structures', s.id, s.structures);
          const positions = packRecords('positions', s.id, s.positions);
          if (structures.length) await db.structureBuckets.bulkAdd(structures);
          if (positions.length) await db.positionBuckets.bulkAdd(positions);
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
