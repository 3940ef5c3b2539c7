// French words of the grids, their toolbars and the Anomalies panel. Words shared by several areas are in
// ui/i18n/fr.ts.
import { AG_GRID_LOCALE_FR } from '@ag-grid-community/locale';
import type { FunderCategory } from '../../domain/types';
import {
  FIELD_LABELS,
  FIGURE_LABELS,
  FUNDER_CATEGORY_LABELS,
  NO_LABEL,
  YES_LABEL,
} from '../../domain/vocabulary';

/** Column headers of the Postes grid, by column id: the fields' and figures' names. */
export const POSITION_HEADERS = {
  regionCode: FIELD_LABELS.regionCode,
  departmentCode: FIELD_LABELS.departmentCode,
  structureName: FIELD_LABELS.structureName,
  legalStatus: FIELD_LABELS.legalStatus,
  role: FIELD_LABELS.role,
  fte: FIELD_LABELS.fte,
  annualCost: FIELD_LABELS.annualCost,
  stateAmount: FIELD_LABELS.stateAmount,
  stateRate: FIGURE_LABELS.stateRate,
  coFundingTotal: FIGURE_LABELS.coFundingTotal,
  coFundingRate: FIGURE_LABELS.coFundingRate,
  remaining: FIGURE_LABELS.remaining,
  cohort: FIELD_LABELS.cohort,
  conventionStart: FIELD_LABELS.conventionStart,
  conventionEnd: FIELD_LABELS.conventionEnd,
  conventionYear: FIELD_LABELS.conventionYear,
  paymentSchedule: FIELD_LABELS.paymentSchedule,
  followUpService: FIELD_LABELS.followUpService,
  purpose: FIELD_LABELS.purpose,
  whiteZone: FIELD_LABELS.whiteZone,
  notes: FIELD_LABELS.notes,
} as const;

/** Headers of the co-funding columns, one per funder category (narrower than the category's name). */
export const CO_FUNDING_HEADERS: Readonly<Record<FunderCategory, string>> = {
  ...FUNDER_CATEGORY_LABELS,
  stateOther: 'État autres crédits',
};

export const REGION_HEADERS = {
  region: 'Région',
  envelope: 'Enveloppe',
  committed: 'Engagé',
  available: 'Disponible',
  fteFacilitators: 'ETP facilitateurs',
  fteCoordinators: 'ETP coordinateurs',
  positions: 'Postes',
  structures: 'Structures',
  leverage: 'Effet levier',
  breaches: 'Anomalies',
} as const;

export const YES = YES_LABEL;
export const NO = NO_LABEL;

export const GRID_LABELS = {
  positionsGrid: 'Postes',
  regionsGrid: 'Régions',
  toolbar: 'Actions sur les postes',
  search: 'Rechercher dans les postes',
  searchHint: 'Structure, département, service de suivi, observations…',
  onlyBreaches: 'Seulement les postes en anomalie',
  groupBy: 'Regrouper par',
  groupNone: 'Aucun',
  groupRegion: 'Région',
  groupStructure: 'Structure',
  add: 'Ajouter un poste',
  duplicate: 'Dupliquer le poste',
  delete: 'Supprimer le poste',
  total: 'Total',
  breachPrefix: 'Anomalie : ',
  overCommitted: 'Enveloppe dépassée',
  regionShown: 'Région affichée :',
  unknownRegion: 'Région non renseignée',
  unknownStructure: 'Structure inconnue',
  allRegions: 'Afficher toutes les régions',
} as const;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

export const GRID_MESSAGES = {
  refused: (message: string) => `Valeur refusée : ${message} — ancienne valeur conservée`,
  envelopeRefused: (message: string) => `Enveloppe refusée : ${message} — ancienne valeur conservée`,
  positions: (n: number) => plural(n, 'poste', 'postes'),
  breaches: (n: number) => plural(n, 'anomalie', 'anomalies'),
  deleted: (n: number) => `${n > 1 ? `${n} postes supprimés` : 'Poste supprimé'} — Annuler avec Ctrl+Z`,
  added: 'Poste ajouté',
  duplicated: 'Poste dupliqué',
  noTarget: 'Placez-vous d’abord sur la ligne d’un poste',
  failed: (message: string) => `Action impossible : ${message}`,
  pasteNoAnchor: 'Placez-vous sur une cellule d’un poste avant de coller',
  pasteEmpty: 'Rien à coller : le presse-papiers ne contient pas de texte',
  pasteDone: (rows: number, columns: number) =>
    `${rows} × ${columns} ${rows * columns > 1 ? 'cellules collées' : 'cellule collée'}`,
  pastePartial: (applied: number, refused: number) =>
    `${plural(applied, 'cellule collée', 'cellules collées')}, ${plural(refused, 'valeur non collée', 'valeurs non collées')} :`,
  pasteProblem: (row: string, column: string, message: string) =>
    `ligne « ${row} », colonne « ${column} » : ${message}`,
  readOnlyColumn: 'colonne calculée, non modifiable',
  computedColumn: (header: string) => `${header} : calculé, non modifiable`,
  pastRowEnd: 'au-delà de la dernière ligne affichée',
  pastColumnEnd: 'au-delà de la dernière colonne',
  hiddenByFilters: 'Ce poste est masqué par le filtre de région',
  groupSummary: 'Totaux du groupe',
} as const;

export const BREACHES_PANEL = {
  title: 'Anomalies',
  none: 'Aucune anomalie : toutes les règles de l’AAP sont respectées.',
  byRegion: 'Anomalies par région',
  list: 'Liste des anomalies',
  showMore: (n: number) => `Afficher ${n.toLocaleString('fr-FR')} anomalies de plus`,
  jumpHint: 'Aller au poste dans la grille',
  notShown: (n: number) =>
    `${n.toLocaleString('fr-FR')} ${n > 1 ? 'anomalies non affichées' : 'anomalie non affichée'}`,
} as const;

/**
 * Where our words differ from AG Grid's French: keyboard hints without English key names, the comparisons staff
 * use for amounts and dates, the app's typography (…), and words the library mistranslates.
 */
const AG_GRID_OVERRIDES: Readonly<Record<string, string>> = {
  loadingOoo: 'Chargement…',
  filterOoo: 'Filtrer…',
  empty: 'Choisir',
  notEqual: 'Différent de',
  lessThan: 'Inférieur à',
  greaterThan: 'Supérieur à',
  lessThanOrEqual: 'Inférieur ou égal à',
  greaterThanOrEqual: 'Supérieur ou égal à',
  ariaFilterInput: 'Saisie du filtre',
  ariaFilterColumn: 'Ctrl+Entrée pour ouvrir le filtre',
  ariaMenuColumn: 'Alt+Bas pour ouvrir le menu de colonne',
  ariaSortableColumn: 'Entrée pour trier',
  ariaInputEditor: 'Éditeur de saisie',
  ariaRowToggleSelection: 'Espace pour sélectionner ou désélectionner la ligne',
  ariaRowSelectAll: 'Espace pour sélectionner toutes les lignes',
  ariaValidationErrorPrefix: 'Erreur de saisie',
};

/** AG Grid's own words (filters, overlays, screen-reader hints) in French: the library's, with our overrides. */
export const AG_GRID_LOCALE_TEXT: Readonly<Record<string, string>> = {
  ...AG_GRID_LOCALE_FR,
  ...AG_GRID_OVERRIDES,
};
