// French words of the file toolbar and the import dialog. Words shared by several areas are in ui/i18n/fr.ts.
import type { Position } from '../../domain/types';
import type { ImportStage } from '../../state/import-session.svelte';
import { FIELD_LABELS } from '../../domain/vocabulary';

/** What the progress bar says at each step of an import. */
export const STAGE_LABELS: Readonly<Record<ImportStage, string>> = {
  guard: 'contrôle du fichier',
  verify: 'vérification de l’archive',
  parse: 'lecture des feuilles',
  extract: 'extraction des valeurs',
  analyse: 'analyse du tableau',
};

/** Names of the position fields an import may change. */
export const CHANGED_FIELD_LABELS: Readonly<Record<keyof Position, string>> = {
  id: FIELD_LABELS.id,
  regionCode: FIELD_LABELS.regionCode,
  departmentCode: FIELD_LABELS.departmentCode,
  structureId: FIELD_LABELS.structureName,
  role: FIELD_LABELS.role,
  fte: FIELD_LABELS.fte,
  annualCost: FIELD_LABELS.annualCost,
  stateAmount: FIELD_LABELS.stateAmount,
  coFundings: FIELD_LABELS.coFundings,
  cohort: FIELD_LABELS.cohort,
  conventionStart: FIELD_LABELS.conventionStart,
  conventionEnd: FIELD_LABELS.conventionEnd,
  conventionYear: FIELD_LABELS.conventionYear,
  paymentSchedule: FIELD_LABELS.paymentSchedule,
  followUpService: FIELD_LABELS.followUpService,
  purpose: FIELD_LABELS.purpose,
  whiteZone: FIELD_LABELS.whiteZone,
  notes: FIELD_LABELS.notes,
};

export const FILE_LABELS = {
  toolbar: 'Classeurs',
  importFile: 'Importer un classeur',
  accept: '.xlsx,.xls,.ods,.csv',
  exportXlsx: 'Exporter (.xlsx)',
  exportOds: 'Exporter (.ods)',
  exportCsv: 'Exporter (.csv)',
  exportView: 'Exporter la vue (.xlsx)',
  exportViewHint: 'Seulement les postes affichés dans la grille Postes (recherche et filtres appliqués)',
  preparing: 'Préparation du fichier…',
  dropHint: "Déposez le classeur ici pour l'importer (.xlsx, .xls, .ods ou .csv)",
  dialogTitle: "Import d'un classeur",
  stop: 'Arrêter la lecture',
  validate: "Valider l'import",
  cancel: 'Annuler',
  close: 'Fermer',
  sheet: 'Feuille',
  doNotImport: 'Ne pas importer',
} as const;

/** `22/11/2026 à 14:03`, in the browser's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const date = d.toLocaleDateString('fr-FR');
  const time = d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
  return `${date} à ${time}`;
}
