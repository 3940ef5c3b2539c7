// French wording of change-log rows: field names, sources, and values (amounts in cents shown in euros).
import { describeFieldValue, type StructureLookup } from '../../domain/record-names';
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
  ...PARAMETER_LABELS,
  ...POSITION_FIELDS,
  structureId: FIELD_LABELS.structureName,
  name: 'Nom',
  envelope: 'Enveloppe',
  fteTarget: 'Objectif ETP',
  rules: 'Règles de la campagne',
  journal: 'Journal',
};

export function fieldLabel(field: string): string {
  return Object.hasOwn(CHANGED_FIELDS, field) ? (CHANGED_FIELDS[field] as string) : field;
}

/** A value as the journal and the comparison show it (domain/record-names.ts): labels, euros, names. */
export function describeValue(field: string, value: unknown, structures?: StructureLookup): string {
  return describeFieldValue(field, value, structures);
}
