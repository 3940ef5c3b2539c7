// The French column titles staff use for each field of a position, and the comparison key for titles.
// Order matters only for readability: an exact title wins, then the longest title found inside a header.
import type { FunderCategory } from '../../domain/types';

export type CoFundingColumn = `coFunding.${FunderCategory}`;

/** What a column of an imported sheet holds. `computed`: a column the app computes (read, then ignored). */
export type ImportField =
  | 'id'
  | 'structureName'
  | 'siret'
  | 'legalStatus'
  | 'departmentCode'
  | 'regionCode'
  | 'followUpService'
  | 'role'
  | 'fte'
  | 'annualCost'
  | 'stateAmount'
  | CoFundingColumn
  | 'coFundingAmount'
  | 'coFundingFunder'
  | 'coFundingCategory'
  | 'cohort'
  | 'conventionStart'
  | 'conventionEnd'
  | 'conventionYear'
  | 'paymentSchedule'
  | 'purpose'
  | 'whiteZone'
  | 'notes'
  | 'computed';

/** Lower case, no accents, apostrophes and punctuation as spaces (`+` and `%` kept), single spaces. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/n°/g, 'n ')
    .replace(/[^a-z0-9+%]+/g, ' ')
    .trim();
}

const CO = (c: FunderCategory): CoFundingColumn => `coFunding.${c}`;

/** Titles per field, written as people type them (normalised with headerKey when compared). */
export const HEADER_WORDS: ReadonlyArray<readonly [ImportField, readonly string[]]> = [
  [
    'computed',
    [
      'Total cofinancements',
      'Total des cofinancements',
      'Taux État',
      'Taux cofinancement',
      'Taux de cofinancement',
      'Taux de financement État',
      'Reste à financer',
      'Reste à charge',
      'Écart',
      'État toutes sources',
      'Plafond État',
      'Anomalies',
      'Total financements',
      'Total',
    ],
  ],
  ['id', ['Identifiant', 'Identifiant poste', 'Id', 'Id poste', 'Identifiant du poste', 'Réf. poste']],
  [
    'structureName',
    [
      'Bénéficiaire',
      'Structure porteuse',
      'Structure',
      'Nom de la structure',
      'Porteur',
      'Structure bénéficiaire',
      'Organisme',
      'Raison sociale',
      'Employeur',
      'Nom structure',
      'Porteur de projet',
    ],
  ],
  ['siret', ['SIRET', 'N° SIRET', 'Numéro SIRET', 'Siret de la structure']],
  [
    'legalStatus',
    [
      'Statut juridique',
      'Statut',
      'Forme juridique',
      'Nature juridique',
      'Type de structure',
      'Catégorie juridique',
    ],
  ],
  [
    'departmentCode',
    ['Département', 'Dép.', 'Dept', 'Code département', 'N° département', 'Département (code)'],
  ],
  ['regionCode', ['Région', 'Code région', 'Région (code)']],
  [
    'followUpService',
    [
      'Suivi convention',
      'Service de suivi',
      'Suivi',
      'Service instructeur',
      'Service gestionnaire',
      'Service en charge du suivi',
      'Suivi de la convention',
    ],
  ],
  ['role', ['Qualité', 'Fonction', 'Poste', 'Type de poste', 'Rôle', 'Intitulé du poste', 'Emploi']],
  ['fte', ['ETP', 'Nb ETP', "Nombre d'ETP", 'Nombre ETP', 'ETP financés', 'Quotité', 'ETP du poste']],
  [
    'annualCost',
    [
      'Coût total annuel',
      'Coût annuel chargé',
      'Coût du poste',
      'Coût annuel',
      'Coût total',
      'Coût total du poste',
      'Coût annuel du poste',
      'Budget du poste',
      'Coût',
      'Coût chargé',
    ],
  ],
  [
    'stateAmount',
    [
      'Part État (AAP)',
      'Part État',
      'Subvention AAP',
      'Montant AAP',
      'Financement AAP',
      'Subvention État',
      'Montant État',
      'Montant accordé',
      'Subvention',
      'Montant de la subvention AAP',
      'Part AAP',
      'AAP',
    ],
  ],
  [
    CO('stateOther'),
    [
      'État (autres crédits)',
      'État autres crédits',
      'Cofinancement État',
      'Autres crédits État',
      'Politique de la ville',
      'Cofinancement État (autres crédits)',
    ],
  ],
  [CO('esfPlus'), ['FSE+', 'FSE', 'Cofinancement FSE+', 'Cofinancement FSE', 'Fonds social européen']],
  [
    CO('localAuthority'),
    [
      'Collectivités',
      'Cofinancement collectivités',
      'Collectivités territoriales',
      'Cofinancement collectivités territoriales',
    ],
  ],
  [
    CO('otherPublic'),
    [
      'Autres publics',
      'Autres financeurs publics',
      'Cofinancement autres publics',
      'Autres financements publics',
    ],
  ],
  [
    CO('private'),
    [
      'Autres (privés, fonds propres)',
      'Autres cofinancements',
      'Privés',
      'Cofinancement privés',
      'Financeurs privés',
      'Cofinancement privé',
    ],
  ],
  [CO('ownFunds'), ['Fonds propres', 'Cofinancement fonds propres', 'Autofinancement']],
  [
    'coFundingAmount',
    ['Cofinancement', 'Montant cofinancement', 'Montant du cofinancement', 'Cofinancements'],
  ],
  ['coFundingFunder', ['Financeur', 'Cofinanceur', 'Nom du financeur', 'Nom du cofinanceur', 'Financeurs']],
  [
    'coFundingCategory',
    ['Catégorie de financeur', 'Type de financeur', 'Catégorie', 'Type de cofinancement'],
  ],
  ['cohort', ['Cohorte AAP', 'Cohorte', 'Année AAP', "AAP d'origine", 'Millésime AAP', 'Cohorte (AAP)']],
  [
    'conventionStart',
    [
      'Début convention',
      'Date de début',
      'Date début',
      'Début',
      'Début de la convention',
      'Date de début de convention',
      "Date d'effet",
    ],
  ],
  [
    'conventionEnd',
    ['Fin convention', 'Date de fin', 'Date fin', 'Fin', 'Fin de la convention', 'Date de fin de convention'],
  ],
  [
    'conventionYear',
    ['Année de convention', 'Année convention', 'Année de la convention', 'Année (1, 2 ou 3)'],
  ],
  [
    'paymentSchedule',
    ['Échéancier', 'Échéancier de paiement', 'Modalités de versement', 'Versement', 'Modalité de paiement'],
  ],
  ['purpose', ['Objet', 'Motif', 'Objet du financement', 'Nature du financement', 'Type de financement']],
  ['whiteZone', ['Zone blanche', 'ZB', 'Territoire non couvert']],
  [
    'notes',
    ['Observations', 'Observation', 'Commentaires', 'Commentaire', 'Remarques', 'Notes', 'Précisions'],
  ],
];

/** Group titles of a two-row header whose sub-titles are co-funding categories. */
export const CO_FUNDING_GROUP_WORDS: readonly string[] = [
  'cofinancements',
  'cofinancement',
  'cofinanceurs',
  'autres financements',
  'financements',
  'plan de financement',
];
