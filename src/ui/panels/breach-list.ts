// What the Anomalies panel lists: every breach with its region, structure and role, in region order then by
// structure name, and the number of breaches per region. Pure, from the domain's figures.
import type { BreachField } from '../../domain/breach';
import type { ScenarioFigures } from '../../domain/recompute';
import { REGIONS, regionByCode } from '../../domain/reference/regions';
import type { Position, Structure } from '../../domain/types';
import { ROLE_LABELS } from '../i18n/fr';
import { GRID_LABELS } from '../grid/labels-fr';

export interface BreachItem {
  /** Unique within the list (a position can break several rules). */
  key: string;
  positionId: string;
  field: BreachField;
  regionName: string;
  structureName: string;
  roleLabel: string;
  message: string;
}

export interface RegionCount {
  regionCode: string;
  name: string;
  count: number;
}

const UNKNOWN_STRUCTURE = GRID_LABELS.unknownStructure;
const REGION_RANK: ReadonlyMap<string, number> = new Map(REGIONS.map((r, i) => [r.code, i]));
const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const regionName = (code: string) => regionByCode(code)?.name ?? (code || GRID_LABELS.unknownRegion);

export function breachItems(
  figures: ScenarioFigures,
  positions: readonly Position[],
  structures: ReadonlyMap<string, Structure>,
): BreachItem[] {
  const byId = new Map(positions.map((p) => [p.id, p]));
  const items = figures.breaches.map((b, i): BreachItem & { rank: number } => {
    const p = byId.get(b.positionId);
    return {
      key: `${b.positionId}:${b.ruleId}:${i}`,
      positionId: b.positionId,
      field: b.field,
      regionName: regionName(b.regionCode),
      structureName: (p && structures.get(p.structureId)?.name) || UNKNOWN_STRUCTURE,
      roleLabel: p ? ROLE_LABELS[p.role] : '',
      message: b.message,
      rank: REGION_RANK.get(b.regionCode) ?? REGIONS.length,
    };
  });
  items.sort((a, b) => a.rank - b.rank || COLLATOR.compare(a.structureName, b.structureName));
  return items.map(({ rank: _rank, ...item }) => item);
}

/** Regions with at least one breach, in the order of the figures (the scenario's regions). */
export function regionCounts(figures: ScenarioFigures): RegionCount[] {
  return figures.regions
    .filter((r) => r.breachCount > 0)
    .map((r) => ({ regionCode: r.regionCode, name: regionName(r.regionCode), count: r.breachCount }));
}
