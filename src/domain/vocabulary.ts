// Tolerant reading of the words staff type for roles, legal statuses, purposes, schedules, funders and yes/no.
import { referenceKey } from './reference/regions';
import { err, ok, type Result } from './result';
import type { FunderCategory, LegalStatus, PaymentSchedule, Purpose, Role } from './types';

type Table<T> = ReadonlyArray<readonly [T, readonly string[]]>;

const ROLE_WORDS: Table<Role> = [
  [
    'facilitateur',
    [
      'facilitateur',
      'facilitatrice',
      'facilitateurs',
      'facilitation',
      'fac',
      'facilitateur clause',
      'facilitateur de la clause sociale',
    ],
  ],
  [
    'coordinateur',
    [
      'coordinateur',
      'coordinatrice',
      'coordinateurs',
      'coordination',
      'coordination regionale',
      'coordinateur regional',
      'coordinatrice regionale',
      'coord',
    ],
  ],
];

const STATUS_WORDS: Table<LegalStatus> = [
  [
    'association',
    [
      'association',
      'association loi 1901',
      'asso',
      'assoc',
      'association loi 1908',
      'plie',
      'maison de l emploi',
      'mde',
    ],
  ],
  ['collectiviteTerritoriale', ['collectivite territoriale', 'collectivite', 'ct', 'collectivite locale']],
  ['commune', ['commune', 'ville', 'mairie', 'ccas']],
  ['departement', ['departement', 'conseil departemental', 'cd', 'collectivite departementale']],
  ['region', ['region', 'conseil regional', 'cr']],
  [
    'collectiviteStatutParticulier',
    [
      'collectivite a statut particulier',
      'ctu',
      'collectivite territoriale unique',
      'collectivite de corse',
      'metropole de lyon',
    ],
  ],
  [
    'epci',
    [
      'epci',
      'groupement de collectivites',
      'metropole',
      'communaute d agglomeration',
      'communaute de communes',
      'communaute urbaine',
      'syndicat',
      'syndicat mixte',
      'agglomeration',
      'etablissement public territorial',
      'ept',
    ],
  ],
  [
    'etablissementPublic',
    ['etablissement public', 'epa', 'epic', 'ep', 'etablissement public administratif'],
  ],
  ['gip', ['gip', 'groupement d interet public']],
  [
    'other',
    [
      'autre',
      'autres',
      'sas',
      'sarl',
      'scic',
      'entreprise',
      'groupement d employeurs',
      'ge',
      'fondation',
      'cooperative',
    ],
  ],
];

const PURPOSE_WORDS: Table<Purpose> = [
  ['ongoing', ['convention en cours', 'en cours', 'renouvellement', 'reconduction', 'avenant', 'poursuite']],
  [
    'consolidation',
    [
      'consolidation',
      'consolidation aap echu',
      'aap echu',
      'poste echu',
      'consolidation aap 2022',
      'consolidation aap 2023',
    ],
  ],
  [
    'largeProject',
    ['grand projet', 'grands projets', 'jop', 'jop d hiver 2030', 'npnru', 'projet structurant'],
  ],
  [
    'newCoordination',
    [
      'nouvelle coordination',
      'nouvelle coordination regionale',
      'creation coordination',
      'nouveau coordinateur',
    ],
  ],
];

const SCHEDULE_WORDS: Table<PaymentSchedule> = [
  ['atSignature', ['100 % a la signature', '100 % signature', 'a la signature', 'signature', '100 %', '100']],
  [
    'advanceAndBalance',
    [
      '50 % avance + 50 % solde',
      '50/50',
      '50 % / 50 %',
      'avance et solde',
      'avance + solde',
      '50 % avance',
      'avance',
    ],
  ],
];

const FUNDER_WORDS: Table<FunderCategory> = [
  [
    'stateOther',
    [
      'etat',
      'etat autres credits',
      'autres credits etat',
      'politique de la ville',
      'cofinancement etat',
      'dpv',
      'anct',
      'etat (autres credits)',
    ],
  ],
  [
    'esfPlus',
    ['fse', 'fse+', 'fse plus', 'fonds social europeen', 'cofinancement fse+', 'cofinancement fse'],
  ],
  [
    'localAuthority',
    [
      'collectivites',
      'collectivite',
      'cofinancement collectivites',
      'conseil departemental',
      'conseil regional',
      'commune',
      'epci',
      'metropole',
      'departement',
      'region',
    ],
  ],
  [
    'otherPublic',
    ['autres publics', 'autre public', 'france travail', 'caf', 'bailleur social', 'bailleurs'],
  ],
  [
    'private',
    [
      'prive',
      'prives',
      'entreprises',
      'fondation',
      'autres (prives, fonds propres)',
      'autres cofinancements',
      'autres',
      'autre',
    ],
  ],
  ['ownFunds', ['fonds propres', 'autofinancement', 'structure']],
];

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
