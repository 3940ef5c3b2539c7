// The names people read for records and coded values: a position by its structure, role and place, a structure
// by its name, a region by its name, coded values by their French labels (vocabulary.ts). An id is shown only as
// a last resort, and never alone. Used by the journal, the comparison, consolidation and undo labels. Pure.
import type { ChangeRow } from './change-log';
import { formatEuros, formatFte } from './format-fr';
import type { Fte } from './fte';
import type { Cents } from './money';
import { departmentByCode } from './reference/departments';
import { regionByCode } from './reference/regions';
import type { Position, Scenario, Structure } from './types';
import {
  FUNDER_CATEGORY_LABELS,
  inText,
  LEGAL_STATUS_LABELS,
  NO_LABEL,
  PAYMENT_SCHEDULE_LABELS,
  PURPOSE_LABELS,
  ROLE_LABELS,
  YES_LABEL,
} from './vocabulary';

/** Structures by id (a Map, or any lookup of them). */
export interface StructureLookup {
  get(id: string): Structure | undefined;
}

const label = (table: Readonly<Record<string, string>>, code: string): string | undefined =>
  Object.hasOwn(table, code) ? table[code] : undefined;

/** `Occitanie`; an unknown code says so: `région 99`. */
export function regionName(code: string): string {
  if (code.trim() === '') return 'région non renseignée';
  return regionByCode(code)?.name ?? `région ${code}`;
}

/** `31 – Haute-Garonne`, or null for an unknown code. */
export function departmentName(code: string): string | null {
  const d = code.trim() === '' ? undefined : departmentByCode(code);
  return d ? `${d.code} – ${d.name}` : null;
}

/** A structure by its name; the id only when the structure cannot be found, and then with words. */
export function describeStructure(structure: Pick<Structure, 'name'> | undefined, id = ''): string {
  if (structure) return structure.name.trim() || 'structure sans nom';
  return id.trim() === '' ? 'structure non renseignée' : `structure introuvable (identifiant ${id})`;
}

export type PositionNaming = Pick<Position, 'structureId' | 'role' | 'departmentCode' | 'regionCode'>;

/** `NOVA EMPLOI — coordinateur (31 – Haute-Garonne)`: structure, role, department (or region). */
export function describePosition(position: PositionNaming, structures: StructureLookup): string {
  const s = position.structureId === '' ? undefined : structures.get(position.structureId);
  const who = s
    ? s.name.trim() || 'structure sans nom'
    : position.structureId === ''
      ? 'poste sans structure'
      : 'structure inconnue';
  const roleLabel = label(ROLE_LABELS, position.role);
  const role = roleLabel ? inText(roleLabel) : 'fonction non renseignée';
  const place = departmentName(position.departmentCode) ?? regionName(position.regionCode);
  return `${who} — ${role} (${place})`;
}

/** The French label of a coded value of `field`, or undefined when the field is not coded. */
function codedLabel(field: string, code: string): string | undefined {
  switch (field) {
    case 'role':
      return label(ROLE_LABELS, code);
    case 'legalStatus':
      return label(LEGAL_STATUS_LABELS, code);
    case 'purpose':
      return label(PURPOSE_LABELS, code);
    case 'paymentSchedule':
    case 'defaultPaymentSchedule':
      return label(PAYMENT_SCHEDULE_LABELS, code);
    case 'category':
      return label(FUNDER_CATEGORY_LABELS, code);
    case 'regionCode':
      return code === '' ? undefined : regionName(code);
    case 'departmentCode':
      return departmentName(code) ?? undefined;
    default:
      return undefined;
  }
}

const MONEY_FIELDS = new Set([
  'annualCost',
  'stateAmount',
  'envelope',
  'nationalEnvelope',
  'stateCeilingPerFte',
]);
const FTE_FIELDS = new Set(['fte', 'fteTarget', 'minFtePerStructureRole']);

function describeCoFunding(c: unknown): string {
  if (typeof c !== 'object' || c === null) return String(c);
  const { funder, category, amount } = c as { funder?: unknown; category?: unknown; amount?: unknown };
  const kind = typeof category === 'string' ? label(FUNDER_CATEGORY_LABELS, category) : undefined;
  const who = typeof funder === 'string' && funder.trim() !== '' ? funder.trim() : (kind ?? 'financeur');
  const what = kind && kind !== who ? `${who} (${kind})` : who;
  return `${what} ${formatEuros(Number(amount) as Cents)}`;
}

