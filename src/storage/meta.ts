// Small settings of this browser, one row per key: user name, active scenario, demo scenario, last save,
// whether persistent storage was granted. Values are JSON-safe.
import type { PlannerDb } from './db';
import { toReadError, toStorageError } from './errors';
import type { MetaKey } from './rows';

export type { MetaKey } from './rows';

/** The value stored under `key`, or undefined. The caller states the type it stored. */
export async function getMeta<T>(db: PlannerDb, key: MetaKey): Promise<T | undefined> {
  try {
    const row = await db.meta.get(key);
    return row?.value as T | undefined;
  } catch (error) {
    throw toReadError(error);
  }
}

/** Stores `value` under `key`; undefined removes the key. Rejects with a French StorageError. */
export async function setMeta(db: PlannerDb, key: MetaKey, value: unknown): Promise<void> {
  try {
    if (value === undefined) await db.meta.delete(key);
    else await db.meta.put({ key, value });
  } catch (error) {
    throw toStorageError(error);
  }
}
