// The French words for the app's coded values (roles, legal statuses, funders, purposes, schedules): shown in
// the UI and written in exported files, so they live below both (ui/i18n/fr.ts re-exports them).
import type { FunderCategory, LegalStatus, PaymentSchedule, Purpose, Role } from './types';

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

export const FUNDER_CATEGORY_LABELS: Record<FunderCategory, string> = {
  stateOther: 'État (autres crédits)',
  esfPlus: 'FSE+',
  localAuthority: 'Collectivités',
  otherPublic: 'Autres publics',
  private: 'Privés',
  ownFunds: 'Fonds propres',
};

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