/**
 * A field's value as people read it: amounts in euros, ETP, coded values by their French label, a structure
 * (field `structureId`) by its name. `structures` names the structures; an unknown one keeps its id, with words.
 */
export function describeFieldValue(field: string, value: unknown, structures?: StructureLookup): string {
  if (value === null || value === undefined) return '—';
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return formatEuros(value as Cents);
  if (FTE_FIELDS.has(field) && typeof value === 'number') return formatFte(value as Fte);
  if (field === 'structureId' && typeof value === 'string')
    return describeStructure(value === '' ? undefined : structures?.get(value), value);
  if (typeof value === 'string') return codedLabel(field, value) ?? value;
  if (field === 'coFundings' && Array.isArray(value))
    return value.length === 0 ? 'aucun' : value.map(describeCoFunding).join(' ; ');
  if (field === 'allStateRateStatuses' && Array.isArray(value))
    return value.map((s) => (typeof s === 'string' ? (label(LEGAL_STATUS_LABELS, s) ?? s) : '?')).join(', ');
  if (typeof value === 'boolean') return value ? YES_LABEL.toLowerCase() : NO_LABEL.toLowerCase();
  if (typeof value === 'object') {
    if (field === '*') return 'enregistrement';
    const name = (value as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim() !== '') return name;
    return JSON.stringify(value).slice(0, 120);
  }
  return String(value);
}

/** What the journal can name: the shown scenario's records, then those its rows hold. */
export interface JournalNames {
  positions: ReadonlyMap<string, Position>;
  structures: StructureLookup;
  scenario: Pick<Scenario, 'id' | 'name' | 'campaign'>;
  scenarioNames: ReadonlyMap<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The names the journal needs: records of the shown scenario first; a record no longer there is named from the
 * rows (a deleted record's old value, a created one's new value, a structure's last logged name).
 */
export function journalNames(
  scenario: Pick<Scenario, 'id' | 'name' | 'campaign' | 'positions' | 'structures'>,
  rows: readonly ChangeRow[],
): JournalNames {
  const wanted = new Set(rows.filter((r) => r.entity === 'position').map((r) => r.entityId));
  const positions = new Map<string, Position>();
  for (const p of scenario.positions) if (wanted.has(p.id)) positions.set(p.id, p);
  const current = new Map(scenario.structures.map((s) => [s.id, s]));
  const logged = new Map<string, Structure>();
  const scenarioNames = new Map<string, string>();
  // Newest first: the first value met is the latest known.
  for (const row of rows) {
    const record = row.field === '*' ? (row.oldValue ?? row.newValue) : null;
    if (row.entity === 'position' && isRecord(record) && !positions.has(row.entityId))
      positions.set(row.entityId, record as unknown as Position);
    if (row.entity === 'structure' && !current.has(row.entityId) && !logged.has(row.entityId)) {
      if (isRecord(record) && typeof record.name === 'string')
        logged.set(row.entityId, record as unknown as Structure);
      else if (row.field === 'name' && typeof (row.newValue ?? row.oldValue) === 'string')
        logged.set(row.entityId, { name: String(row.newValue ?? row.oldValue) } as Structure);
    }
    if (row.entity === 'scenario' && !scenarioNames.has(row.entityId)) {
      const value = isRecord(row.newValue) ? row.newValue : isRecord(row.oldValue) ? row.oldValue : null;
      if (typeof value?.name === 'string') scenarioNames.set(row.entityId, value.name);
    }
  }
  return {
    positions,
    structures: { get: (id) => current.get(id) ?? logged.get(id) },
    scenario,
    scenarioNames,
  };
}

/** The record a journal row is about, by its name: `NOVA EMPLOI — coordinateur (31 – Haute-Garonne)`. */
export function describeChangeSubject(
  row: Pick<ChangeRow, 'entity' | 'entityId'>,
  names: JournalNames,
): string {
  const id = row.entityId;
  switch (row.entity) {
    case 'position': {
      const p = names.positions.get(id);
      return p ? describePosition(p, names.structures) : `poste supprimé (identifiant ${id})`;
    }
    case 'structure':
      return describeStructure(names.structures.get(id), id);
    case 'region':
      return regionName(id);
    case 'campaign':
      return names.scenario.campaign.id === id
        ? `Campagne ${names.scenario.campaign.year}`
        : 'Paramètres de la campagne';
    case 'scenario': {
      const name = id === names.scenario.id ? names.scenario.name : names.scenarioNames.get(id);
      return name === undefined ? 'Scénario' : `Scénario « ${name} »`;
    }
    default:
      return id;
  }
}
