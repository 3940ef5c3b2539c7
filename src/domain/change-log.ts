// The change log's entries as the app and its files know them: who changed which field of which record, from
// where, old → new. Storage keeps them (packed, storage/rows.ts) and the backup and scenario files carry them;
// both depend on this module, never on each other.

/** Where a change came from (stable ids; the UI translates them); also the allowlist when entries are read back from a file. */
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
 * One field of one record changed by one batch: the audit trail, never rewritten. This is the entry the app reads
 * and files carry; IndexedDB stores several of one batch per row (storage/rows.ts, StoredChangeRow).
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
