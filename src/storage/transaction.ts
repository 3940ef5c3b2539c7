// The one way this module writes: a single read-write Dexie transaction over every table a change touches,
// so a change, its change-log rows and its history entry are stored together or not at all. Any failure
// (quota, closed database, a bad value) aborts the transaction and is rethrown as a French StorageError.
//
// Rule for code inside these transactions: every `await` must wait for a Dexie request, or for an async helper
// that itself awaits Dexie requests directly (one level: a helper awaiting another async helper failed too).
// Dexie follows its transaction across native awaits only through its own promises; an await that resumes
// without one (an async helper with nothing to do, `await null`) can resume in another open transaction's
// context, and the write then fails with "Transaction committed too early". Helpers that may have nothing to do
// are skipped by their callers instead (test/storage/concurrent-transactions.test.ts).
import Dexie from 'dexie';
import type { PlannerDb } from './db';
import { toReadError, toStorageError } from './errors';

/** Runs `work` in one read-write transaction over scenarios, structure and position buckets, changes and history. */
export async function writeTransaction<T>(db: PlannerDb, work: () => Promise<T>): Promise<T> {
  try {
    return await Dexie.ignoreTransaction(() =>
      db.transaction(
        'rw',
        [db.scenarios, db.structureBuckets, db.positionBuckets, db.changes, db.history],
        work,
      ),
    );
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Runs `work` in one read-only transaction over the scenario tables (a consistent snapshot). */
export async function readTransaction<T>(db: PlannerDb, work: () => Promise<T>): Promise<T> {
  try {
    return await Dexie.ignoreTransaction(() =>
      db.transaction('r', [db.scenarios, db.structureBuckets, db.positionBuckets, db.history], work),
    );
  } catch (error) {
    throw toReadError(error);
  }
}
