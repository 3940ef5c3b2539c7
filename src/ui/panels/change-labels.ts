// French wording of change-log rows: field names, sources, and values (amounts in cents shown in euros).
import { formatEuros, formatFte } from '../../domain/format-fr';
import type { Cents } from '../../domain/money';
import type { Fte } from '../../domain/fte';
import type { ChangeSource } from '../../storage/rows';

export const SOURCE_LABELS: Record<ChangeSource, string> = {
  grid: 'Grille',
  paste: 'Collage',
  import: 'Import',
  undo: 'Annulation',
  redo: 'Rétablissement',
  demo: 'Démonstration',
  scenario: 'Scénario',
  allocation: 'Répartition',
  restore: 'Restauration',
};

const FIELD_LABELS: Record<string, string> = {
  '*': 'Création / suppression',
  regionCode: 'Région',
  departmentCode: 'Département',
  structureId: 'Structure',
  structureName: 'Structure',
  name: 'Nom',
  legalStatus: 'Statut juridique',
  role: 'Fonction',
  fte: 'ETP',
  annualCost: 'Coût annuel',
  stateAmount: 'Part État',
  coFundings: 'Cofinancements',
  cohort: 'Cohorte',
  conventionStart: 'Début convention',
  conventionEnd: 'Fin convention',
  conventionYear: 'Année de convention',
  paymentSchedule: 'Échéancier',
  followUpService: 'Service de suivi',
  purpose: 'Objet',
  whiteZone: 'Zone blanche',
  notes: 'Observations',
  envelope: 'Enveloppe',
  nationalEnvelope: 'Enveloppe nationale',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

const MONEY_FIELDS = new Set(['annualCost', 'stateAmount', 'envelope', 'nationalEnvelope']);

export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return formatEuros(value as Cents);
  if (field === 'fte' && typeof value === 'number') return formatFte(value as Fte);
  if (field === 'coFundings' && Array.isArray(value)) {
    return value
      .map(
        (c: { funder?: unknown; amount?: unknown }) =>
          `${String(c.funder)} ${formatEuros(Number(c.amount) as Cents)}`,
      )
      .join(' ; ');
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'object')
    return field === '*' ? 'enregistrement' : JSON.stringify(value).slice(0, 120);
  return String(value);
}
