// French words and colours of the Tableau de bord. Words shared by several areas are in ui/i18n/fr.ts.
import { FIGURE_LABELS, FUNDER_CATEGORY_LABELS, PARAMETER_LABELS } from '../../domain/vocabulary';

export const CHART_TITLES = {
  envelopes: 'Enveloppe, engagé et disponible par région',
  purposes: "Utilisation de l'enveloppe nationale",
  financing: 'Plan de financement par région et par financeur',
  fteByRole: 'ETP par fonction et par région',
  fteByCohort: 'ETP par cohorte AAP et par région',
  endings: 'Conventions arrivant à échéance par mois (24 mois)',
  renewals: 'ETP à renouveler par année',
  aeCp: 'AE et CP par année civile',
} as const;

export const CHART_LABELS = {
  dashboard: 'Tableau de bord',
  saveImage: "Enregistrer l'image",
  showData: 'Voir les données',
  region: 'Région',
  allRegions: 'Toutes les régions',
  month: 'Mois',
  year: 'Année',
  use: 'Utilisation',
  amount: 'Montant',
  share: "Part de l'enveloppe",
  total: 'Total',
  envelope: 'Enveloppe',
  committed: 'Engagé',
  available: 'Disponible',
  stateAap: 'AAP (part État)',
  stateOther: FUNDER_CATEGORY_LABELS.stateOther,
  esfPlus: FUNDER_CATEGORY_LABELS.esfPlus,
  localAuthority: FUNDER_CATEGORY_LABELS.localAuthority,
  otherFunders: 'Autres (publics, privés, fonds propres)',
  remainingToFund: FIGURE_LABELS.remaining,
  totalCost: 'Coût total',
  fteTotal: 'ETP total',
  cohort: (year: number) => `Cohorte ${year}`,
  otherPurpose: 'Objet non renseigné',
  remainingRegions: 'Reste à allouer : disponible dans les enveloppes régionales',
  remainingReserve: 'Reste à allouer : réserve non répartie',
  remaining: 'Reste à allouer',
  reserveNote: 'Réserve non répartie (comprise dans le reste à allouer, hors graphique)',
  overrun: "Dépassement de l'enveloppe nationale (hors graphique)",
  nationalEnvelope: PARAMETER_LABELS.nationalEnvelope,
  conventionsEnding: 'Conventions arrivant à échéance',
  toRenew: 'ETP renouvelables par avenant',
  limitEnds: 'ETP en fin de durée maximale (nouvelle candidature)',
  conventionEnds: 'ETP dont la convention se termine',
  ae: "Autorisations d'engagement (AE)",
  cp: 'Crédits de paiement (CP)',
  showPositions: (region: string) => `${region} : afficher les postes de la région`,
  clickHint: 'Cliquez sur une barre pour afficher les postes de la région.',
} as const;

/** Colours with at least 3:1 contrast on white (DSFR illustrative palette), in series order. */
export const COLORS = {
  blue: '#000091',
  lightBlue: '#6a6af4',
  green: '#18753c',
  teal: '#00786e',
  orange: '#b34000',
  purple: '#6e445a',
  brown: '#7f5c2b',
  grey: '#666666',
  red: '#ce0500',
  /** The unused parts of the national envelope (light on purpose: nothing is spent there). */
  unused: '#c9c9ee',
  reserve: '#e5e5e5',
} as const;

/** Colours for an open list of series (cohorts, purposes). */
export const PALETTE: readonly string[] = [
  COLORS.blue,
  COLORS.orange,
  COLORS.green,
  COLORS.purple,
  COLORS.lightBlue,
  COLORS.brown,
  COLORS.teal,
  COLORS.grey,
];

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** `2027-10` → `oct. 2027`. */
export function monthLabel(key: string): string {
  const month = MONTHS[Number(key.slice(5, 7)) - 1];
  return month ? `${month} ${key.slice(0, 4)}` : key;
}
