// French wording of change-log rows: field names, sources, and values (amounts in cents shown in euros).
import { formatEuros, formatFte } from '../../domain/format-fr';
import type { Cents } from '../../domain/money';
import type { Fte } from '../../domain/fte';
import { FIELD_LABELS, PARAMETER_LABELS } from '../../domain/vocabulary';
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

// The journal has always shown `id` and `siret` as they are.
const { id: _id, siret: _siret, ...POSITION_FIELDS } = FIELD_LABELS;

const CHANGED_FIELDS: Readonly<Record<string, string>> = {
  '*': 'Création / suppression',
  ...POSITION_FIELDS,
  structureId: FIELD_LABELS.structureName,
  name: 'Nom',
  envelope: 'Enveloppe',
  nationalEnvelope: PARAMETER_LABELS.nationalEnvelope,
};

export function fieldLabel(field: string): string {
  return Object.hasOwn(CHANGED_FIELDS, field) ? (CHANGED_FIELDS[field] as string) : field;
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
