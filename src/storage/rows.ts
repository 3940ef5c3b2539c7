// The shapes of the rows stored in IndexedDB (schema version 3: positions and structures packed in buckets; since
// version 2 a change-log row may pack several changes).
// Changing one of them needs a new schema version in migrations.ts with an upgrade function, tested with rows
// written by the previous version.
import type { Campaign, Position, RegionBudget, Structure } from '../domain/types';
import type { Op } from './ops';

/** How many records of one kind a scenario holds, and the list place the next new one gets. */
export interface RecordTally {
  count: number;
  nextOrder: number;
}

/** A scenario without its structures and positions, which live in their own tables. */
export interface ScenarioRow {
  id: string;
  name: string;
  campaign: Campaign;
  regions: RegionBudget[];
  /** ISO date-time. */
  createdAt: string;
  /** ISO date-time of the last accepted change of anything in the scenario. */
  updatedAt: string;
  /** Since version 3: kept with every write of the buckets, so that neither needs a scan of them. */
  stored: { positions: RecordTally; structures: RecordTally };
}

/**
 * Since version 3, the records of one kind of a scenario are packed in bucket rows keyed [scenarioId+bucket]
 * (buckets.ts): a record goes to the bucket given by a hash of its id. `order` keeps its list place: IndexedDB
 * gives rows by key, not by insertion. New records get the scenario's `stored.….nextOrder`.
 */
export interface BucketRow<T> {
  scenarioId: string;
  bucket: number;
  records: (T & { order: number })[];
}
export type PositionBucketRow = BucketRow<Position>;
export type StructureBucketRow = BucketRow<Structure>;

/** Where a change came from (stable ids; the UI translates them). */
/** Where a change came from; also the allowlist when change-log rows are read back from a file. */
export const CHANGE_SOURCES = [
  'grid',
  'paste',
  'import',
  'undo',
  'redo',
  'demo',
  'scenario',
  'allocation',
  'restore',
] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

export const CHANGE_ENTITIES = ['position', 'structure', 'region', 'campaign', 'scenario'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/**
 * One field of one record changed by one batch: the audit trail, never rewritten. This is the row the app reads
 * and files carry; IndexedDB stores several of one batch per row (StoredChangeRow).
 */
export interface ChangeRow {
  /** Key of the stored row holding this change. */
  seq?: number;
  /** Place of this change in its stored row (0: the row's own fields), when read back; with seq, unique. */
  part?: number;
  scenarioId: string;
  batchId: string;
  /** ISO date-time of the transaction. */
  at: string;
  /** User name as entered on this machine. */
  who: string;
  source: ChangeSource;
  entity: ChangeEntity;
  /** Position or structure id, region code, campaign id, or scenario id. */
  entityId: string;
  /** Field name, or `*` for a whole record created (oldValue null) or deleted (newValue null). */
  field: string;
  /** The value stored before the write (JSON-safe; amounts stay integer cents). */
  oldValue: unknown;
  newValue: unknown;
  /** Short French description of the batch, e.g. `Collage de 12 cellules`. */
  label: string;
}

/** A further change of the same batch, packed into a stored row. */
export type PackedChange = Pick<ChangeRow, 'entity' | 'entityId' | 'field' | 'oldValue' | 'newValue'>;

/**
 * A change-log row as stored. Schema version 1: one change per row. Since version 2, `more` holds further
 * changes of the same batch (same scenario, batch id, date, author, origin and label), in the order they were
 * made, after the row's own: a batch of 10 000 changes is 20 rows, not 10 000 IndexedDB requests. A row
 * without `more` is a version-1 row.
 */
export interface StoredChangeRow extends Omit<ChangeRow, 'part'> {
  more?: PackedChange[];
}

/** One undoable batch. `ops` hold the records as stored before and after, so undo restores them exactly. */
export interface HistoryRow {
  seq?: number;
  scenarioId: string;
  batchId: string;
  label: string;
  at: string;
  ops: Op[];
  /** True once undone; undone entries form the redo stack (always the newest entries). */
  undone: boolean;
}

export type MetaKey =
  | 'userName'
  | 'activeScenarioId'
  | 'demoScenarioId'
  | 'lastSavedAt'
  | 'storagePersisted'
  | 'deletedScenario'
  | 'importMappings';

export interface MetaRow {
  key: MetaKey;
  value: unknown;
}
