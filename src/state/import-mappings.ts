// Column mappings remembered for files with the same headers, stored in the meta row `importMappings` as a plain
// object mappingKey → field per column. Only mappings the person changed are kept (a proposal needs no memory),
// at most MAX_REMEMBERED, the latest last. What storage gives back is checked field by field before use.
import { FIELD_LABELS, type ImportField, type Mapping } from '../io/table/column-mapping';

export type RememberedMappings = Readonly<Record<string, readonly (ImportField | null)[]>>;

export const MAX_REMEMBERED = 30;

const FIELDS: ReadonlySet<string> = new Set(Object.keys(FIELD_LABELS));
/** mappingKey gives `<column count>-<base-36 hash>`. */
const KEY = /^\d{1,4}-[0-9a-z]{1,12}$/;
const MAX_COLUMNS = 1_024;

function isField(v: unknown): v is ImportField | null {
  return v === null || (typeof v === 'string' && FIELDS.has(v));
}

/** The well-formed entries of a stored value (anything else is dropped). */
export function readRemembered(value: unknown): RememberedMappings {
  const out: Record<string, (ImportField | null)[]> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const key of Object.keys(value)) {
    const mapping: unknown = (value as Record<string, unknown>)[key];
    if (!KEY.test(key) || !Array.isArray(mapping) || mapping.length > MAX_COLUMNS) continue;
    if (mapping.every(isField)) out[key] = [...(mapping as (ImportField | null)[])];
  }
  return out;
}

/** The mapping remembered for a table with these headers, if it has one column per header. */
export function rememberedFor(
  stored: RememberedMappings,
  key: string,
  headerCount: number,
): Mapping | undefined {
  const mapping = Object.hasOwn(stored, key) ? stored[key] : undefined;
  return mapping && mapping.length === headerCount ? mapping : undefined;
}

export function sameMapping(a: Mapping, b: Mapping): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

/**
 * The remembered mappings after an import validated with `mapping`: kept (moved last) when it differs from what
 * the headers propose, forgotten when it is the proposal; the oldest dropped beyond MAX_REMEMBERED.
 */
export function remember(
  stored: RememberedMappings,
  key: string,
  mapping: Mapping,
  proposal: Mapping,
): Record<string, (ImportField | null)[]> {
  const out: Record<string, (ImportField | null)[]> = {};
  for (const k of Object.keys(stored)) if (k !== key) out[k] = [...(stored[k] ?? [])];
  if (!sameMapping(mapping, proposal)) out[key] = [...mapping];
  const keys = Object.keys(out);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete out[k];
  return out;
}
