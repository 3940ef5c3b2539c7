// The one way this module writes: a single read-write Dexie transaction over every table a change touches,
// so a change, its change-log rows and its history entry are stored together or not at all. Any failure
// (quota, closed database, a bad value) aborts the transaction and is rethrown as a French StorageError.
import type { PlannerDb } from './db';
import { toReadError, toStorageError } from './errors';

/** Runs `work` in one read-write transaction over scenarios, structures, positions, changes and history. */
export async function writeTransaction<T>(db: PlannerDb, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction(
      'rw',
      [db.scenarios, db.structures, db.positions, db.changes, db.history],
      work,
    );
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Runs `work` in one read-only transaction over the scenario tables (a consistent snapshot). */
export async function readTransaction<T>(db: PlannerDb, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('r', [db.scenarios, db.structures, db.positions, db.history], work);
  } catch (error) {
    throw toReadError(error);
  }
}
