// The app's French vocabulary in one place: the names of fields, computed figures, coded values and campaign
// parameters as grids, panels, import screens and exported files show them (they derive their words from
// these), and the tolerant readers of what staff type for coded values (word lists in vocabulary-words.ts).
import { referenceKey } from './reference/regions';
import { err, ok, type Result } from './result';
import type { FunderCategory, LegalStatus, PaymentSchedule, Purpose, Role, RuleParams } from './types';
import {
  FUNDER_WORDS,
  PURPOSE_WORDS,
  ROLE_WORDS,
  SCHEDULE_WORDS,
  STATUS_WORDS,
  type Table,
} from './vocabulary-words';

/** Names of a position's input fields (and of its structure's, shown on the position's row). */
export const FIELD_LABELS = {
  id: 'Identifiant',
  regionCode: 'Région',
  departmentCode: 'Département',
  structureName: 'Structure',
  siret: 'SIRET',
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
} as const;

/** Names of a position's computed figures. */
export const FIGURE_LABELS = {
  coFundingTotal: 'Total cofinancements',
  stateRate: 'Taux État',
  coFundingRate: 'Taux cofinancement',
  remaining: 'Reste à financer',
} as const;

/** Names of the campaign's parameters (the rules' thresholds among them), as a title. */
export const PARAMETER_LABELS: Readonly<
  Record<keyof RuleParams | 'year' | 'nationalEnvelope' | DefaultKey, string>
> = {
  year: 'Année de la campagne',
  nationalEnvelope: 'Enveloppe nationale',
  maxStateRate: 'Part État maximale',
  minCoFundingRate: 'Cofinancement minimal',
  maxAllStateRate: 'Part État toutes sources maximale',
  allStateRateStatuses: 'Statuts soumis au plafond toutes sources',
  stateCeilingPerFte: 'Plafond de part État par ETP',
  minFtePerStructureRole: 'ETP minimum par structure et fonction',
  maxConventionYears: 'Durée maximale de convention',
  defaultConventionStart: 'Début de convention par défaut',
  defaultConventionEnd: 'Fin de convention par défaut',
  defaultPaymentSchedule: 'Échéancier par défaut',
};

type DefaultKey = 'defaultConventionStart' | 'defaultConventionEnd' | 'defaultPaymentSchedule';

/** A label inside a sentence: `Part État maximale` → `part État maximale`; `ETP minimum…` keeps its acronym. */
export function inText(label: string): string {
  const [first = '', second = ''] = label;
  return second !== second.toLowerCase() ? label : first.toLowerCase() + label.slice(1);
}

/** Funder categories inside a sentence or after `Cofinancement` (`Cofinancement collectivités`). */
const FUNDER_CATEGORY_IN_TEXT: Readonly<Record<FunderCategory, string>> = {
  stateOther: 'État (autres crédits)',
  esfPlus: 'FSE+',
  localAuthority: 'collectivités',
  otherPublic: 'autres publics',
  private: 'privés',
  ownFunds: 'fonds propres',
};

/** The co-funding of one category as a column title: `Cofinancement collectivités`. */
export const CO_FUNDING_LABELS = Object.fromEntries(
  Object.entries(FUNDER_CATEGORY_IN_TEXT).map(([c, words]) => [c, `Cofinancement ${words}`]),
) as Readonly<Record<FunderCategory, string>>;

export const ROLE_LABELS: Record<Role, string> = {
  facilitateur: 'Facilitateur',
  coordinateur: 'Coordinateur',
};

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  association: 'Association',
  collectiviteTerritoriale: 'Collectivité territoriale',
  commune: 'Commune',
  departement: 'Département (conseil départemental)',
  region: 'Région (conseil régional)',
  collectiviteStatutParticulier: 'Collectivité à statut particulier',
  epci: 'Groupement de collectivités (EPCI, métropole, syndicat)',
  etablissementPublic: 'Établissement public',
  gip: 'GIP',
  other: 'Autre',
};

/** Funder categories as a title: `Collectivités`. */
export const FUNDER_CATEGORY_LABELS = Object.fromEntries(
  Object.entries(FUNDER_CATEGORY_IN_TEXT).map(([c, words]) => [
    c,
    words.charAt(0).toUpperCase() + words.slice(1),
  ]),
) as Readonly<Record<FunderCategory, string>>;

export const PURPOSE_LABELS: Record<Purpose, string> = {
  ongoing: 'Convention en cours',
  consolidation: 'Consolidation (AAP échu)',
  largeProject: 'Grand projet',
  newCoordination: 'Nouvelle coordination régionale',
};

export const PAYMENT_SCHEDULE_LABELS: Record<PaymentSchedule, string> = {
  atSignature: '100 % à la signature',
  advanceAndBalance: '50 % avance + 50 % solde',
};

export const YES_LABEL = 'Oui';
export const NO_LABEL = 'Non';

/** Comparison key that also keeps `+` (FSE+) and `%`; accents, case, punctuation and apostrophes ignored. */
function key(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`´]/g, ' ')
    .replace(/[^a-z0-9+%/() ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function lookup<T>(table: Table<T>, text: string, noun: string, feminine = false): Result<T> {
  const k = key(text);
  if (k === '') return err(`${noun} vide`);
  for (const [value] of table) if (value === text.trim()) return ok(value);
  for (const [value, words] of table) if (words.some((w) => key(w) === k)) return ok(value);
  const compact = referenceKey(text);
  for (const [value, words] of table) if (words.some((w) => referenceKey(w) === compact)) return ok(value);
  for (const [value, words] of table)
    if (words.some((w) => w.length > 3 && k.startsWith(key(w) + ' '))) return ok(value);
  return err(`${noun} inconnu${feminine ? 'e' : ''} « ${text.trim()} »`);
}

export const parseRole = (text: string): Result<Role> => lookup(ROLE_WORDS, text, 'fonction', true);
export const parseLegalStatus = (text: string): Result<LegalStatus> =>
  lookup(STATUS_WORDS, text, 'statut juridique');
export const parsePurpose = (text: string): Result<Purpose> => lookup(PURPOSE_WORDS, text, 'objet');
export const parsePaymentSchedule = (text: string): Result<PaymentSchedule> =>
  lookup(SCHEDULE_WORDS, text, 'échéancier');
export const parseFunderCategory = (text: string): Result<FunderCategory> =>
  lookup(FUNDER_WORDS, text, 'catégorie de financeur', true);

/** `oui`/`non`, `x`, `1`/`0`, `vrai`/`faux`; empty is no. */
export function parseYesNo(text: string): Result<boolean> {
  const k = key(text);
  if (['oui', 'o', 'x', '1', 'vrai', 'true', 'yes'].includes(k)) return ok(true);
  if (['non', 'n', '0', 'faux', 'false', 'no', ''].includes(k)) return ok(false);
  return err(`oui/non illisible « ${text.trim()} »`);
}
