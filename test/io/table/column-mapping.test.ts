// French column titles and their variants are recognised; a mapping can be checked and remembered.
import { describe, expect, it } from 'vitest';
import {
  mappingKey,
  matchHeader,
  proposeMapping,
  validateMapping,
} from '../../../src/io/table/column-mapping';

describe('matchHeader', () => {
  it.each([
    ['Bénéficiaire', 'structureName'],
    ['Structure porteuse', 'structureName'],
    ['STRUCTURE', 'structureName'],
    ['Statut', 'legalStatus'],
    ['Statut juridique de la structure', 'legalStatus'],
    ['Département', 'departmentCode'],
    ['Dép.', 'departmentCode'],
    ['Région', 'regionCode'],
    ['Suivi convention', 'followUpService'],
    ['Service de suivi', 'followUpService'],
    ['Qualité', 'role'],
    ['Fonction', 'role'],
    ['Poste', 'role'],
    ['ETP', 'fte'],
    ['Nb ETP', 'fte'],
    ['Nombre d’ETP', 'fte'],
    ['Coût total annuel', 'annualCost'],
    ['Coût annuel chargé', 'annualCost'],
    ['Coût du poste', 'annualCost'],
    ['Coût total annuel chargé (€)', 'annualCost'],
    ['Part État (AAP)', 'stateAmount'],
    ['Subvention AAP', 'stateAmount'],
    ['Montant AAP 2026', 'stateAmount'],
    ['État (autres crédits)', 'coFunding.stateOther'],
    ['Cofinancement État', 'coFunding.stateOther'],
    ['FSE+', 'coFunding.esfPlus'],
    ['Cofinancement FSE', 'coFunding.esfPlus'],
    ['Collectivités', 'coFunding.localAuthority'],
    ['Cofinancement conseil départemental', 'coFunding.localAuthority'],
    ['Autres (privés, fonds propres)', 'coFunding.private'],
    ['Autres cofinancements', 'coFunding.private'],
    ['Fonds propres', 'coFunding.ownFunds'],
    ['Cofinancements — FSE+', 'coFunding.esfPlus'],
    ['Cofinancements — État (autres crédits)', 'coFunding.stateOther'],
    ['Cofinancements — Région', 'coFunding.localAuthority'],
    ['Cofinancement', 'coFundingAmount'],
    ['Financeur', 'coFundingFunder'],
    ['Cohorte AAP', 'cohort'],
    ['Cohorte', 'cohort'],
    ['Début convention', 'conventionStart'],
    ['Date de début', 'conventionStart'],
    ['Fin convention', 'conventionEnd'],
    ['Convention — Début', 'conventionStart'],
    ['Année de convention', 'conventionYear'],
    ['Échéancier', 'paymentSchedule'],
    ['Objet', 'purpose'],
    ['Zone blanche', 'whiteZone'],
    ['Observations', 'notes'],
    ['Commentaires', 'notes'],
    ['Identifiant', 'id'],
    ['Total cofinancements', 'computed'],
    ['Taux État', 'computed'],
    ['Reste à financer', 'computed'],
    ['Enveloppe notifiée 2026', null],
    ['', null],
  ])('%j → %s', (header, field) => {
    expect(matchHeader(header).field).toBe(field);
  });
});

describe('proposeMapping', () => {
  it('gives each field to one column, the most confident', () => {
    const { mapping, columns } = proposeMapping(['Structure', 'ETP', 'Nb ETP', 'Total', 'Taux État']);
    expect(mapping).toEqual(['structureName', 'fte', null, 'computed', 'computed']);
    expect(columns[1]).toMatchObject({ letter: 'B', confidence: 1 });
  });

  it('keeps pairs of co-funding amount and funder columns', () => {
    const { mapping } = proposeMapping([
      'Structure',
      'Cofinancement',
      'Financeur',
      'Cofinancement',
      'Financeur',
    ]);
    expect(mapping).toEqual([
      'structureName',
      'coFundingAmount',
      'coFundingFunder',
      'coFundingAmount',
      'coFundingFunder',
    ]);
  });
});

describe('validateMapping', () => {
  it('names missing required fields and fields held twice', () => {
    const headers = ['Structure', 'ETP', 'Quotité'];
    expect(validateMapping(['structureName', 'fte', 'fte'], headers)).toEqual([
      "Aucune colonne n'est associée à « Fonction ».",
      "Aucune colonne n'est associée à « Coût annuel ».",
      "Aucune colonne n'est associée à « Part État (AAP) ».",
      'Les colonnes B (« ETP ») et C (« Quotité ») sont toutes associées à « ETP ».',
    ]);
  });
});

describe('mappingKey', () => {
  it('is the same for the same titles written differently, and differs otherwise', () => {
    const a = mappingKey(['Bénéficiaire', 'Coût total annuel', 'ETP']);
    expect(mappingKey(['BENEFICIAIRE ', 'cout  total annuel', 'etp'])).toBe(a);
    expect(mappingKey(['Bénéficiaire', 'Coût total annuel'])).not.toBe(a);
    expect(mappingKey(['Bénéficiaire', 'ETP', 'Coût total annuel'])).not.toBe(a);
  });
});
