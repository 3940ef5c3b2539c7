// The shapes of the rows stored in IndexedDB (schema version 3: positions and structures packed in buckets; since
// version 2 a change-log row may pack several changes).
// Changing one of them needs a new schema version in migrations.ts with an upgrade function, tested with rows
// written by the previous version.
import type { ChangeRow } from '../domain/change-log';
import type { Campaign, Position, RegionBudget, Structure } from '../domain/types';
import type { Op } from '../domain/ops';

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
  /**
   * Bumped by one by every write that changes the scenario, so that a tab applies the ops it hears of in the
   * order storage applied them (state/shown-scenario.svelte.ts). A new row starts at its creation time in
   * milliseconds: a scenario restored or deleted and created again never goes back to a revision a tab holds.
   * Absent on rows written before it existed: read as 0.
   */
  revision?: number;
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

/** The change log's entries are the domain's (files carry them too); re-exported for storage code. */
export { CHANGE_ENTITIES, CHANGE_SOURCES } from '../domain/change-log';
export type { ChangeEntity, ChangeRow, ChangeSource } from '../domain/change-log';

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
