// Upgrade test harness: write rows with the schema of an older version (raw table writes, none of today's
// storage code), then open the same database with the current schema so every upgrade since runs.
import { PlannerDb } from '../../src/storage/db';
import { FAKE_IDB, openTestDb } from './helpers';

/** Rows per table, exactly as one schema version stored them (frozen literals in fixtures/). */
export type RawRows = Partial<Record<string, readonly object[]>>;

/** Creates the database at `version` (only the versions up to it are declared) and writes `rows`. */
export async function writeWithVersion(name: string, version: number, rows: RawRows): Promise<void> {
  const db = new PlannerDb(name, { ...FAKE_IDB, upToVersion: version });
  await db.open();
  if (db.verno !== version) throw new Error(`Version ${db.verno} ouverte au lieu de ${version}`);
  await db.transaction('rw', db.tables, async () => {
    for (const [table, list] of Object.entries(rows)) {
      if (list) await db.table(table).bulkAdd([...list]);
    }
  });
  db.close();
}

/** Opens with the current schema, as the app does after an update. */
export function openCurrent(name: string): Promise<PlannerDb> {
  return openTestDb(name);
}
