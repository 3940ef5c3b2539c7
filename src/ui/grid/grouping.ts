// Our own grouping of the Postes grid by region or structure (AG Grid's row grouping is Enterprise): one header
// row per group in the row data, and a reordering of the sorted rows so each group follows its header.
import { REGIONS, regionByCode } from '../../domain/reference/regions';
import type { Position, Structure } from '../../domain/types';
import type { GroupBy, GroupRow } from './grid-rows';
import { GRID_LABELS } from './labels-fr';

export type ActiveGroupBy = Exclude<GroupBy, 'none'>;

const UNKNOWN_REGION = GRID_LABELS.unknownRegion;
const UNKNOWN_STRUCTURE = GRID_LABELS.unknownStructure;

export function groupKeyOf(p: Position, groupBy: ActiveGroupBy): string {
  return groupBy === 'region' ? p.regionCode : p.structureId;
}

export function groupRowId(groupBy: ActiveGroupBy, key: string): string {
  return `group:${groupBy}:${key}`;
}

export function groupLabel(
  groupBy: ActiveGroupBy,
  key: string,
  structures: ReadonlyMap<string, Structure>,
): string {
  if (groupBy === 'region') return regionByCode(key)?.name ?? (key === '' ? UNKNOWN_REGION : key);
  return structures.get(key)?.name ?? UNKNOWN_STRUCTURE;
}

/**
 * The header rows for the groups present in `positions`. Rows whose label did not change are the same objects
 * as in `previous`, so pushing them again to AG Grid updates nothing.
 */
export function groupRowsFor(
  positions: readonly Position[],
  groupBy: ActiveGroupBy,
  structures: ReadonlyMap<string, Structure>,
  previous: ReadonlyMap<string, GroupRow> = new Map(),
): Map<string, GroupRow> {
  const rows = new Map<string, GroupRow>();
  for (const p of positions) {
    const key = groupKeyOf(p, groupBy);
    if (rows.has(key)) continue;
    const label = groupLabel(groupBy, key, structures);
    const id = groupRowId(groupBy, key);
    const old = previous.get(key);
    rows.set(
      key,
      old && old.id === id && old.label === label ? old : { rowKind: 'group', id, groupBy, key, label },
    );
  }
  return rows;
}

const REGION_RANK: ReadonlyMap<string, number> = new Map(REGIONS.map((r, i) => [r.code, i]));
const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Regions in the official order, structures by name (French collation); unknown keys last. */
export function compareGroups(a: GroupRow, b: GroupRow): number {
  if (a.groupBy === 'region') {
    const ra = REGION_RANK.get(a.key) ?? Number.MAX_SAFE_INTEGER;
    const rb = REGION_RANK.get(b.key) ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
  }
  return COLLATOR.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export interface GroupedOrder<T> {
  /** Each header followed by the items of its group, groups in order; empty groups left out. */
  rows: T[];
  groups: { header: GroupRow; items: T[] }[];
}

/**
 * Reorders already sorted items by group, keeping their order inside each group (the user's sort).
 * `keyOf` gives an item's group key, null for items that are not positions (they are dropped).
 */
export function interleaveGroups<T>(
  sorted: readonly T[],
  keyOf: (item: T) => string | null,
  headers: ReadonlyMap<string, GroupRow>,
  headerItem: (header: GroupRow) => T | undefined,
): GroupedOrder<T> {
  const buckets = new Map<string, T[]>();
  for (const item of sorted) {
    const key = keyOf(item);
    if (key === null) continue;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(item);
    else buckets.set(key, [item]);
  }
  const groups: { header: GroupRow; items: T[] }[] = [];
  const loose: T[] = [];
  for (const [key, items] of buckets) {
    const header = headers.get(key);
    if (header) groups.push({ header, items });
    else for (const item of items) loose.push(item);
  }
  groups.sort((a, b) => compareGroups(a.header, b.header));
  const rows: T[] = [];
  for (const g of groups) {
    const item = headerItem(g.header);
    if (item !== undefined) rows.push(item);
    for (const x of g.items) rows.push(x);
  }
  for (const x of loose) rows.push(x);
  return { rows, groups };
}
