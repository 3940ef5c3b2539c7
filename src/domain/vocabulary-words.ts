// The words staff type for roles, legal statuses, purposes, schedules and funders, as they write them in their
// workbooks (compared without accents, case or punctuation by the readers in vocabulary.ts).
import type { FunderCategory, LegalStatus, PaymentSchedule, Purpose, Role } from './types';

export type Table<T> = ReadonlyArray<readonly [T, readonly string[]]>;

export const ROLE_WORDS: Table<Role> = [
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

export const STATUS_WORDS: Table<LegalStatus> = [
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

export const PURPOSE_WORDS: Table<Purpose> = [
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

export const SCHEDULE_WORDS: Table<PaymentSchedule> = [
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

export const FUNDER_WORDS: Table<FunderCategory> = [
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
