// The planner's IndexedDB database (Dexie): tables, schema versions from migrations.ts, and the guard that
// stops this tab from writing once another tab has upgraded the schema.
//
// Two tabs, one database: when a tab with newer code opens a higher schema version, IndexedDB sends
// `versionchange` to every other connection. We close ours at once (so the upgrade can proceed) and call
// `onVersionChange`: the UI locks itself and asks for a reload. Closing with auto-open disabled means a
// later write fails with a StorageError ('closed') instead of silently reopening with the old schema.
// `blocked` (our upgrade waits for an old tab that did not close) calls `onBlocked`. A database already at
// a higher version than SCHEMA_VERSION is refused at every open (Dexie 4 would otherwise open it).
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from './migrations';
import { NEWER_SCHEMA_MESSAGE, StorageError, toReadError } from './errors';
import type { BucketKey } from './buckets';
import type {
  HistoryRow,
  MetaRow,
  PositionBucketRow,
  ScenarioRow,
  StoredChangeRow,
  StructureBucketRow,
} from './rows';

export { SCHEMA_VERSION } from './migrations';

export const DEFAULT_DB_NAME = 'etp-planner';

export interface VersionChangeInfo {
  /** The version another tab asks for (Dexie numbering), null when it deletes the database. */
  newVersion: number | null;
}

export interface PlannerDbOptions {
  /** An IndexedDB implementation (fake-indexeddb in tests); the browser's by default. */
  indexedDB?: IDBFactory;
  /** The IDBKeyRange matching `indexedDB`. */
  IDBKeyRange?: typeof IDBKeyRange;
  /** Called after this connection was closed because another tab upgrades or deletes the database. */
  onVersionChange?: (info: VersionChangeInfo) => void;
  /** Called when our upgrade waits for another tab that keeps the old version open. */
  onBlocked?: () => void;
  /** Declare only the versions up to this one: for upgrade tests that write an older version's rows. */
  upToVersion?: number;
}

export class PlannerDb extends Dexie {
  scenarios!: Table<ScenarioRow, string>;
  structureBuckets!: Table<StructureBucketRow, BucketKey>;
  positionBuckets!: Table<PositionBucketRow, BucketKey>;
  changes!: EntityTable<StoredChangeRow, 'seq'>;
  history!: EntityTable<HistoryRow, 'seq'>;
  meta!: Table<MetaRow, string>;

  /** The schema version this instance declares. */
  readonly schemaVersion: number;

  constructor(name: string, options: PlannerDbOptions = {}) {
    const dexieOptions: DexieOptions = {};
    if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
    super(name, dexieOptions);
    const upTo = options.upToVersion ?? SCHEMA_VERSION;
    const versions = SCHEMA_VERSIONS.filter((v) => v.version <= upTo);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.schemaVersion = versions[versions.length - 1]?.version ?? 0;
    this.installGuards(options);
  }

  private installGuards(options: PlannerDbOptions): void {
    // Subscribers run newest first; returning false skips Dexie's default handler, which would close with
    // auto-open still enabled and let a later write reopen the database with this (old) schema.
    this.on('versionchange', (event: IDBVersionChangeEvent) => {
      this.close({ disableAutoOpen: true });
      const newVersion = event.newVersion === null ? null : event.newVersion / 10;
      options.onVersionChange?.({ newVersion });
      return false;
    });
    // Sticky: runs on every open, also when Dexie reopens by itself after the browser closed the connection.
    this.on(
      'ready',
      () => {
        if (installedVersion(this) > this.schemaVersion) {
          throw new StorageError('newerSchema', NEWER_SCHEMA_MESSAGE);
        }
      },
      true,
    );
    this.on('blocked', () => {
      if (!options.onBlocked) return undefined;
      options.onBlocked();
      return false; // the UI tells the user; no console warning from Dexie's default handler
    });
  }
}

/** Dexie stores version × 10 natively (and may add 1 when it patches a schema). */
function installedVersion(db: Dexie): number {
  return Math.floor(db.backendDB().version / 10);
}

/**
 * Opens (creating or upgrading) the planner database. Rejects with a StorageError when IndexedDB is missing
 * or broken, or when the data was written by a newer version of the app ('newerSchema').
 */
export async function openPlannerDb(
  name = DEFAULT_DB_NAME,
  options: PlannerDbOptions = {},
): Promise<PlannerDb> {
  const db = new PlannerDb(name, options);
  try {
    await db.open();
  } catch (error) {
    db.close({ disableAutoOpen: true });
    throw toReadError(error);
  }
  return db;
}
